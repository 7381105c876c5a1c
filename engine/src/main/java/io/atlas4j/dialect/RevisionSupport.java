package io.atlas4j.dialect;

import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code migrate apply}, {@code status} and {@code set} need from one database family: where the
 * {@code atlas_schema_revisions} table lives and how to create it, Atlas's clean check for a first run,
 * and a database lock that serialises concurrent appliers.
 *
 * <p>The rows themselves are read and written by generic code with portable SQL on the qualified table
 * name; a dialect only answers the questions whose answers differ between databases.
 */
public interface RevisionSupport {

    /** The revisions table's name, as Atlas spells it. */
    String TABLE = "atlas_schema_revisions";

    /** The schema (or MySQL database) used when the URL binds none: Atlas's database/server scope default. */
    String DEFAULT_SCHEMA = "atlas_schema_revisions";

    /**
     * Where the revisions table of {@code url} lives.
     *
     * @param revisionsSchema the {@code --revisions-schema} flag, or null for the URL's schema (or
     *     {@value #DEFAULT_SCHEMA} when the URL binds none)
     * @throws io.atlas4j.error.Atlas4jException (configuration) when the database cannot store it there
     */
    Location locate(Connection connection, DatabaseUrl url, String revisionsSchema) throws SQLException;

    /** Whether the table exists at {@code location}. */
    boolean exists(Connection connection, Location location) throws SQLException;

    /** Creates the schema (if the dialect has schemas and it is missing) and the table, if missing. */
    void create(Connection connection, Location location) throws SQLException;

    /**
     * Why the database of {@code url} is not clean for a first {@code migrate apply}, ignoring the revisions
     * table (and its own schema when it holds nothing else), in Atlas's words, e.g.
     * {@code found table "t" in connected schema}; empty when it is clean.
     */
    Optional<String> dirtyReason(Connection connection, DatabaseUrl url, Location location) throws SQLException;

    /**
     * Takes the named lock for the session of {@code connection}, waiting at most {@code timeout}.
     *
     * @return false when another session held it for the whole wait
     */
    boolean tryLock(Connection connection, String name, Duration timeout) throws SQLException;

    /** Releases a lock taken with {@link #tryLock}. */
    void unlock(Connection connection, String name) throws SQLException;

    /**
     * The SQL expression that binds a JSON text parameter to the {@code partial_hashes} column, e.g.
     * {@code CAST(? AS jsonb)} where the driver does not convert strings to JSON itself.
     */
    default String jsonParameter() {
        return "?";
    }

    /**
     * Whether executing {@code statement} commits the open transaction on its own, as DDL does in MySQL. After
     * such a statement the applier commits its revision row at once, so that the row and the schema still
     * agree when a later statement of the file fails and the rest is rolled back.
     */
    default boolean commitsImplicitly(String statement) {
        return false;
    }

    /**
     * Where a revisions table lives.
     *
     * @param schema the schema (MySQL: database) holding it; {@code main} for SQLite
     * @param qualifiedName the quoted, qualified table name to use in SQL
     */
    record Location(String schema, String qualifiedName) {
    }
}
