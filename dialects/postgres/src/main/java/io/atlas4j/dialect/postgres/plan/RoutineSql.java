package io.atlas4j.dialect.postgres.plan;

import static io.atlas4j.dialect.postgres.plan.PgSql.ident;

import io.atlas4j.dialect.postgres.PostgresAttrs;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.Trigger;
import java.util.List;
import java.util.stream.Collectors;

/** The SQL of functions, procedures and triggers (spec §4.12). */
final class RoutineSql {

    private final Scope scope;

    RoutineSql(Scope scope) {
        this.scope = scope;
    }

    /** {@code CREATE [OR REPLACE] FUNCTION "f" (args) RETURNS r LANGUAGE l [...] AS $$body$$}. */
    String createFunc(String schema, Func f, boolean replace) {
        StringBuilder b = new StringBuilder("CREATE ");
        if (replace) {
            b.append("OR REPLACE ");
        }
        b.append("FUNCTION ").append(scope.name(schema, f.name())).append(" (").append(args(f.args(), true)).append(')')
                .append(" RETURNS ").append(f.returns()).append(" LANGUAGE ").append(f.lang());
        f.attr(PostgresAttrs.Volatility.class).filter(v -> v.kind() != PostgresAttrs.Volatility.Kind.VOLATILE)
                .ifPresent(v -> b.append(' ').append(v.kind().name()));
        if (f.attr(PostgresAttrs.Strict.class).isPresent()) {
            b.append(" STRICT");
        }
        if (f.attr(PostgresAttrs.Leakproof.class).isPresent()) {
            b.append(" LEAKPROOF");
        }
        if (f.attr(PostgresAttrs.SecurityDefiner.class).isPresent()) {
            b.append(" SECURITY DEFINER");
        }
        return b.append(body(f.body())).toString();
    }

    /**
     * {@code AS $$body$$}, or a SQL-standard body ({@code BEGIN ATOMIC ... END}) as it is: PostgreSQL parses it
     * as SQL, and a dollar-quoted one would be a string body instead.
     */
    private static String body(String body) {
        if (body.strip().regionMatches(true, 0, "BEGIN ATOMIC", 0, "BEGIN ATOMIC".length())) {
            return " " + body.strip();
        }
        return " AS " + PgSql.dollarQuote(body);
    }

    /** {@code DROP FUNCTION "f" (input types)}. */
    String dropFunc(String schema, Func f) {
        return "DROP FUNCTION " + scope.name(schema, f.name()) + " (" + args(f.args(), false) + ")";
    }

    /** {@code CREATE [OR REPLACE] PROCEDURE "p" (args) LANGUAGE l [SECURITY DEFINER] AS $$body$$}. */
    String createProc(String schema, Proc p, boolean replace) {
        StringBuilder b = new StringBuilder("CREATE ");
        if (replace) {
            b.append("OR REPLACE ");
        }
        b.append("PROCEDURE ").append(scope.name(schema, p.name())).append(" (").append(args(p.args(), true)).append(')')
                .append(" LANGUAGE ").append(p.lang());
        if (p.attr(PostgresAttrs.SecurityDefiner.class).isPresent()) {
            b.append(" SECURITY DEFINER");
        }
        return b.append(body(p.body())).toString();
    }

    /** {@code DROP PROCEDURE "p" (input types)}. */
    String dropProc(String schema, Proc p) {
        return "DROP PROCEDURE " + scope.name(schema, p.name()) + " (" + args(p.args(), false) + ")";
    }

    /** Arguments in full (mode, name, type, default) or as the input types that identify an overload. */
    String args(List<FuncArg> args, boolean full) {
        if (!full) {
            return args.stream().filter(a -> a.mode() != FuncArg.Mode.OUT).map(a -> scope.type(a.type()))
                    .collect(Collectors.joining(", "));
        }
        return args.stream().map(a -> {
            StringBuilder b = new StringBuilder();
            if (a.mode() != FuncArg.Mode.IN) {
                b.append(a.mode().name()).append(' ');
            }
            if (!a.name().isEmpty()) {
                b.append(ident(a.name())).append(' ');
            }
            b.append(scope.type(a.type()));
            a.defaultValue().ifPresent(d -> b.append(" DEFAULT ").append(d));
            return b.toString();
        }).collect(Collectors.joining(", "));
    }

    /** Whether {@code from} can become {@code to} with CREATE OR REPLACE (same arguments and result). */
    static boolean replaceable(List<FuncArg> from, List<FuncArg> to, String fromReturns, String toReturns) {
        return from.equals(to) && fromReturns.equals(toReturns);
    }

    /** {@code CREATE [OR REPLACE] TRIGGER "tr" AFTER DELETE ON "t" FOR EACH ROW [WHEN (c)] EXECUTE FUNCTION "f"()}. */
    static String createTrigger(String table, Trigger t, boolean replace) {
        StringBuilder b = new StringBuilder("CREATE ");
        if (replace) {
            b.append("OR REPLACE ");
        }
        b.append("TRIGGER ").append(ident(t.name())).append(' ').append(t.timing().sql()).append(' ')
                .append(String.join(" OR ", t.events())).append(" ON ").append(table)
                .append(t.forEachRow() ? " FOR EACH ROW" : " FOR EACH STATEMENT");
        t.when().ifPresent(w -> b.append(" WHEN ").append(PgSql.mayWrap(w)));
        return b.append(' ').append(quotedCall(t.body())).toString();
    }

    /** {@code COMMENT ON TRIGGER "tr" ON "t" IS '...'} for a trigger with a comment. */
    static java.util.Optional<String> triggerComment(String table, Trigger t) {
        return io.atlas4j.schema.Attrs.find(t.attrs(), io.atlas4j.schema.Comment.class).map(io.atlas4j.schema.Comment::text)
                .filter(c -> !c.isEmpty())
                .map(c -> "COMMENT ON TRIGGER " + ident(t.name()) + " ON " + table + " IS " + PgSql.literal(c));
    }

    /** {@code DROP TRIGGER "tr" ON "t"}. */
    static String dropTrigger(String table, Trigger t) {
        return "DROP TRIGGER " + ident(t.name()) + " ON " + table;
    }

    private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile(
            "(EXECUTE (?:FUNCTION|PROCEDURE) )((?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")*\")(?:\\.(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")*\"))?)(\\(.*)",
            java.util.regex.Pattern.DOTALL);

    /**
     * PostgreSQL prints a trigger's function unquoted ({@code EXECUTE FUNCTION audit()}); Atlas quotes it
     * like every other name ({@code EXECUTE FUNCTION "audit"()}).
     */
    static String quotedCall(String body) {
        java.util.regex.Matcher m = CALL.matcher(body);
        if (!m.matches()) {
            return body;
        }
        StringBuilder name = new StringBuilder();
        for (String part : m.group(2).split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(part.startsWith("\"") ? part : "\"" + part + "\"");
        }
        return m.group(1) + name + m.group(3);
    }
}
