package io.atlas4j.hcl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code format(spec, args...)} with the verbs of Go's fmt as Terraform exposes them: {@code %s %d %v %#v %q
 * %t %f %e %g %b %o %x %X %%}, flags {@code + - # 0 space}, width, precision and {@code %[n]} indexes.
 */
final class Format {

    private Format() {
    }

    /** @param args all arguments of the call; the spec is {@code args.get(0)} */
    static String format(List<Value> args) {
        String spec = Args.str(args, 0);
        StringBuilder out = new StringBuilder();
        int next = 1;
        int maxUsed = 0;
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i < spec.length() && spec.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            boolean plus = false;
            boolean minus = false;
            boolean sharp = false;
            boolean zero = false;
            boolean space = false;
            while (i < spec.length() && "+-# 0".indexOf(spec.charAt(i)) >= 0) {
                switch (spec.charAt(i++)) {
                    case '+':
                        plus = true;
                        break;
                    case '-':
                        minus = true;
                        break;
                    case '#':
                        sharp = true;
                        break;
                    case '0':
                        zero = true;
                        break;
                    default:
                        space = true;
                }
            }
            int[] cursor = {i};
            Integer explicit = index(spec, cursor);
            int width = digits(spec, cursor);
            int precision = -1;
            if (cursor[0] < spec.length() && spec.charAt(cursor[0]) == '.') {
                cursor[0]++;
                precision = Math.max(0, digits(spec, cursor));
            }
            Integer explicitAfter = index(spec, cursor);
            if (explicitAfter != null) {
                explicit = explicitAfter;
            }
            i = cursor[0];
            if (i >= spec.length()) {
                throw new HclFunctionException(0, "format string ends in an incomplete verb");
            }
            char verb = spec.charAt(i++);
            if (explicit != null) {
                next = explicit;
            }
            if (next >= args.size()) {
                throw new HclFunctionException(0, "not enough arguments for the format string: verb %" + verb
                        + " needs argument " + next + "; arguments given: " + (args.size() - 1));
            }
            int argIndex = next++;
            maxUsed = Math.max(maxUsed, argIndex);
            String text = render(verb, args, argIndex, plus, sharp, space, precision);
            boolean numeric = "dbofFeEgGxX".indexOf(verb) >= 0 && args.get(argIndex) instanceof Value.Num;
            out.append(pad(text, width, minus, zero && numeric));
        }
        if (maxUsed < args.size() - 1) {
            throw new HclFunctionException(maxUsed + 1, "too many arguments: the format string uses " + maxUsed
                    + " of " + (args.size() - 1));
        }
        return out.toString();
    }

    private static Integer index(String spec, int[] cursor) {
        int i = cursor[0];
        if (i < spec.length() && spec.charAt(i) == '[') {
            int close = spec.indexOf(']', i);
            if (close < 0) {
                throw new HclFunctionException(0, "unterminated argument index in the format string");
            }
            try {
                int n = Integer.parseInt(spec.substring(i + 1, close));
                cursor[0] = close + 1;
                if (n < 1) {
                    throw new HclFunctionException(0, "argument index %[" + n + "] must be 1 or more");
                }
                return n;
            } catch (NumberFormatException bad) {
                throw new HclFunctionException(0, "invalid argument index in the format string");
            }
        }
        return null;
    }

    private static int digits(String spec, int[] cursor) {
        int start = cursor[0];
        while (cursor[0] < spec.length() && Character.isDigit(spec.charAt(cursor[0]))) {
            cursor[0]++;
        }
        return start == cursor[0] ? -1 : Integer.parseInt(spec.substring(start, cursor[0]));
    }

    private static String render(char verb, List<Value> args, int i, boolean plus, boolean sharp, boolean space,
            int precision) {
        Value v = args.get(i);
        switch (verb) {
            case 'v':
                if (sharp || v instanceof Value.ListV || v instanceof Value.SetV || v instanceof Value.Obj) {
                    return Json.encode(v);
                }
                if (v instanceof Value.Null) {
                    return "null";
                }
                return sign(Args.str(args, i), v, plus, space);
            case 's': {
                notNull(v, i, verb);
                String s = Args.str(args, i);
                return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
            }
            case 'q':
                notNull(v, i, verb);
                return goQuote(Args.str(args, i));
            case 't':
                notNull(v, i, verb);
                if (v instanceof Value.Bool b) {
                    return Boolean.toString(b.value());
                }
                throw Args.mismatch(i, "a bool for %t", v);
            case 'd':
            case 'b':
            case 'o':
            case 'x':
            case 'X': {
                notNull(v, i, verb);
                if ((verb == 'x' || verb == 'X') && v instanceof Value.Str s) {
                    StringBuilder hex = new StringBuilder();
                    for (byte b : s.value().getBytes(StandardCharsets.UTF_8)) {
                        hex.append(String.format(verb == 'x' ? "%02x" : "%02X", b & 0xff));
                    }
                    return hex.toString();
                }
                BigDecimal n = Args.num(args, i);
                BigInteger whole;
                try {
                    whole = n.toBigIntegerExact();
                } catch (ArithmeticException fraction) {
                    throw new HclFunctionException(i, "%" + verb + " needs a whole number, got "
                            + Values.numberText(n) + "; use %f for fractions");
                }
                int radix = verb == 'd' ? 10 : verb == 'b' ? 2 : verb == 'o' ? 8 : 16;
                String digits = whole.abs().toString(radix);
                if (verb == 'X') {
                    digits = digits.toUpperCase();
                }
                if (sharp && radix == 16) {
                    digits = (verb == 'X' ? "0X" : "0x") + digits;
                } else if (sharp && radix == 8) {
                    digits = "0" + digits;
                }
                return signed(whole.signum() < 0, digits, plus, space);
            }
            case 'f':
            case 'F': {
                notNull(v, i, verb);
                BigDecimal n = Args.num(args, i);
                String digits = n.abs().setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString();
                return signed(n.signum() < 0, digits, plus, space);
            }
            case 'e':
            case 'E':
            case 'g':
            case 'G': {
                notNull(v, i, verb);
                BigDecimal n = Args.num(args, i);
                String pattern = "%" + (precision >= 0 ? "." + precision : "") + verb;
                String digits = String.format(java.util.Locale.ROOT, pattern, n.abs().doubleValue());
                return signed(n.signum() < 0, digits, plus, space);
            }
            default:
                throw new HclFunctionException(0, "unsupported format verb %" + verb);
        }
    }

    private static void notNull(Value v, int i, char verb) {
        if (v instanceof Value.Null) {
            throw new HclFunctionException(i, "argument " + (i + 1) + " is null; %" + verb + " needs a value");
        }
    }

    private static String sign(String text, Value v, boolean plus, boolean space) {
        if (v instanceof Value.Num n && n.value().signum() >= 0) {
            return (plus ? "+" : space ? " " : "") + text;
        }
        return text;
    }

    private static String signed(boolean negative, String digits, boolean plus, boolean space) {
        return (negative ? "-" : plus ? "+" : space ? " " : "") + digits;
    }

    private static String pad(String text, int width, boolean left, boolean zeros) {
        if (width <= text.length()) {
            return text;
        }
        String fill = String.valueOf(zeros && !left ? '0' : ' ').repeat(width - text.length());
        if (left) {
            return text + fill;
        }
        if (zeros && !text.isEmpty() && "+- ".indexOf(text.charAt(0)) >= 0) {
            return text.charAt(0) + fill + text.substring(1);
        }
        return fill + text;
    }

    /** Go's {@code strconv.Quote}. */
    static String goQuote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case 7:
                    sb.append("\\a");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                case 11:
                    sb.append("\\v");
                    break;
                default:
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
            }
        });
        return sb.append('"').toString();
    }
}
