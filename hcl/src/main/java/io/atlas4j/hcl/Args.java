package io.atlas4j.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Argument checks for built-in functions; failures name the argument so the diagnostic points at it. */
final class Args {

    private Args() {
    }

    static void count(List<Value> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String want = min == max ? String.valueOf(min)
                    : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw new HclFunctionException("expects " + want + " argument" + ("1".equals(want) ? "" : "s")
                    + ", got " + args.size());
        }
    }

    static void count(List<Value> args, int n) {
        count(args, n, n);
    }

    static String str(List<Value> args, int i) {
        Value v = args.get(i);
        if (v instanceof Value.Str s) {
            return s.value();
        }
        if (v instanceof Value.Num n) {
            return Values.numberText(n.value());
        }
        if (v instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        throw mismatch(i, "a string", v);
    }

    static BigDecimal num(List<Value> args, int i) {
        Value v = args.get(i);
        if (v instanceof Value.Num n) {
            return n.value();
        }
        if (v instanceof Value.Str s) {
            var parsed = Values.parseNumber(s.value());
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        throw mismatch(i, "a number", v);
    }

    static int integer(List<Value> args, int i) {
        BigDecimal n = num(args, i);
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new HclFunctionException(i, "expected a whole number, got " + Values.numberText(n));
        }
    }

    static List<Value> list(List<Value> args, int i) {
        Value v = args.get(i);
        if (v instanceof Value.ListV l) {
            return l.items();
        }
        if (v instanceof Value.SetV s) {
            return s.items();
        }
        throw mismatch(i, "a list", v);
    }

    static Map<String, Value> object(List<Value> args, int i) {
        Value v = args.get(i);
        if (v instanceof Value.Obj o) {
            return o.entries();
        }
        throw mismatch(i, "an object or map", v);
    }

    static HclFunctionException mismatch(int i, String expected, Value got) {
        return new HclFunctionException(i, "argument " + (i + 1) + ": expected " + expected + ", got "
                + Values.describe(got));
    }
}
