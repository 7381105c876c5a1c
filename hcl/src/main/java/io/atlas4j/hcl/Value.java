package io.atlas4j.hcl;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluated HCL value. Closed set, as in HCL's type system: string, number, bool, list (tuple),
 * set, object (map), null — plus {@link Ref}, a reference kept symbolic (e.g. {@code table.users.column.id}
 * in a schema file) until a binder resolves it.
 */
public sealed interface Value {

    /** HCL's name of the value's type, for messages: {@code string}, {@code number}, ... */
    String typeName();

    /** A string. */
    record Str(String value) implements Value {
        @Override
        public String typeName() {
            return "string";
        }
    }

    /** A number, exact. */
    record Num(BigDecimal value) implements Value {
        @Override
        public String typeName() {
            return "number";
        }
    }

    /** A bool. */
    record Bool(boolean value) implements Value {
        @Override
        public String typeName() {
            return "bool";
        }
    }

    /** A list or tuple, in order. */
    record ListV(List<Value> items) implements Value {
        public ListV {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "list";
        }
    }

    /** A set: distinct items in HCL's set order (sorted for strings and numbers). */
    record SetV(List<Value> items) implements Value {
        public SetV {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "set";
        }
    }

    /** An object or map; keys keep their source order (use sorted order where HCL requires it). */
    record Obj(Map<String, Value> entries) implements Value {
        public Obj {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    /** null. */
    record Null() implements Value {
        @Override
        public String typeName() {
            return "null";
        }
    }

    /** A reference left symbolic: the traversal path, e.g. {@code [table, users, column, id]}. */
    record Ref(List<String> path) implements Value {
        public Ref {
            path = List.copyOf(path);
        }

        @Override
        public String typeName() {
            return "reference";
        }
    }

    /** The shared null. */
    Value NULL = new Null();

    static Value of(String s) {
        return new Str(s);
    }

    static Value of(boolean b) {
        return new Bool(b);
    }

    static Value of(long n) {
        return new Num(BigDecimal.valueOf(n));
    }
}
