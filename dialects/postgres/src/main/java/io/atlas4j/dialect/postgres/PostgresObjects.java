package io.atlas4j.dialect.postgres;

import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.RealmObject;
import io.atlas4j.schema.SchemaObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** PostgreSQL's own schema and realm objects (Atlas's Pro kinds), as immutable values. */
public final class PostgresObjects {

    private PostgresObjects() {
    }

    /**
     * {@code CREATE DOMAIN name AS type [DEFAULT x] [NOT NULL] [CONSTRAINT c CHECK (...)]}.
     *
     * @param defaultValue the default expression, as the database prints it
     */
    public record Domain(String name, ColumnType type, boolean nullable, Optional<String> defaultValue,
            List<Check> checks, List<Attr> attrs) implements SchemaObject {
        public Domain {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(defaultValue, "defaultValue");
            checks = List.copyOf(checks);
            attrs = List.copyOf(attrs);
        }

        @Override
        public String kind() {
            return "domain type";
        }
    }

    /** {@code CREATE TYPE name AS (field type, ...)}. */
    public record Composite(String name, List<Column> fields, List<Attr> attrs) implements SchemaObject {
        public Composite {
            Objects.requireNonNull(name, "name");
            fields = List.copyOf(fields);
            attrs = List.copyOf(attrs);
        }

        @Override
        public String kind() {
            return "composite type";
        }
    }

    /**
     * {@code CREATE AGGREGATE name (args) (SFUNC = f, STYPE = t [, FINALFUNC = g] [, INITCOND = 'x'])}.
     */
    public record Aggregate(String name, List<FuncArg> args, String stateFunc, ColumnType stateType,
            Optional<String> finalFunc, Optional<String> initCond, List<Attr> attrs) implements SchemaObject {
        public Aggregate {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
            Objects.requireNonNull(stateFunc, "stateFunc");
            Objects.requireNonNull(stateType, "stateType");
            Objects.requireNonNull(finalFunc, "finalFunc");
            Objects.requireNonNull(initCond, "initCond");
            attrs = List.copyOf(attrs);
        }

        @Override
        public String kind() {
            return "aggregate";
        }
    }

    /**
     * A row-level security policy of a table of the same schema. Policies are named per table, so the
     * object's {@link #name()} is {@code table.policy}; {@link #policy()} is the SQL name.
     *
     * @param command ALL, SELECT, INSERT, UPDATE or DELETE
     * @param roles the roles it applies to ({@code PUBLIC} when none)
     */
    public record Policy(String table, String policy, boolean permissive, String command, List<String> roles,
            Optional<String> using, Optional<String> check, List<Attr> attrs) implements SchemaObject {
        public Policy {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(command, "command");
            roles = List.copyOf(roles);
            Objects.requireNonNull(using, "using");
            Objects.requireNonNull(check, "check");
            attrs = List.copyOf(attrs);
        }

        @Override
        public String name() {
            return table + "." + policy;
        }

        @Override
        public String kind() {
            return "policy";
        }
    }

    /** {@code CREATE EXTENSION name WITH SCHEMA s VERSION v}. */
    public record Extension(String name, String schema, String version, List<Attr> attrs) implements RealmObject {
        public Extension {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(version, "version");
            attrs = List.copyOf(attrs);
        }

        @Override
        public String kind() {
            return "extension";
        }
    }

    /** {@code CREATE EVENT TRIGGER name ON event [WHEN TAG IN (...)] EXECUTE FUNCTION f()}. */
    public record EventTrigger(String name, String event, List<String> tags, String function, List<Attr> attrs)
            implements RealmObject {
        public EventTrigger {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(event, "event");
            tags = List.copyOf(tags);
            Objects.requireNonNull(function, "function");
            attrs = List.copyOf(attrs);
        }

        @Override
        public String kind() {
            return "event trigger";
        }
    }
}
