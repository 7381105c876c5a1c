package io.atlas4j.dialect.mysql;

import io.atlas4j.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a prepared state allows for transaction-isolated sessions, read once right after it is built.
 *
 * <p>A state fits only when a rollback undoes everything a case's rows can do to it: every table is an
 * InnoDB table (MyISAM, MEMORY, Aria ... keep their rows), it has no MariaDB sequences (their values are
 * not transactional), no events (which commit on their own connection, outside any case), and no
 * FULLTEXT indexes (InnoDB indexes a row for MATCH only when it commits, so a case would not find the
 * rows it inserted).
 *
 * @param unfit why sessions must re-create the schema, or null when a transaction isolates them
 * @param counters the AUTO_INCREMENT counters of the untouched state, which ROLLBACK does not undo
 * @param runsCode whether the state has routines or triggers, so that even a reading case may insert rows
 * @param freshConnections whether those touch connection state that ROLLBACK keeps ({@code @v}, ...)
 */
record StateProfile(String unfit, List<Counter> counters, boolean runsCode, boolean freshConnections) {

    /**
     * One table's counter.
     *
     * @param schema its schema, or null for the slot's schema (schema scope: slots differ in name only)
     * @param table its name
     * @param value the next value
     */
    record Counter(String schema, String table, long value) {
    }

    /** A profile that sends every session through re-creation (isolation {@code recreate}). */
    static final StateProfile RECREATE = new StateProfile("isolation is set to recreate", List.of(), true, true);

    /** MySQL 8's unknown-variable error on MariaDB and older servers. */
    private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;

    StateProfile {
        counters = List.copyOf(counters);
    }

    /** Whether transaction-isolated sessions can serve the state. */
    boolean fits() {
        return unfit == null;
    }

    /**
     * Reads the profile of the state just built in {@code slot}.
     *
     * @param c a connection without a default schema
     * @param slot the slot's schema, or null for every user schema (server scope)
     * @param statements the statements that built it
     */
    static StateProfile read(Connection c, String slot, List<SqlStatement> statements) throws SQLException {
        statsUncached(c);
        String unfit = null;
        List<Counter> counters = new ArrayList<>();
        try (ResultSet rs = query(c, "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, ENGINE, AUTO_INCREMENT"
                + " FROM information_schema.TABLES WHERE " + filter("TABLE_SCHEMA", slot), slot)) {
            while (rs.next()) {
                String name = rs.getString(2);
                String type = rs.getString(3);
                String engine = rs.getString(4);
                if (type.contains("VIEW")) {
                    continue;
                }
                if (type.equals("SEQUENCE")) {
                    unfit = unfit != null ? unfit : "sequence \"" + name + "\" keeps its values after a rollback";
                } else if (engine == null || !engine.equalsIgnoreCase("InnoDB")) {
                    unfit = unfit != null ? unfit : "table \"" + name + "\" uses engine " + engine + ", which does not roll back";
                }
                long next = rs.getLong(5);
                if (!rs.wasNull()) {
                    counters.add(new Counter(slot == null ? rs.getString(1) : null, name, next));
                }
            }
        }
        if (unfit == null) {
            unfit = first(c, "SELECT TABLE_NAME FROM information_schema.STATISTICS WHERE INDEX_TYPE = 'FULLTEXT' AND "
                    + filter("TABLE_SCHEMA", slot), slot)
                    .map(t -> "table \"" + t + "\" has a FULLTEXT index, which sees rows only once they commit").orElse(null);
        }
        if (unfit == null) {
            unfit = first(c, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE " + filter("EVENT_SCHEMA", slot), slot)
                    .map(e -> "event \"" + e + "\" commits outside the case's transaction").orElse(null);
        }
        boolean runsCode = first(c, "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE "
                + filter("ROUTINE_SCHEMA", slot), slot).isPresent()
                || first(c, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE "
                + filter("TRIGGER_SCHEMA", slot), slot).isPresent();
        return new StateProfile(unfit, counters, runsCode, runsCode && TransactionFit.touchesConnectionState(statements));
    }

    /**
     * The statements that put back every counter a session moved, or an empty list. ROLLBACK removed the
     * session's rows, so {@code ALTER TABLE ... AUTO_INCREMENT = n} (which InnoDB raises to the largest
     * key + 1 when lower) restores the value the untouched state had.
     *
     * @param c the session's connection, after its ROLLBACK
     * @param slot the slot's schema, or null in server scope
     */
    List<String> restores(Connection c, String slot) throws SQLException {
        if (counters.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (ResultSet rs = query(c, "SELECT TABLE_SCHEMA, TABLE_NAME, AUTO_INCREMENT FROM information_schema.TABLES"
                + " WHERE AUTO_INCREMENT IS NOT NULL AND " + filter("TABLE_SCHEMA", slot), slot)) {
            while (rs.next()) {
                String schema = rs.getString(1);
                String table = rs.getString(2);
                long now = rs.getLong(3);
                for (Counter counter : counters) {
                    if (counter.table().equals(table) && (counter.schema() == null || counter.schema().equals(schema))
                            && counter.value() != now) {
                        out.add("ALTER TABLE " + DevScope.quote(schema) + "." + DevScope.quote(table)
                                + " AUTO_INCREMENT = " + counter.value());
                    }
                }
            }
        }
        return out;
    }

    /**
     * MySQL 8 caches table statistics in information_schema for a day by default, AUTO_INCREMENT
     * included; the session must read the live values. MariaDB has no such cache (nor the variable).
     */
    static void statsUncached(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION information_schema_stats_expiry = 0");
        } catch (SQLException e) {
            if (e.getErrorCode() != UNKNOWN_SYSTEM_VARIABLE) {
                throw e;
            }
        }
    }

    private static String filter(String column, String slot) {
        if (slot != null) {
            return column + " = ?";
        }
        StringBuilder in = new StringBuilder(column).append(" NOT IN (");
        for (int i = 0; i < DevScope.SYSTEM_SCHEMAS.size(); i++) {
            in.append(i == 0 ? "'" : ", '").append(DevScope.SYSTEM_SCHEMAS.get(i).toLowerCase(Locale.ROOT)).append("'");
        }
        return in.append(")").toString();
    }

    /** Runs a query with the slot's schema bound; the result set closes its statement. */
    private static ResultSet query(Connection c, String sql, String slot) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            if (slot != null) {
                ps.setString(1, slot);
            }
            ps.closeOnCompletion();
            return ps.executeQuery();
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static Optional<String> first(Connection c, String sql, String slot) throws SQLException {
        try (ResultSet rs = query(c, sql + " LIMIT 1", slot)) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }
}
