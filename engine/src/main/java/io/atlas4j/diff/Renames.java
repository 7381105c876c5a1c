package io.atlas4j.diff;

import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rename hints of one diff that match the states: a hint counts only when its old name exists on the
 * current side and its new name does not (and the reverse on the desired side), each old name at most
 * once. Table and column renames are resolved for every schema before any table is diffed, so that a
 * foreign key of one table can follow the renames of the table it references.
 */
final class Renames {

    private final List<Rename> hints;
    /** Matching table renames: schema → old name → new name. */
    private final Map<String, Map<String, String>> tables = new HashMap<>();
    /** Matching column renames: schema + "\0" + desired table → old name → new name. */
    private final Map<String, Map<String, String>> columns = new HashMap<>();

    private Renames(List<Rename> hints) {
        this.hints = hints;
    }

    /** The hints of {@code options} whose rename class is not skipped; {@code anySchema} for schema scope. */
    static Renames of(DiffOptions options, boolean anySchema) {
        List<Rename> usable = options.renames().stream()
                .filter(r -> !options.skips(switch (r.kind()) {
                    case TABLE -> SchemaChange.RenameTable.class;
                    case COLUMN -> TableChange.RenameColumn.class;
                    case INDEX -> TableChange.RenameIndex.class;
                }))
                .map(r -> anySchema ? r.anySchema() : r)
                .toList();
        return new Renames(usable);
    }

    /** Resolves the table renames of a schema pair (named {@code schema}) and the column renames of its tables. */
    void prepare(String schema, Schema from, Schema to) {
        if (hints.isEmpty()) {
            return;
        }
        Map<String, String> renamed = matching(Rename.Kind.TABLE, schema, null, names(from.tables()), names(to.tables()));
        tables.put(schema, renamed);
        Map<String, String> newToOld = new HashMap<>();
        renamed.forEach((o, n) -> newToOld.put(n, o));
        Map<String, Table> current = new HashMap<>();
        from.tables().forEach(t -> current.put(t.name(), t));
        for (Table t2 : to.tables()) {
            Table t1 = current.get(newToOld.getOrDefault(t2.name(), t2.name()));
            if (t1 != null) {
                columns.put(schema + "\0" + t2.name(), matching(Rename.Kind.COLUMN, schema, t2.name(),
                        t1.columns().stream().map(c -> c.name()).toList(), t2.columns().stream().map(c -> c.name()).toList()));
            }
        }
    }

    /** Current table name → desired table name, for the tables of {@code schema} renamed by a matching hint. */
    Map<String, String> tables(String schema) {
        return tables.getOrDefault(schema, Map.of());
    }

    /** Current column name → desired column name in the pair whose desired table is {@code table}. */
    Map<String, String> columns(String schema, String table) {
        return columns.getOrDefault(schema + "\0" + table, Map.of());
    }

    /** Current index name → desired index name in a matched table pair. */
    Map<String, String> indexes(String schema, Table from, Table to) {
        if (hints.isEmpty()) {
            return Map.of();
        }
        return matching(Rename.Kind.INDEX, schema, to.name(), from.indexes().stream().map(i -> i.name()).toList(),
                to.indexes().stream().map(i -> i.name()).toList());
    }

    /** The desired name of a table the current side calls {@code table} in {@code schema}. */
    String table(String schema, String table) {
        return tables(schema).getOrDefault(table, table);
    }

    /**
     * {@code expr} with the columns {@code columns} renames written under their new names: bare and
     * double-quoted identifiers outside string literals, except type names after {@code ::}. Used to
     * compare a current check or index expression with a desired one that names renamed columns.
     */
    static String renameColumns(String expr, Map<String, String> columns) {
        if (columns.isEmpty()) {
            return expr;
        }
        StringBuilder out = new StringBuilder(expr.length());
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < n && (expr.charAt(end) != '\'' || end + 1 < n && expr.charAt(end + 1) == '\'')) {
                    end += expr.charAt(end) == '\'' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
                out.append(expr, i, end);
                i = end;
            } else if (c == '"') {
                int end = expr.indexOf('"', i + 1);
                end = end < 0 ? n : end;
                String name = expr.substring(i + 1, end);
                String renamed = cast(out) ? null : columns.get(name);
                out.append(renamed == null ? expr.substring(i, Math.min(end + 1, n)) : quote(renamed));
                i = Math.min(end + 1, n);
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(expr.charAt(end)) || expr.charAt(end) == '_'
                        || expr.charAt(end) == '$')) {
                    end++;
                }
                String word = expr.substring(i, end);
                String renamed = cast(out) ? null : columns.get(word);
                out.append(renamed == null ? word : quote(renamed));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    // A type name follows "::"; it is not a column.
    private static boolean cast(StringBuilder before) {
        String s = before.toString().stripTrailing();
        return s.endsWith("::");
    }

    // As PostgreSQL prints identifiers: bare when lower-case letters, digits and underscores.
    private static String quote(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    private Map<String, String> matching(Rename.Kind kind, String schema, String table, List<String> current,
            List<String> desired) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Rename r : hints) {
            if (r.kind() != kind || !r.inSchema(schema) || table != null && !r.table().equals(table)) {
                continue;
            }
            boolean matches = current.contains(r.from()) && !current.contains(r.name())
                    && desired.contains(r.name()) && !desired.contains(r.from())
                    && !out.containsKey(r.from()) && !out.containsValue(r.name());
            if (matches) {
                out.put(r.from(), r.name());
            }
        }
        return out;
    }

    private static List<String> names(List<Table> tables) {
        return tables.stream().map(Table::name).toList();
    }
}
