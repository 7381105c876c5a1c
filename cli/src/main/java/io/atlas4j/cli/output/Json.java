package io.atlas4j.cli.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small compact JSON writer (RFC 8259) for the {@code --format '{{ json . }}'} reports, which Atlas prints
 * on one line. Values are {@code null}, {@link String}, {@link Boolean}, integral {@link Number}s, finite
 * {@link Double}s, {@link List}s of values and {@link Obj}ects, whose keys keep the order they were put in.
 */
public final class Json {

    private Json() {
    }

    /** An object whose keys print in insertion order. */
    public static final class Obj {
        private final List<Map.Entry<String, Object>> entries = new ArrayList<>();

        /** Adds {@code key}; a key put twice prints twice, so callers put each once. */
        public Obj put(String key, Object value) {
            entries.add(Map.entry(Objects.requireNonNull(key, "key"), value == null ? Null.NULL : value));
            return this;
        }

        /** Adds {@code key} unless {@code value} is null (Go's {@code omitempty} for pointers and strings). */
        public Obj putIfPresent(String key, Object value) {
            return value == null ? this : put(key, value);
        }

        /** The entries, in order. */
        public List<Map.Entry<String, Object>> entries() {
            return Collections.unmodifiableList(entries);
        }

        @Override
        public String toString() {
            return write(this);
        }
    }

    // Map.entry refuses null values; this stands for JSON null inside an Obj.
    private enum Null { NULL }

    /** A new empty object. */
    public static Obj object() {
        return new Obj();
    }

    /** {@code value} as compact JSON text. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null || value == Null.NULL) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else if (value instanceof Number n) {
            out.append(n.toString());
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Obj obj) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : obj.entries) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** {@code s} as a JSON string: quotes, backslash and control characters escaped, the rest as is. */
    public static String string(String s) {
        StringBuilder out = new StringBuilder();
        string(s, out);
        return out.toString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028/U+2029 are valid JSON but break JavaScript string literals; escape them as Go does.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
