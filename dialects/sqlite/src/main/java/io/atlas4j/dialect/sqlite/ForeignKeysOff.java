package io.atlas4j.dialect.sqlite;

import io.atlas4j.dialect.SchemaTransactions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * SQLite's bracket around a schema-changing transaction. {@code PRAGMA foreign_keys} is a no-op inside a
 * transaction, so a plan's own {@code PRAGMA foreign_keys = off} cannot stop a rebuilt or dropped parent
 * table from failing (or cascading into) its children: enforcement goes off before {@code BEGIN}, the
 * violations the transaction added are refused before {@code COMMIT}, and enforcement comes back after.
 * A connection without enforcement is left alone.
 */
final class ForeignKeysOff implements SchemaTransactions {

    /** Violations listed in a refusal; more are counted. */
    private static final int SHOWN = 3;

    @Override
    public Guard open(Connection c) throws SQLException {
        if (!enforced(c)) {
            return Guard.NONE;
        }
        exec(c, "PRAGMA foreign_keys = off");
        Set<String> before = violations(c);
        return new Guard() {
            @Override
            public void beforeCommit(Connection c) throws SQLException {
                Set<String> added = violations(c);
                added.removeAll(before);
                if (!added.isEmpty()) {
                    String shown = String.join("; ", added.stream().limit(SHOWN).toList());
                    throw new SQLException("foreign key constraint violated: " + shown
                            + (added.size() > SHOWN ? " (and " + (added.size() - SHOWN) + " more)" : ""), "23000");
                }
            }

            @Override
            public void close(Connection c) throws SQLException {
                exec(c, "PRAGMA foreign_keys = on");
            }
        };
    }

    private static boolean enforced(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    /** {@code PRAGMA foreign_key_check}: each row whose key has no parent, as a sentence. */
    private static Set<String> violations(Connection c) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                out.add("row " + rs.getString(2) + " of table \"" + rs.getString(1) + "\" references a missing row of \""
                        + rs.getString(3) + "\"");
            }
        }
        return out;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
