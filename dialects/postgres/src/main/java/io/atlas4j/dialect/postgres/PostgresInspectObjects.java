package io.atlas4j.dialect.postgres;

import static io.atlas4j.dialect.postgres.PostgresInspector.strings;
import static io.atlas4j.dialect.postgres.PostgresInspector.typeRow;

import io.atlas4j.dialect.postgres.PostgresAttrs.Leakproof;
import io.atlas4j.dialect.postgres.PostgresAttrs.SecurityDefiner;
import io.atlas4j.dialect.postgres.PostgresAttrs.Strict;
import io.atlas4j.dialect.postgres.PostgresAttrs.Volatility;
import io.atlas4j.dialect.postgres.PostgresInspectModel.SchemaBuilder;
import io.atlas4j.dialect.postgres.PostgresInspectModel.TableBuilder;
import io.atlas4j.dialect.postgres.PostgresInspectModel.ViewBuilder;
import io.atlas4j.dialect.postgres.PostgresObjects.Aggregate;
import io.atlas4j.dialect.postgres.PostgresObjects.Composite;
import io.atlas4j.dialect.postgres.PostgresObjects.Domain;
import io.atlas4j.dialect.postgres.PostgresObjects.EventTrigger;
import io.atlas4j.dialect.postgres.PostgresObjects.Extension;
import io.atlas4j.dialect.postgres.PostgresObjects.Policy;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.RealmObject;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.Trigger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the kinds besides tables and views for {@link PostgresInspector}: sequences, routines
 * (functions, procedures, aggregates), domains and composite types, triggers and policies (one query
 * each for all schemas), and the realm's extensions and event triggers.
 */
final class PostgresInspectObjects {

    /** Runs one counted catalog query. */
    @FunctionalInterface
    interface Catalog {
        void query(String what, String sql, Binder binder, RowReader reader);
    }

    /** Binds a query's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads one result row. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    // tgtype bits (PostgreSQL's trigger.h).
    private static final int ROW = 1;
    private static final int BEFORE = 1 << 1;
    private static final int INSERT = 1 << 2;
    private static final int DELETE = 1 << 3;
    private static final int UPDATE = 1 << 4;
    private static final int TRUNCATE = 1 << 5;
    private static final int INSTEAD = 1 << 6;

    private final Catalog catalog;

    PostgresInspectObjects(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Reads every schema-level kind of {@code schemas} into {@code builders}. */
    void read(String[] schemas, Map<String, SchemaBuilder> builders, boolean sqlBodies) {
        Binder bind = ps -> PostgresInspector.bindSchemas(ps, schemas);
        catalog.query("sequences", PostgresQueries.SEQUENCES, bind, rs -> builders.get(rs.getString(1)).sequences.add(sequence(rs)));
        catalog.query("routines", PostgresQueries.routines(sqlBodies), bind, rs -> routine(rs, builders.get(rs.getString(1))));
        catalog.query("types", PostgresQueries.TYPES, bind, rs -> builders.get(rs.getString(1)).objects.add(userType(rs)));
        catalog.query("triggers", PostgresQueries.TRIGGERS, bind, rs -> trigger(rs, builders.get(rs.getString(1))));
        catalog.query("policies", PostgresQueries.POLICIES, bind, rs -> {
            SchemaBuilder schema = builders.get(rs.getString(1));
            // Policies of relations the inspection leaves out (an extension's tables) go with them.
            if (schema.tables.containsKey(rs.getString(2))) {
                schema.objects.add(policy(rs));
            }
        });
    }

    /** The realm's extensions (in selected schemas) and event triggers. */
    List<RealmObject> realmObjects(InspectOptions options) {
        List<RealmObject> out = new ArrayList<>();
        catalog.query("extensions", PostgresQueries.EXTENSIONS, null, rs -> {
            if (options.includesSchema(rs.getString(2))) {
                out.add(new Extension(rs.getString(1), rs.getString(2), rs.getString(3), comment(rs.getString(4))));
            }
        });
        catalog.query("event triggers", PostgresQueries.EVENT_TRIGGERS, null, rs -> out.add(new EventTrigger(
                rs.getString(1), rs.getString(2), strings(rs.getArray(3)), rs.getString(4), comment(rs.getString(5)))));
        return out;
    }

    private static Sequence sequence(ResultSet rs) throws SQLException {
        String table = rs.getString(11);
        Optional<String> ownedBy = table == null ? Optional.empty() : Optional.of(table + "." + rs.getString(12));
        return new Sequence(rs.getString(2), PostgresTypes.parse(rs.getString(3)), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), ownedBy, comment(rs.getString(10)));
    }

    private static void routine(ResultSet rs, SchemaBuilder schema) throws SQLException {
        String name = rs.getString(2);
        String kind = rs.getString(3);
        String lang = rs.getString(4);
        List<FuncArg> args = args(strings(rs.getArray(5)), strings(rs.getArray(6)), rs.getString(7),
                strings(rs.getArray(8)));
        String body = rs.getString(10);
        List<Attr> attrs = new ArrayList<>();
        String comment = rs.getString(14);
        switch (kind) {
            case "a" -> {
                String finalFunc = rs.getString(17);
                schema.objects.add(new Aggregate(name, args, rs.getString(15), typeRow(rs.getString(16)),
                        Optional.ofNullable(finalFunc), Optional.ofNullable(rs.getString(18)), comment(comment)));
            }
            case "p" -> {
                if (rs.getBoolean(13)) {
                    attrs.add(new SecurityDefiner());
                }
                attrs.addAll(comment(comment));
                schema.procs.add(new Proc(name, args, body, lang, attrs));
            }
            default -> {
                String volatility = rs.getString(11);
                if ("s".equals(volatility)) {
                    attrs.add(new Volatility(Volatility.Kind.STABLE));
                } else if ("i".equals(volatility)) {
                    attrs.add(new Volatility(Volatility.Kind.IMMUTABLE));
                }
                if (rs.getBoolean(12)) {
                    attrs.add(new Strict());
                }
                if (rs.getBoolean(19)) {
                    attrs.add(new Leakproof());
                }
                if (rs.getBoolean(13)) {
                    attrs.add(new SecurityDefiner());
                }
                attrs.addAll(comment(comment));
                schema.funcs.add(new Func(name, args, rs.getString(9), body, lang, attrs));
            }
        }
    }

    /**
     * Routine arguments from the parallel catalog arrays (names and modes may be absent); the defaults
     * list belongs to the last input arguments. TABLE columns ({@code t}) are part of the result.
     */
    static List<FuncArg> args(List<String> names, List<String> modes, String defaults, List<String> types) {
        List<FuncArg.Mode> argModes = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            String m = modes.isEmpty() ? "i" : modes.get(i);
            argModes.add(switch (m) {
                case "o" -> FuncArg.Mode.OUT;
                case "b" -> FuncArg.Mode.INOUT;
                case "v" -> FuncArg.Mode.VARIADIC;
                case "t" -> null;
                default -> FuncArg.Mode.IN;
            });
        }
        List<String> defaultList = defaults == null ? List.of() : splitTopLevel(defaults);
        int inputs = (int) argModes.stream().filter(m -> m != null && m != FuncArg.Mode.OUT).count();
        int firstDefault = inputs - defaultList.size();
        List<FuncArg> out = new ArrayList<>();
        int input = 0;
        for (int i = 0; i < types.size(); i++) {
            FuncArg.Mode mode = argModes.get(i);
            if (mode == null) {
                continue;
            }
            Optional<String> def = Optional.empty();
            if (mode != FuncArg.Mode.OUT) {
                if (input >= firstDefault) {
                    def = Optional.of(defaultList.get(input - firstDefault).strip());
                }
                input++;
            }
            String name = i < names.size() && names.get(i) != null ? names.get(i) : "";
            out.add(new FuncArg(name, typeRow(types.get(i)), mode, def));
        }
        return out;
    }

    private static SchemaObject userType(ResultSet rs) throws SQLException {
        String name = rs.getString(2);
        List<Attr> attrs = comment(rs.getString(4));
        if ("d".equals(rs.getString(3))) {
            List<String> names = strings(rs.getArray(8));
            List<String> exprs = strings(rs.getArray(9));
            List<Check> checks = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                checks.add(new Check(names.get(i), exprs.get(i)));
            }
            ColumnType base = typeRow(rs.getString(5));
            // The same literal rule as column defaults: 'x'::text is the literal 'x'.
            return new Domain(name, base, !rs.getBoolean(6),
                    PostgresInspector.defaultExpr(rs.getString(7), base).map(io.atlas4j.schema.Expr::sql), checks, attrs);
        }
        List<Column> fields = new ArrayList<>();
        for (String field : strings(rs.getArray(10))) {
            int sep = field.indexOf('\u001f');
            int sep2 = field.indexOf('\u001f', sep + 1);
            String collation = field.substring(sep + 1, sep2);
            fields.add(new Column(field.substring(0, sep), typeRow(field.substring(sep2 + 1)), true, Optional.empty(),
                    collation.isEmpty() ? List.of() : List.of(new Collation(collation))));
        }
        return new Composite(name, fields, attrs);
    }

    private static void trigger(ResultSet rs, SchemaBuilder schema) throws SQLException {
        String relation = rs.getString(2);
        Trigger trigger = trigger(rs.getString(3), rs.getInt(4), rs.getString(5), strings(rs.getArray(6)),
                comment(rs.getString(7)));
        TableBuilder table = schema.tables.get(relation);
        if (table != null) {
            table.triggers.add(trigger);
            return;
        }
        ViewBuilder view = schema.views.get(relation);
        if (view != null) {
            view.triggers.add(trigger);
        }
    }

    /**
     * A trigger from its {@code tgtype} bits and its {@code pg_get_triggerdef} text, which gives the
     * WHEN condition and the EXECUTE clause.
     */
    static Trigger trigger(String name, int type, String definition, List<String> updateOf, List<Attr> attrs) {
        Trigger.Timing timing = (type & INSTEAD) != 0 ? Trigger.Timing.INSTEAD_OF
                : (type & BEFORE) != 0 ? Trigger.Timing.BEFORE : Trigger.Timing.AFTER;
        List<String> events = new ArrayList<>();
        if ((type & INSERT) != 0) {
            events.add("INSERT");
        }
        if ((type & UPDATE) != 0) {
            events.add(updateOf.isEmpty() ? "UPDATE" : "UPDATE OF " + String.join(", ",
                    updateOf.stream().map(c -> '"' + c.replace("\"", "\"\"") + '"').toList()));
        }
        if ((type & DELETE) != 0) {
            events.add("DELETE");
        }
        if ((type & TRUNCATE) != 0) {
            events.add("TRUNCATE");
        }
        int execute = definition.lastIndexOf(" EXECUTE ");
        String body = execute < 0 ? definition : definition.substring(execute + 1);
        Optional<String> when = Optional.empty();
        int whenAt = definition.indexOf(" WHEN (");
        if (whenAt >= 0 && execute > whenAt) {
            String cond = definition.substring(whenAt + " WHEN ".length(), execute).strip();
            when = Optional.of(unwrap(cond));
        }
        return new Trigger(name, timing, events, (type & ROW) != 0, when, body, attrs);
    }

    private static Policy policy(ResultSet rs) throws SQLException {
        String command = switch (rs.getString(5)) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> "ALL";
        };
        return new Policy(rs.getString(2), rs.getString(3), rs.getBoolean(4), command, strings(rs.getArray(6)),
                Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)), comment(rs.getString(9)));
    }

    private static List<Attr> comment(String text) {
        return text == null ? List.of() : List.of(new Comment(text));
    }

    /** {@code s} without one pair of parentheses around all of it. */
    static String unwrap(String s) {
        if (s.startsWith("(") && s.endsWith(")") && closes(s) == s.length() - 1) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** The index of the parenthesis closing the one at 0, outside quotes. */
    private static int closes(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code s} split at the commas outside parentheses, brackets and quotes. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean single = false;
        boolean dbl = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' && !dbl) {
                single = !single;
            } else if (ch == '"' && !single) {
                dbl = !dbl;
            } else if (!single && !dbl) {
                if (ch == '(' || ch == '[') {
                    depth++;
                } else if (ch == ')' || ch == ']') {
                    depth--;
                } else if (ch == ',' && depth == 0) {
                    out.add(s.substring(start, i).strip());
                    start = i + 1;
                }
            }
        }
        String last = s.substring(start).strip();
        if (!last.isEmpty() || !out.isEmpty()) {
            out.add(last);
        }
        return out;
    }
}
