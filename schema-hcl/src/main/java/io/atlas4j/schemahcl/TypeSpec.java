package io.atlas4j.schemahcl;

import java.util.List;
import java.util.Objects;

/**
 * A column type as an HCL expression spells it, before a dialect gives it meaning: a bare name
 * ({@code int}), a call ({@code varchar(255)}), {@code sql("...")}, or a reference to a user type
 * ({@code enum.status}).
 */
public sealed interface TypeSpec {

    /**
     * {@code name} or {@code name(arg, ...)}.
     *
     * @param name the name as written, with underscores ({@code double_precision})
     * @param args the call arguments as literal text (numbers as written, strings unquoted); empty for a bare name
     */
    record Named(String name, List<String> args) implements TypeSpec {
        public Named {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
        }
    }

    /** {@code sql("text")}: the dialect's own spelling, passed through. */
    record Raw(String sql) implements TypeSpec {
        public Raw {
            Objects.requireNonNull(sql, "sql");
        }
    }

    /**
     * A reference to a user type block, e.g. {@code enum.status}: {@code kind} is the block type, {@code schema}
     * the real name of the schema that holds it.
     */
    record Ref(String kind, String schema, String name) implements TypeSpec {
        public Ref {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
        }
    }
}
