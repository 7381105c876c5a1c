package io.atlas4j.migrate.apply;

import io.atlas4j.dialect.RevisionSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code atlas_schema_revisions} rows with portable SQL on the dialect's qualified table
 * name. Writes go through the given connection, so they join whatever transaction it has open.
 */
public final class RevisionStore {

    /** Atlas's cloud-reporting row, never a migration. */
    static final String CLOUD_IDENTIFIER = ".atlas_cloud_identifier";

    private static final String COLUMNS = "version, description, type, applied, total, executed_at, execution_time,"
            + " error, error_stmt, hash, partial_hashes, operator_version";

    private final Connection connection;
    private final String table;
    private final String json;

    public RevisionStore(Connection connection, RevisionSupport.Location location, RevisionSupport support) {
        this.connection = connection;
        this.table = location.qualifiedName();
        this.json = support.jsonParameter();
    }

    /** Every revision, ordered by version as strings compare in Go (byte-wise). */
    public List<Revision> all() throws SQLException {
        List<Revision> revisions = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!rs.getString(1).equals(CLOUD_IDENTIFIER)) {
                    revisions.add(read(rs));
                }
            }
        }
        revisions.sort((a, b) -> io.atlas4j.migrate.MigrationFile.STRING_ORDER.compare(a.version(), b.version()));
        return revisions;
    }

    /** The revision of {@code version}. */
    public Optional<Revision> get(String version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Inserts or updates {@code r}. An update never changes {@code version}, {@code description} or
     * {@code executed_at}: they describe the first write.
     */
    public void write(Revision r) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table + " SET type = ?, applied = ?, total = ?,"
                + " execution_time = ?, error = ?, error_stmt = ?, hash = ?, partial_hashes = " + json
                + ", operator_version = ? WHERE version = ?")) {
            ps.setInt(1, r.type());
            ps.setInt(2, r.applied());
            ps.setInt(3, r.total());
            ps.setLong(4, r.executionTime());
            ps.setString(5, r.error());
            ps.setString(6, r.errorStmt());
            ps.setString(7, r.hash());
            ps.setString(8, jsonArray(r.partialHashes()));
            ps.setString(9, r.operatorVersion());
            ps.setString(10, r.version());
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + json + ", ?)")) {
            ps.setString(1, r.version());
            ps.setString(2, r.description());
            ps.setInt(3, r.type());
            ps.setInt(4, r.applied());
            ps.setInt(5, r.total());
            ps.setTimestamp(6, Timestamp.from(r.executedAt()));
            ps.setLong(7, r.executionTime());
            ps.setString(8, r.error());
            ps.setString(9, r.errorStmt());
            ps.setString(10, r.hash());
            ps.setString(11, jsonArray(r.partialHashes()));
            ps.setString(12, r.operatorVersion());
            ps.executeUpdate();
        }
    }

    /** Deletes the revision of {@code version}. */
    public void delete(String version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE version = ?")) {
            ps.setString(1, version);
            ps.executeUpdate();
        }
    }

    private static Revision read(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp(6);
        return new Revision(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                at == null ? Instant.EPOCH : at.toInstant(), rs.getLong(7), rs.getString(8), rs.getString(9),
                rs.getString(10), parseArray(rs.getString(11)), rs.getString(12));
    }

    // Null when there is nothing to keep, as Atlas clears the column on success.
    static String jsonArray(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            text.append(i > 0 ? "," : "").append('"').append(values.get(i)).append('"');
        }
        return text.append(']').toString();
    }

    // The stored values are "h1:<base64>" strings: no escapes, commas or brackets inside them.
    static List<String> parseArray(String json) {
        if (json == null || json.isBlank() || json.strip().equals("null")) {
            return List.of();
        }
        String body = json.strip();
        body = body.substring(1, body.length() - 1).strip();
        List<String> values = new ArrayList<>();
        if (body.isEmpty()) {
            return values;
        }
        for (String part : body.split(",")) {
            String v = part.strip();
            values.add(v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return values;
    }
}
