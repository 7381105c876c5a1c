package io.atlas4j.dialect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of every sequence of a prepared state ({@code serial} and identity columns included),
 * taken right after preparing it. {@code nextval} and {@code setval} are not undone by ROLLBACK, so a
 * transaction-isolated session puts them back from this snapshot when it ends.
 *
 * @param sequences the sequences, with their values
 */
record SequenceSnapshot(List<Value> sequences) {

    /**
     * One sequence's state.
     *
     * @param name its schema-qualified, quoted name
     * @param lastValue {@code last_value}
     * @param called {@code is_called}: whether {@code nextval} has returned {@code lastValue}
     */
    record Value(String name, long lastValue, boolean called) {
    }

    SequenceSnapshot {
        sequences = List.copyOf(sequences);
    }

    /**
     * Reads every sequence of the prepared state.
     *
     * @param schema the only schema that holds the state (the dev database's connected schema, when
     *     other schemas are not Atlas4J's), or null for every user schema
     */
    static SequenceSnapshot take(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind = 'S' AND " + PostgresCleanCheck.USER_SCHEMAS
                + " AND (n.nspname = ? OR ? IS NULL) ORDER BY 1")) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        if (names.isEmpty()) {
            return new SequenceSnapshot(List.of());
        }
        // One round trip for all of them: a sequence reads like a one-row table.
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i)
                    .append(", last_value, is_called FROM ").append(names.get(i));
        }
        Value[] values = new Value[names.size()];
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                int i = rs.getInt(1);
                values[i] = new Value(names.get(i), rs.getLong(2), rs.getBoolean(3));
            }
        }
        return new SequenceSnapshot(List.of(values));
    }

    /**
     * One query that puts back every sequence whose value changed, and leaves the others alone (setval
     * writes to the sequence even when the value is the same); null when there are no sequences.
     */
    String restoreQuery() {
        if (sequences.isEmpty()) {
            return null;
        }
        StringBuilder sql = new StringBuilder();
        for (Value v : sequences) {
            if (sql.length() > 0) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT setval('").append(v.name().replace("'", "''")).append("'::regclass, ")
                    .append(v.lastValue()).append(", ").append(v.called()).append(") FROM ").append(v.name())
                    .append(" WHERE last_value <> ").append(v.lastValue()).append(" OR is_called <> ")
                    .append(v.called());
        }
        return sql.toString();
    }
}
