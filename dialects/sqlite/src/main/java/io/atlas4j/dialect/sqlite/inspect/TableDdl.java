package io.atlas4j.dialect.sqlite.inspect;

import io.atlas4j.dialect.sqlite.inspect.Ddl.Kind;
import io.atlas4j.dialect.sqlite.inspect.Ddl.Token;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.GeneratedExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code CREATE TABLE} statement says beyond SQLite's PRAGMAs.
 *
 * @param columns per column name (as written, unquoted)
 * @param checks the CHECK constraints, column-level ones first where they appear
 * @param foreignKeys the foreign keys with their declared names (empty when unnamed)
 * @param withoutRowId whether the table is {@code WITHOUT ROWID}
 * @param strict whether the table is {@code STRICT}
 */
record TableDdl(Map<String, ColumnDdl> columns, List<Check> checks, List<ForeignKeyDdl> foreignKeys,
        boolean withoutRowId, boolean strict) {

    /** What a column definition says: AUTOINCREMENT and the generated expression. */
    record ColumnDdl(boolean autoIncrement, Optional<GeneratedExpr> generated) {
    }

    /** A foreign key as declared: {@code name} empty when unnamed; {@code refColumns} empty when implicit. */
    record ForeignKeyDdl(String name, List<String> columns, String refTable, List<String> refColumns) {
    }

    private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    /** Parses {@code sql}; an unreadable statement gives an empty description. */
    static TableDdl parse(String sql) {
        Map<String, ColumnDdl> columns = new HashMap<>();
        List<Check> checks = new ArrayList<>();
        List<ForeignKeyDdl> fks = new ArrayList<>();
        List<Token> top = Ddl.tokens(sql == null ? "" : sql);
        int body = Ddl.findGroup(top, 0);
        if (body < 0) {
            return new TableDdl(columns, checks, fks, false, false);
        }
        boolean withoutRowId = false;
        boolean strict = false;
        for (int i = body + 1; i < top.size(); i++) {
            if (top.get(i).is("WITHOUT")) {
                withoutRowId = true;
            } else if (top.get(i).is("STRICT")) {
                strict = true;
            }
        }
        for (String def : Ddl.splitCommas(top.get(body).text())) {
            List<Token> t = Ddl.tokens(def);
            if (t.isEmpty()) {
                continue;
            }
            if (t.get(0).kind() == Kind.WORD && TABLE_CONSTRAINTS.contains(Ddl.upper(t.get(0).text()))) {
                tableConstraint(t, checks, fks);
            } else {
                column(t, columns, checks, fks);
            }
        }
        return new TableDdl(columns, checks, fks, withoutRowId, strict);
    }

    private static void tableConstraint(List<Token> t, List<Check> checks, List<ForeignKeyDdl> fks) {
        int i = 0;
        String name = "";
        if (t.get(0).is("CONSTRAINT") && t.size() > 1) {
            name = t.get(1).name();
            i = 2;
        }
        if (i >= t.size()) {
            return;
        }
        if (t.get(i).is("CHECK") && i + 1 < t.size() && t.get(i + 1).kind() == Kind.GROUP) {
            checks.add(new Check(name, t.get(i + 1).text().trim()));
        } else if (t.get(i).is("FOREIGN")) {
            int cols = Ddl.findGroup(t, i);
            int ref = Ddl.find(t, i, "REFERENCES");
            if (cols < 0 || ref < 0 || ref + 1 >= t.size()) {
                return;
            }
            List<String> refColumns = ref + 2 < t.size() && t.get(ref + 2).kind() == Kind.GROUP
                    ? Ddl.names(t.get(ref + 2).text()) : List.of();
            fks.add(new ForeignKeyDdl(name, Ddl.names(t.get(cols).text()), t.get(ref + 1).name(), refColumns));
        }
    }

    private static void column(List<Token> t, Map<String, ColumnDdl> columns, List<Check> checks,
            List<ForeignKeyDdl> fks) {
        String column = t.get(0).name();
        boolean autoIncrement = false;
        GeneratedExpr generated = null;
        String pending = null;
        for (int i = 1; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.is("CONSTRAINT") && i + 1 < t.size()) {
                pending = t.get(i + 1).name();
                i++;
                continue;
            }
            if (k.is("CHECK") && i + 1 < t.size() && t.get(i + 1).kind() == Kind.GROUP) {
                checks.add(new Check(pending == null ? "" : pending, t.get(i + 1).text().trim()));
                i++;
            } else if (k.is("REFERENCES") && i + 1 < t.size()) {
                List<String> refColumns = i + 2 < t.size() && t.get(i + 2).kind() == Kind.GROUP
                        ? Ddl.names(t.get(i + 2).text()) : List.of();
                fks.add(new ForeignKeyDdl(pending == null ? "" : pending, List.of(column), t.get(i + 1).name(), refColumns));
                i++;
            } else if (k.is("AUTOINCREMENT")) {
                autoIncrement = true;
            } else if (k.is("AS") && i + 1 < t.size() && t.get(i + 1).kind() == Kind.GROUP) {
                boolean stored = i + 2 < t.size() && t.get(i + 2).is("STORED");
                generated = new GeneratedExpr(t.get(i + 1).text().trim(), stored);
                i++;
            }
            pending = null;
        }
        columns.put(column, new ColumnDdl(autoIncrement, Optional.ofNullable(generated)));
    }
}
