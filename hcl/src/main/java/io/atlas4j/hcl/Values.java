package io.atlas4j.hcl;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.source.SourceRange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Conversions between {@link Value}s and Java types with HCL's rules; errors are diagnostics at {@code at}.
 *
 * <p>Raw SQL: {@code sql("now()")} evaluates to an object with the single entry {@code "$sql"} holding the
 * text; {@link #rawSql(Value)} recognises it.
 */
public final class Values {

    /** The key of the object {@code sql("...")} returns. */
    public static final String SQL_KEY = "$sql";

    private Values() {
    }

    /** A string; numbers and bools convert as HCL does; null, collections and objects are errors. */
    public static String asString(Value v, SourceRange at) {
        if (v instanceof Value.Str s) {
            return s.value();
        }
        if (v instanceof Value.Num n) {
            return numberText(n.value());
        }
        if (v instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        throw typeError(at, "a string", v);
    }

    /** A bool; the strings {@code "true"} and {@code "false"} convert. */
    public static boolean asBool(Value v, SourceRange at) {
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        if (v instanceof Value.Str s && (s.value().equals("true") || s.value().equals("false"))) {
            return s.value().equals("true");
        }
        throw typeError(at, "a bool", v);
    }

    /** A number; numeric strings convert. */
    public static BigDecimal asNumber(Value v, SourceRange at) {
        if (v instanceof Value.Num n) {
            return n.value();
        }
        if (v instanceof Value.Str s) {
            Optional<BigDecimal> parsed = parseNumber(s.value());
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        throw typeError(at, "a number", v);
    }

    /** The elements of a list, tuple or set. */
    public static List<Value> asList(Value v, SourceRange at) {
        if (v instanceof Value.ListV l) {
            return l.items();
        }
        if (v instanceof Value.SetV s) {
            return s.items();
        }
        throw typeError(at, "a list", v);
    }

    /** The entries of an object or map. */
    public static Map<String, Value> asObject(Value v, SourceRange at) {
        if (v instanceof Value.Obj o) {
            return o.entries();
        }
        throw typeError(at, "an object", v);
    }

    /** The SQL text of a {@code sql("...")} value. */
    public static Optional<String> rawSql(Value v) {
        if (v instanceof Value.Obj o && o.entries().size() == 1 && o.entries().get(SQL_KEY) instanceof Value.Str s) {
            return Optional.of(s.value());
        }
        return Optional.empty();
    }

    /** The value {@code sql(text)} returns. */
    public static Value sql(String text) {
        return new Value.Obj(Map.of(SQL_KEY, Value.of(text)));
    }

    /** HCL-like rendering for messages: {@code "a"}, {@code 12}, {@code ["a", "b"]}, {@code {k = 1}}. */
    public static String display(Value v) {
        if (v instanceof Value.Str s) {
            return quote(s.value());
        }
        if (v instanceof Value.Num n) {
            return numberText(n.value());
        }
        if (v instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof Value.ListV l) {
            return l.items().stream().map(Values::display).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Value.SetV s) {
            return s.items().stream().map(Values::display).collect(Collectors.joining(", ", "toset([", "])"));
        }
        if (v instanceof Value.Obj o) {
            Optional<String> sql = rawSql(v);
            if (sql.isPresent()) {
                return "sql(" + quote(sql.get()) + ")";
            }
            return o.entries().entrySet().stream()
                    .map(e -> (isIdentifier(e.getKey()) ? e.getKey() : quote(e.getKey())) + " = " + display(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof Value.Ref r) {
            return String.join(".", r.path());
        }
        return "null";
    }

    /** A number as HCL prints it: no exponent, no trailing zeros ({@code 1.50} is {@code 1.5}). */
    public static String numberText(BigDecimal n) {
        if (n.signum() == 0) {
            return "0";
        }
        return n.stripTrailingZeros().toPlainString();
    }

    /** A number written as a string ({@code "12"}, {@code "-1.5"}, {@code "1e3"}), if it is one. */
    static Optional<BigDecimal> parseNumber(String s) {
        String t = s.strip();
        if (t.isEmpty() || !t.equals(s) || !t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t.startsWith("+") ? t.substring(1) : t));
    }

    /** Equality as HCL's {@code ==}: same type and value; numbers compare numerically. */
    public static boolean equal(Value a, Value b) {
        if (a instanceof Value.Num x && b instanceof Value.Num y) {
            return x.value().compareTo(y.value()) == 0;
        }
        if (a instanceof Value.ListV x && b instanceof Value.ListV y) {
            return sameItems(x.items(), y.items());
        }
        if (a instanceof Value.SetV x && b instanceof Value.SetV y) {
            return sameItems(x.items(), y.items());
        }
        if (a instanceof Value.Obj x && b instanceof Value.Obj y) {
            if (!x.entries().keySet().equals(y.entries().keySet())) {
                return false;
            }
            return x.entries().entrySet().stream().allMatch(e -> equal(e.getValue(), y.entries().get(e.getKey())));
        }
        return a.equals(b);
    }

    private static boolean sameItems(List<Value> a, List<Value> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static String describe(Value v) {
        if (v instanceof Value.Null) {
            return "null";
        }
        if (v instanceof Value.Str || v instanceof Value.Num || v instanceof Value.Bool) {
            return v.typeName() + " " + display(v);
        }
        if (v instanceof Value.Ref) {
            return "reference " + display(v);
        }
        return v.typeName();
    }

    static DiagnosticException typeError(SourceRange at, String expected, Value got) {
        return new DiagnosticException(new Diagnostic(at, "expected " + expected + ", got " + describe(got)));
    }

    /** A string as HCL (and JSON) writes it, for messages. */
    static String quote(String s) {
        return Json.quoted(s, false);
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Lexer.isIdentStart(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(c -> Lexer.isIdentPart((char) c));
    }
}
