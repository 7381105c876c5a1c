package io.atlas4j.dialect.postgres.plan;

import static io.atlas4j.dialect.postgres.plan.PgSql.ident;
import static io.atlas4j.dialect.postgres.plan.PgSql.idents;

import io.atlas4j.dialect.postgres.PostgresAttrs;
import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.plan.PlanException;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexType;
import io.atlas4j.schema.NullsOrder;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The SQL of table elements: column definitions, keys, constraints, CREATE TABLE and CREATE INDEX. */
final class TableSql {

    private final Scope scope;

    TableSql(Scope scope) {
        this.scope = scope;
    }

    /** {@code CREATE TABLE [IF NOT EXISTS] "t" (...) [PARTITION BY ...]}. */
    String createTable(String schema, Table t, boolean ifNotExists) {
        List<String> elems = new ArrayList<>();
        for (Column c : t.columns()) {
            elems.add(column(t, c));
        }
        t.primaryKey().ifPresent(pk -> elems.add(primaryKey(t, pk)));
        for (Index i : t.indexes()) {
            if (i.attr(IndexConstraint.class).isPresent()) {
                elems.add(constraintIndex(i));
            }
        }
        for (ForeignKey fk : t.foreignKeys()) {
            elems.add(foreignKey(schema, fk));
        }
        for (Check c : t.checks()) {
            elems.add(check(c));
        }
        StringBuilder b = new StringBuilder("CREATE TABLE ");
        if (ifNotExists) {
            b.append("IF NOT EXISTS ");
        }
        b.append(scope.name(schema, t.name())).append(' ');
        String indent = scope.indent();
        if (indent.isEmpty()) {
            b.append('(').append(String.join(", ", elems)).append(')');
        } else {
            b.append("(\n").append(elems.stream().map(e -> indent + e).collect(Collectors.joining(",\n"))).append("\n)");
        }
        t.attr(PostgresAttrs.Partition.class).ifPresent(p -> b.append(' ').append(partition(p)));
        return b.toString();
    }

    private static String partition(PostgresAttrs.Partition p) {
        return "PARTITION BY " + p.strategy().name() + " (" + p.keys().stream()
                .map(k -> k.column().map(PgSql::ident).orElseGet(() -> "(" + k.expr().orElseThrow() + ")"))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** {@code "c" type NULL|NOT NULL [DEFAULT v] [COLLATE "x"] [identity] [generated]}. */
    String column(Table t, Column c) {
        StringBuilder b = new StringBuilder(ident(c.name())).append(' ').append(scope.type(c.type()));
        boolean serial = c.type() instanceof SerialType;
        if (serial && c.nullable()) {
            throw new PlanException("serial column \"" + c.name() + "\" of table \"" + t.name() + "\" cannot be nullable",
                    "declare it NOT NULL (null = false)");
        }
        Optional<Identity> identity = c.attr(Identity.class);
        Optional<GeneratedExpr> generated = c.attr(GeneratedExpr.class);
        if (identity.isPresent() && generated.isPresent()) {
            throw new PlanException("column \"" + c.name() + "\" of table \"" + t.name()
                    + "\" cannot be both an identity and a generated column", "keep one of them");
        }
        b.append(c.nullable() ? " NULL" : " NOT NULL");
        if (!serial) {
            c.defaultValue().ifPresent(d -> b.append(" DEFAULT ").append(defaultValue(c.type(), d)));
        }
        c.attr(Collation.class).ifPresent(x -> b.append(" COLLATE ").append(ident(x.name())));
        identity.ifPresent(i -> b.append(' ').append(identity(i)));
        generated.ifPresent(g -> b.append(" GENERATED ALWAYS AS (").append(g.expr()).append(g.stored() ? ") STORED" : ") VIRTUAL"));
        return b.toString();
    }

    /** {@code GENERATED <gen> AS IDENTITY [(START WITH n INCREMENT BY m)]}: options only when not 1. */
    static String identity(Identity i) {
        List<String> opts = new ArrayList<>();
        if (i.start() != 1) {
            opts.add("START WITH " + i.start());
        }
        if (i.increment() != 1) {
            opts.add("INCREMENT BY " + i.increment());
        }
        return "GENERATED " + i.generation().sql() + " AS IDENTITY" + (opts.isEmpty() ? "" : " (" + String.join(" ", opts) + ")");
    }

    /** A default as SQL: literals are quoted unless the column is a number or a boolean; raw expressions inline. */
    static String defaultValue(ColumnType type, Expr e) {
        if (e instanceof Expr.RawExpr r) {
            return r.expr();
        }
        String v = e.sql();
        if (bareLiteral(type) || v.startsWith("'")) {
            return v;
        }
        return PgSql.literal(v);
    }

    private static boolean bareLiteral(ColumnType t) {
        return t instanceof ColumnType.IntegerType || t instanceof ColumnType.DecimalType
                || t instanceof ColumnType.FloatType || t instanceof ColumnType.BoolType || t instanceof SerialType;
    }

    /** The primary key element: {@code [CONSTRAINT "n"] PRIMARY KEY (...) [INCLUDE (...)]}. */
    String primaryKey(Table t, PrimaryKey pk) {
        StringBuilder b = new StringBuilder();
        if (!pk.name().isEmpty() && !pk.name().equals(defaultPkName(t.name()))) {
            b.append("CONSTRAINT ").append(ident(pk.name())).append(' ');
        }
        b.append("PRIMARY KEY (").append(parts(pk.parts())).append(')');
        pk.attr(IndexInclude.class).filter(i -> !i.columns().isEmpty())
                .ifPresent(i -> b.append(" INCLUDE (").append(idents(i.columns())).append(')'));
        return b.toString();
    }

    /** PostgreSQL's name for an unnamed primary key. */
    static String defaultPkName(String table) {
        return table + "_pkey";
    }

    /** A UNIQUE or EXCLUDE constraint backed by {@code i}: {@code CONSTRAINT "n" UNIQUE (...)}. */
    String constraintIndex(Index i) {
        IndexConstraint.Kind kind = i.attr(IndexConstraint.class).map(IndexConstraint::kind).orElse(IndexConstraint.Kind.UNIQUE);
        StringBuilder b = new StringBuilder("CONSTRAINT ").append(ident(i.name()));
        if (kind == IndexConstraint.Kind.UNIQUE) {
            b.append(" UNIQUE");
            if (i.attr(PostgresAttrs.NullsNotDistinct.class).isPresent()) {
                b.append(" NULLS NOT DISTINCT");
            }
            b.append(" (").append(parts(i.parts())).append(')');
            include(i, b);
            return b.toString();
        }
        b.append(" EXCLUDE");
        i.attr(IndexType.class).ifPresent(t -> b.append(" USING ").append(t.name()));
        List<String> parts = new ArrayList<>();
        for (IndexPart p : i.parts()) {
            String op = p.attrs().stream().filter(a -> a instanceof PostgresAttrs.ExcludeOperator)
                    .map(a -> ((PostgresAttrs.ExcludeOperator) a).operator()).findFirst()
                    .orElseThrow(() -> new PlanException("missing operator in exclusion constraint \"" + i.name() + "\"",
                            "give each part an operator (op = \"=\")"));
            parts.add(part(p) + " WITH " + op);
        }
        b.append(" (").append(String.join(", ", parts)).append(')');
        include(i, b);
        i.predicate().ifPresent(p -> b.append(" WHERE (").append(p).append(')'));
        return b.toString();
    }

    private static void include(Index i, StringBuilder b) {
        i.attr(IndexInclude.class).filter(x -> !x.columns().isEmpty())
                .ifPresent(x -> b.append(" INCLUDE (").append(idents(x.columns())).append(')'));
    }

    /** {@code CONSTRAINT "fk" FOREIGN KEY (...) REFERENCES "p" (...) ON UPDATE a ON DELETE b [DEFERRABLE ...]}. */
    String foreignKey(String schema, ForeignKey fk) {
        StringBuilder b = new StringBuilder("CONSTRAINT ").append(ident(fk.name()))
                .append(" FOREIGN KEY (").append(idents(fk.columns())).append(") REFERENCES ")
                .append(scope.reference(schema, fk.refSchema(), fk.refTable()))
                .append(" (").append(idents(fk.refColumns())).append(')')
                .append(" ON UPDATE ").append(fk.onUpdate().sql())
                .append(" ON DELETE ").append(fk.onDelete().sql());
        fk.attr(PostgresAttrs.Deferrable.class).ifPresent(d -> {
            b.append(" DEFERRABLE");
            if (d.initiallyDeferred()) {
                b.append(" INITIALLY DEFERRED");
            }
        });
        return b.toString();
    }

    /** {@code [CONSTRAINT "n"] CHECK (expr) [NO INHERIT]}. */
    static String check(Check c) {
        StringBuilder b = new StringBuilder();
        if (!c.name().isEmpty()) {
            b.append("CONSTRAINT ").append(ident(c.name())).append(' ');
        }
        b.append("CHECK ").append(PgSql.mayWrap(c.expr()));
        if (c.attr(PostgresAttrs.NoInherit.class).isPresent()) {
            b.append(" NO INHERIT");
        }
        return b.toString();
    }

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] "i" ON "t" [USING m] (...) ...}. */
    String createIndex(String schema, String table, Index i, boolean concurrently) {
        StringBuilder b = new StringBuilder("CREATE ");
        if (i.unique()) {
            b.append("UNIQUE ");
        }
        b.append("INDEX ");
        if (concurrently) {
            b.append("CONCURRENTLY ");
        }
        b.append(ident(i.name())).append(" ON ").append(scope.name(schema, table));
        // Access methods print upper-cased, as Atlas names them (BRIN, GIN, HASH); btree is the default.
        i.attr(IndexType.class).filter(t -> !t.name().equalsIgnoreCase("btree"))
                .ifPresent(t -> b.append(" USING ").append(t.name().toUpperCase(java.util.Locale.ROOT)));
        b.append(" (").append(parts(i.parts())).append(')');
        include(i, b);
        if (i.attr(PostgresAttrs.NullsNotDistinct.class).isPresent()) {
            b.append(" NULLS NOT DISTINCT");
        }
        i.attr(PostgresAttrs.IndexStorageParams.class).ifPresent(p -> {
            List<String> params = new ArrayList<>();
            if (p.autosummarize()) {
                params.add("autosummarize = true");
            }
            if (p.pagesPerRange() != 0 && p.pagesPerRange() != 128) {
                params.add("pages_per_range = " + p.pagesPerRange());
            }
            if (!params.isEmpty()) {
                b.append(" WITH (").append(String.join(", ", params)).append(')');
            }
        });
        i.predicate().ifPresent(p -> b.append(" WHERE ").append(p));
        return b.toString();
    }

    /** {@code DROP INDEX [CONCURRENTLY] "s"."i"}. */
    String dropIndex(String schema, Index i, boolean concurrently) {
        return "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + scope.name(schema, i.name());
    }

    static String parts(List<IndexPart> parts) {
        return parts.stream().map(TableSql::part).collect(Collectors.joining(", "));
    }

    /** One key part: column or wrapped expression, collation, operator class, order, nulls order. */
    static String part(IndexPart p) {
        StringBuilder b = new StringBuilder();
        if (p.key() instanceof IndexPart.ColumnKey c) {
            b.append(ident(c.column()));
        } else {
            b.append(PgSql.mayWrap(((IndexPart.ExprKey) p.key()).expr()));
        }
        for (var a : p.attrs()) {
            if (a instanceof Collation c) {
                b.append(" COLLATE ").append(ident(c.name()));
            }
        }
        for (var a : p.attrs()) {
            if (a instanceof PostgresAttrs.OpClass o) {
                b.append(' ').append(o.name());
                if (!o.params().isEmpty()) {
                    b.append('(').append(String.join(", ", o.params())).append(')');
                }
            }
        }
        if (p.desc()) {
            b.append(" DESC");
        }
        for (var a : p.attrs()) {
            if (a instanceof NullsOrder n) {
                b.append(n.first() ? " NULLS FIRST" : " NULLS LAST");
            }
        }
        return b.toString();
    }

    /** Whether {@code i} is planned as a table constraint rather than CREATE INDEX. */
    static boolean isConstraint(Index i) {
        return i.attr(IndexConstraint.class).isPresent();
    }
}
