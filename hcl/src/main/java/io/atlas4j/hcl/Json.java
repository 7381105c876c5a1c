package io.atlas4j.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code jsonencode} and {@code jsondecode}, with the output Terraform produces (sorted keys, Go escaping). */
final class Json {

    private Json() {
    }

    static String encode(Value v) {
        StringBuilder sb = new StringBuilder();
        write(v, sb);
        return sb.toString();
    }

    private static void write(Value v, StringBuilder sb) {
        if (v instanceof Value.Null) {
            sb.append("null");
        } else if (v instanceof Value.Bool b) {
            sb.append(b.value());
        } else if (v instanceof Value.Num n) {
            sb.append(Values.numberText(n.value()));
        } else if (v instanceof Value.Str s) {
            string(s.value(), sb);
        } else if (v instanceof Value.ListV || v instanceof Value.SetV) {
            List<Value> items = v instanceof Value.ListV l ? l.items() : ((Value.SetV) v).items();
            sb.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(items.get(i), sb);
            }
            sb.append(']');
        } else if (v instanceof Value.Obj o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Value> e : new TreeMap<>(o.entries()).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else {
            throw new HclFunctionException("cannot encode the reference " + Values.display(v) + " as JSON");
        }
    }

    /** Go's encoding/json string escaping, including its HTML-safe escapes of {@code < > &}. */
    private static void string(String s, StringBuilder sb) {
        string(s, sb, true);
    }

    /** A double-quoted JSON string; {@code htmlSafe} also escapes {@code < > &} as Go's encoder does. */
    static String quoted(String s, boolean htmlSafe) {
        StringBuilder sb = new StringBuilder();
        string(s, sb, htmlSafe);
        return sb.toString();
    }

    private static void string(String s, StringBuilder sb, boolean htmlSafe) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
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
                case '<':
                case '>':
                case '&':
                case '\u2028':
                case '\u2029':
                    if (htmlSafe) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    static Value decode(String text) {
        Reader r = new Reader(text);
        r.blanks();
        Value v = r.value();
        r.blanks();
        if (!r.atEnd()) {
            throw r.fail("unexpected text after the JSON value");
        }
        return v;
    }

    /** A small strict JSON reader; numbers stay exact. */
    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        HclFunctionException fail(String what) {
            return new HclFunctionException(0, "invalid JSON at offset " + pos + ": " + what);
        }

        void blanks() {
            while (!atEnd() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        Value value() {
            if (atEnd()) {
                throw fail("unexpected end of input");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return Value.of(string());
                case 't':
                    return word("true", Value.of(true));
                case 'f':
                    return word("false", Value.of(false));
                case 'n':
                    return word("null", Value.NULL);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw fail("unexpected character '" + c + "'");
            }
        }

        private Value word(String w, Value v) {
            if (!s.startsWith(w, pos)) {
                throw fail("expected " + w);
            }
            pos += w.length();
            return v;
        }

        private Value number() {
            int start = pos;
            while (!atEnd() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String t = s.substring(start, pos);
            if (!t.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                pos = start;
                throw fail("invalid number " + t);
            }
            return new Value.Num(new BigDecimal(t));
        }

        private String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw fail("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw fail("control character in string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (atEnd()) {
                    throw fail("unterminated string");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"':
                    case '\\':
                    case '/':
                        sb.append(e);
                        break;
                    case 'b':
                        sb.append('\b');
                        break;
                    case 'f':
                        sb.append('\f');
                        break;
                    case 'n':
                        sb.append('\n');
                        break;
                    case 'r':
                        sb.append('\r');
                        break;
                    case 't':
                        sb.append('\t');
                        break;
                    case 'u':
                        if (pos + 4 > s.length()) {
                            throw fail("bad \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException bad) {
                            throw fail("bad \\u escape");
                        }
                        pos += 4;
                        break;
                    default:
                        throw fail("bad escape \\" + e);
                }
            }
        }

        private Value array() {
            pos++;
            List<Value> items = new ArrayList<>();
            blanks();
            if (!atEnd() && s.charAt(pos) == ']') {
                pos++;
                return new Value.ListV(items);
            }
            while (true) {
                blanks();
                items.add(value());
                blanks();
                if (atEnd()) {
                    throw fail("unterminated array");
                }
                char c = s.charAt(pos++);
                if (c == ']') {
                    return new Value.ListV(items);
                }
                if (c != ',') {
                    pos--;
                    throw fail("expected ',' or ']'");
                }
            }
        }

        private Value object() {
            pos++;
            Map<String, Value> entries = new LinkedHashMap<>();
            blanks();
            if (!atEnd() && s.charAt(pos) == '}') {
                pos++;
                return new Value.Obj(entries);
            }
            while (true) {
                blanks();
                if (atEnd() || s.charAt(pos) != '"') {
                    throw fail("expected a string key");
                }
                String key = string();
                blanks();
                if (atEnd() || s.charAt(pos) != ':') {
                    throw fail("expected ':'");
                }
                pos++;
                blanks();
                entries.put(key, value());
                blanks();
                if (atEnd()) {
                    throw fail("unterminated object");
                }
                char c = s.charAt(pos++);
                if (c == '}') {
                    return new Value.Obj(entries);
                }
                if (c != ',') {
                    pos--;
                    throw fail("expected ',' or '}'");
                }
            }
        }
    }
}
