package io.atlas4j.dialect.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A prepared state captured as the server describes it, to build a slot from instead of replaying
 * every statement that made it: a long migration history that creates, alters and fills tables in
 * hundreds of statements comes down to one {@code CREATE TABLE} per table (as {@code SHOW CREATE TABLE}
 * prints it, foreign keys, checks and AUTO_INCREMENT included), one {@code INSERT ... SELECT} per table
 * with rows, copied from a template schema that keeps them, and one {@code CREATE} per view, routine
 * and trigger.
 *
 * <p>A slot whose session added, changed or dropped only tables is {@linkplain #restore restored}
 * instead of dropped and built again: the tables whose definition ({@code SHOW CREATE TABLE}, the
 * AUTO_INCREMENT counter included) or contents ({@code CHECKSUM TABLE}) differ from the state's are
 * built again, the others are kept.
 *
 * <p>The texts are read once; a build only runs them. Rows are copied with foreign-key checks off (the
 * template's rows satisfied them already) and before the triggers exist (the rows are the state's, not
 * a case's insert). States this cannot reproduce exactly are not captured: events (they run on their
 * own), MariaDB sequences (their next value is not in their DDL) and system-versioned tables (their
 * history is not copied by a plain insert).
 *
 * @param template the schema holding the rows, or null when no table has any
 * @param tables the tables, by name
 * @param objects the views', routines' and triggers' statements, in creation order, each with its sql_mode
 */
record SchemaCopy(String template, List<Table> tables, List<Definition> objects) {

    /**
     * One base table.
     *
     * @param name its name
     * @param create its {@code CREATE TABLE} statement, unqualified
     * @param copy the {@code INSERT ... SELECT} of its rows, with {@code %s} for the target schema; null when it has none
     * @param checksum its {@code CHECKSUM TABLE} value in the state
     */
    record Table(String name, String create, String copy, String checksum) {
    }

    /**
     * One view, routine or trigger.
     *
     * @param sql its {@code CREATE} statement, unqualified
     * @param sqlMode the sql_mode it was created under, or null to keep the connection's
     */
    record Definition(String sql, String sqlMode) {
    }

    SchemaCopy {
        tables = List.copyOf(tables);
        objects = List.copyOf(objects);
    }

    /** How many statements a build runs, to weigh it against a replay. */
    int cost() {
        return tables.size() + (int) tables.stream().filter(t -> t.copy() != null).count() + objects.size();
    }

    /**
     * Reads the state built in {@code source}, and copies its rows into {@code template} (created here,
     * only when some table has rows); empty when the state holds something a copy would not reproduce.
     *
     * @param c an admin connection without a default schema
     */
    static Optional<SchemaCopy> capture(Connection c, String source, String template, String charset,
                                        String collation) throws SQLException {
        if (exists(c, "SELECT 1 FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?", source)) {
            return Optional.empty();
        }
        Map<String, String> tableTypes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tableTypes.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<String> tables = new ArrayList<>();
        List<String> views = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        List<String> creates = new ArrayList<>();
        for (Map.Entry<String, String> e : tableTypes.entrySet()) {
            String type = e.getValue();
            if (type.equals("VIEW")) {
                views.add(e.getKey());
            } else if (type.equals("BASE TABLE")) {
                String create = show(c, "SHOW CREATE TABLE " + q(source, e.getKey()), 2);
                if (create.toUpperCase(Locale.ROOT).contains("WITH SYSTEM VERSIONING")) {
                    return Optional.empty();
                }
                tables.add(e.getKey());
                creates.add(create);
                if (exists(c, "SELECT 1 FROM " + q(source, e.getKey()) + " LIMIT 1", null)) {
                    filled.add(e.getKey());
                }
            } else {
                // SEQUENCE, SYSTEM VERSIONED, or a type this copy does not know.
                return Optional.empty();
            }
        }
        List<Definition> objects = new ArrayList<>();
        for (String view : views) {
            // The server prints the view's query with every name qualified by the source schema.
            String create = show(c, "SHOW CREATE VIEW " + q(source, view), 2);
            objects.add(new Definition(create.replace(DevScope.quote(source) + ".", ""), null));
        }
        for (String[] routine : names(c, "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_NAME", source)) {
            String kind = routine[1].toUpperCase(Locale.ROOT);
            if (!kind.equals("PROCEDURE") && !kind.equals("FUNCTION")) {
                return Optional.empty();
            }
            objects.add(definition(c, "SHOW CREATE " + kind + " " + q(source, routine[0]), 3, 2));
        }
        for (String[] trigger : names(c, "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER",
                source)) {
            objects.add(definition(c, "SHOW CREATE TRIGGER " + q(source, trigger[0]), 3, 2));
        }
        Map<String, String> copies = new LinkedHashMap<>();
        if (!filled.isEmpty()) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + DevScope.quote(template));
                st.execute("CREATE DATABASE " + DevScope.quote(template) + " CHARACTER SET " + charset
                        + " COLLATE " + collation);
            }
            for (String table : filled) {
                String columns = String.join(", ", insertable(c, source, table));
                DevScope.withoutForeignKeyChecks(c, st -> {
                    st.execute("CREATE TABLE " + q(template, table) + " LIKE " + q(source, table));
                    st.execute("INSERT INTO " + q(template, table) + " (" + columns + ") SELECT " + columns
                            + " FROM " + q(source, table));
                });
                copies.put(table, "INSERT INTO %s." + DevScope.quote(table) + " (" + columns.replace("%", "%%")
                        + ") SELECT " + columns.replace("%", "%%") + " FROM "
                        + q(template, table).replace("%", "%%"));
            }
        }
        Map<String, String> checksums = checksums(c, source, tables);
        List<Table> all = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            String name = tables.get(i);
            all.add(new Table(name, creates.get(i), copies.get(name), checksums.get(name)));
        }
        return Optional.of(new SchemaCopy(filled.isEmpty() ? null : template, all, objects));
    }

    /**
     * Builds the state in {@code target}, an empty schema that is {@code c}'s default schema: tables,
     * rows, then views, routines and triggers.
     */
    void build(Connection c, String target) throws SQLException {
        DevScope.withoutForeignKeyChecks(c, st -> {
            st.setEscapeProcessing(false);
            for (Table t : tables) {
                st.execute(t.create());
            }
            for (Table t : tables) {
                if (t.copy() != null) {
                    st.execute(String.format(Locale.ROOT, t.copy(), DevScope.quote(target)));
                }
            }
        });
        if (objects.isEmpty()) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            String mode;
            try (ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode")) {
                rs.next();
                mode = rs.getString(1);
            }
            List<Definition> pending = new ArrayList<>(objects);
            // A view over a view must follow it; views are created in passes until none is left.
            while (!pending.isEmpty()) {
                SQLException last = null;
                List<Definition> failed = new ArrayList<>();
                for (Definition d : pending) {
                    try {
                        if (d.sqlMode() != null && !d.sqlMode().equals(mode)) {
                            setMode(c, d.sqlMode());
                            mode = d.sqlMode();
                        }
                        st.execute(d.sql());
                    } catch (SQLException e) {
                        last = e;
                        failed.add(d);
                    }
                }
                if (failed.size() == pending.size()) {
                    throw last;
                }
                pending = failed;
            }
        }
    }

    /**
     * Brings {@code target}, which held the state before a session, back to it by repairing only the
     * tables that differ; false, with nothing changed, when the session left anything but tables
     * behind, or the state has more than tables (then the schema must be built again whole).
     *
     * <p>Two or three round trips, whatever the number of tables: what the schema holds with every table's
     * definition and checksum (the definitions in a second trip when a table went missing); the repairs.
     * A table whose definition is the state's but whose rows (or AUTO_INCREMENT counter) differ gets its
     * rows back without DDL, which MySQL cannot roll back and which costs a millisecond or two per
     * statement; a table that only gained columns loses them again ({@link AddedColumns}); only a table
     * whose definition changed otherwise is dropped and built again.
     *
     * @param c a connection opened with {@code allowMultiQueries}, used by nobody else meanwhile
     * @param charset the schema's default character set in the state
     * @param collation its default collation
     * @param reach what the session may have changed besides rows and columns: what it cannot have changed
     *     is not looked for
     */
    boolean restore(Connection c, String target, String charset, String collation, CaseReach reach)
            throws SQLException {
        if (!objects.isEmpty()) {
            return false;
        }
        String schema = literal(target);
        List<String> conditions = new ArrayList<>();
        if (reach.schemaOptions()) {
            conditions.add("EXISTS(SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = " + schema
                    + " AND DEFAULT_CHARACTER_SET_NAME = " + literal(charset) + " AND DEFAULT_COLLATION_NAME = "
                    + literal(collation) + ")");
        }
        if (reach.objects()) {
            conditions.add("NOT EXISTS(SELECT 1 FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = " + schema + ")");
            conditions.add("NOT EXISTS(SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = " + schema + ")");
            conditions.add("NOT EXISTS(SELECT 1 FROM information_schema.EVENTS WHERE EVENT_SCHEMA = " + schema + ")");
        }
        String check = "SELECT " + (conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions));
        String list = "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + schema;
        Map<String, Table> wanted = new LinkedHashMap<>();
        for (Table t : tables) {
            wanted.put(t.name(), t);
        }
        List<String> all = new ArrayList<>(wanted.keySet());
        String[] ok;
        List<String[]> present;
        List<List<String[]>> described;
        try {
            // Usually every table of the state is still there: then one round trip describes them all. A
            // case that can have created no table needs no list of them.
            List<List<String[]>> found = results(c, check + (reach.tables() ? ";\n" + list : "")
                    + (all.isEmpty() ? "" : ";\n" + describe(target, all)));
            ok = found.get(0).get(0);
            present = reach.tables() ? found.get(1) : all.stream().map(n -> new String[] {n, "BASE TABLE"}).toList();
            described = found.subList(reach.tables() ? 2 : 1, found.size());
        } catch (SQLException e) {
            // SHOW CREATE TABLE failed on a table the session dropped or renamed: ask what is there first.
            List<List<String[]>> found = results(c, check + ";\n" + list);
            ok = found.get(0).get(0);
            present = found.get(1);
            described = null;
        }
        if (!"1".equals(ok[0])) {
            return false;
        }
        List<String> drops = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (String[] row : present) {
            if (!row[1].equals("BASE TABLE")) {
                return false;
            }
            (wanted.containsKey(row[0]) ? known : drops).add(row[0]);
        }
        if (described == null && !known.isEmpty()) {
            described = results(c, describe(target, known));
        } else if (described != null) {
            known = all;
        }
        Map<String, String> creates = new LinkedHashMap<>();
        Map<String, String> sums = new LinkedHashMap<>();
        if (!known.isEmpty()) {
            for (int i = 0; i < known.size(); i++) {
                creates.put(known.get(i), described.get(i).get(0)[1]);
            }
            for (String[] row : described.get(known.size())) {
                sums.put(row[0].substring(target.length() + 1), row[1]);
            }
        }
        List<Table> builds = new ArrayList<>();
        List<String> repairs = new ArrayList<>();
        for (String name : known) {
            Table t = wanted.get(name);
            String now = creates.get(name);
            boolean sameRows = java.util.Objects.equals(sums.get(name), t.checksum());
            if (now.equals(t.create()) && sameRows) {
                continue;
            }
            List<String> added = List.of();
            if (!withoutCounter(now).equals(withoutCounter(t.create()))) {
                Optional<List<String>> columns = AddedColumns.of(withoutCounter(t.create()), withoutCounter(now));
                if (columns.isEmpty()) {
                    drops.add(name);
                    builds.add(t);
                    continue;
                }
                added = columns.get();
            }
            // The checksum covered the added columns too: rows are taken back whenever columns went. The
            // rows go first, so the ALTER has none to rewrite.
            if (!sameRows || !added.isEmpty()) {
                repairs.add("DELETE FROM " + q(target, name));
            }
            if (!added.isEmpty()) {
                StringBuilder alter = new StringBuilder("ALTER TABLE ").append(q(target, name));
                for (int i = 0; i < added.size(); i++) {
                    alter.append(i == 0 ? " DROP COLUMN " : ", DROP COLUMN ").append(DevScope.quote(added.get(i)));
                }
                repairs.add(alter.toString());
            }
            if ((!sameRows || !added.isEmpty()) && t.copy() != null) {
                repairs.add(String.format(Locale.ROOT, t.copy(), DevScope.quote(target)));
            }
            if (!counter(now).equals(counter(t.create()))) {
                // The rows are the state's again, so InnoDB takes the old value (it raises a lower one to max + 1).
                repairs.add("ALTER TABLE " + q(target, name) + " AUTO_INCREMENT = " + counter(t.create()));
            }
        }
        for (Table t : tables) {
            if (!known.contains(t.name())) {
                builds.add(t);
            }
        }
        if (drops.isEmpty() && builds.isEmpty() && repairs.isEmpty()) {
            return true;
        }
        List<String> batch = new ArrayList<>();
        batch.add("USE " + DevScope.quote(target));
        batch.add("SET SESSION foreign_key_checks = 0");
        for (String name : drops) {
            batch.add("DROP TABLE " + q(target, name));
        }
        for (Table t : builds) {
            batch.add(t.create());
        }
        batch.addAll(repairs);
        for (Table t : builds) {
            if (t.copy() != null) {
                batch.add(String.format(Locale.ROOT, t.copy(), DevScope.quote(target)));
            }
        }
        batch.add("SET SESSION foreign_key_checks = 1");
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute(String.join(";\n", batch));
            // A failure in the middle of the batch surfaces only when its result is reached.
            while (st.getMoreResults() || st.getUpdateCount() != -1) {
                // Walk every result.
            }
        }
        return true;
    }

    /** The definition without its table option {@code AUTO_INCREMENT=n} (the column attribute has no '='). */
    private static String withoutCounter(String create) {
        return COUNTER.matcher(create).replaceFirst("");
    }

    /** The state's next AUTO_INCREMENT value: the one in its definition, else 1 (no row was ever inserted). */
    private static String counter(String create) {
        java.util.regex.Matcher m = COUNTER.matcher(create);
        return m.find() ? m.group(1) : "1";
    }

    private static final java.util.regex.Pattern COUNTER = java.util.regex.Pattern.compile(" AUTO_INCREMENT=(\\d+)");

    /** Runs a batch of statements in one round trip and returns the rows of each result set, in order. */
    private static List<List<String[]>> results(Connection c, String sql) throws SQLException {
        List<List<String[]>> out = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            boolean isResult = st.execute(sql);
            while (true) {
                if (isResult) {
                    List<String[]> rows = new ArrayList<>();
                    try (ResultSet rs = st.getResultSet()) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            String[] row = new String[n];
                            for (int i = 0; i < n; i++) {
                                row[i] = rs.getString(i + 1);
                            }
                            rows.add(row);
                        }
                    }
                    out.add(rows);
                } else if (st.getUpdateCount() == -1) {
                    return out;
                }
                isResult = st.getMoreResults();
            }
        }
    }

    /** A string literal; a name the server would read differently only makes the restore give up. */
    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** {@code CHECKSUM TABLE} of each table, in one statement; a sum over rows, so row order does not matter. */
    private static Map<String, String> checksums(Connection c, String schema, List<String> tables) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        if (tables.isEmpty()) {
            return out;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(checksumSql(schema, tables))) {
            while (rs.next()) {
                // "schema.table", unquoted.
                String name = rs.getString(1).substring(schema.length() + 1);
                out.put(name, rs.getString(2));
            }
        }
        return out;
    }

    /** {@code SHOW CREATE TABLE} of each table, then their checksums: one result set each, in that order. */
    private static String describe(String schema, List<String> tables) {
        StringBuilder sql = new StringBuilder();
        for (String name : tables) {
            sql.append("SHOW CREATE TABLE ").append(q(schema, name)).append(";\n");
        }
        return sql.append(checksumSql(schema, tables)).toString();
    }

    private static String checksumSql(String schema, List<String> tables) {
        StringBuilder sql = new StringBuilder("CHECKSUM TABLE ");
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(q(schema, tables.get(i)));
        }
        return sql.append(" EXTENDED").toString();
    }

    /** Drops the template schema, if there is one. */
    void drop(Connection c) throws SQLException {
        if (template != null) {
            DevScope.withoutForeignKeyChecks(c, st -> st.execute("DROP DATABASE IF EXISTS " + DevScope.quote(template)));
        }
    }

    private static void setMode(Connection c, String mode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SET SESSION sql_mode = ?")) {
            ps.setString(1, mode);
            ps.execute();
        }
    }

    /** The columns an insert may write: generated ones are computed again, invisible ones are listed. */
    private static List<String> insertable(Connection c, String schema, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, GENERATION_EXPRESSION FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String generated = rs.getString(2);
                    if (generated == null || generated.isEmpty()) {
                        out.add(DevScope.quote(rs.getString(1)));
                    }
                }
            }
        }
        return out;
    }

    private static Definition definition(Connection c, String sql, int createColumn, int modeColumn) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next() || rs.getString(createColumn) == null) {
                // Without the privilege to read a routine's body, the server returns NULL for it.
                throw new SQLException("cannot read the definition: " + sql);
            }
            return new Definition(rs.getString(createColumn), rs.getString(modeColumn));
        }
    }

    private static String show(Connection c, String sql, int column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(column);
        }
    }

    private static boolean exists(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String[]> names(Connection c, String sql, String schema) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    private static String q(String schema, String name) {
        return DevScope.quote(schema) + "." + DevScope.quote(name);
    }
}
