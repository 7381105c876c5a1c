package io.atlas4j.dialect;

import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.StatementFailedException;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One database family, found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.atlas4j.dialect.Dialect}).
 *
 * <p>The dialect answers only dialect questions: which URLs are its own, how to connect, how its SQL
 * splits into statements. Generic code asks; it never branches on a dialect's name.
 */
public interface Dialect {

    /** The dialect's name, equal to its main URL scheme: {@code postgres}, {@code mysql}, {@code sqlite}. */
    String name();

    /** Every URL scheme this dialect accepts, including aliases ({@code postgresql}, {@code maria}). */
    Set<String> urlSchemes();

    /**
     * Opens a JDBC connection for an Atlas-style URL of one of {@link #urlSchemes()}.
     *
     * @throws SQLException when the server refuses or cannot be reached
     */
    Connection connect(DatabaseUrl url) throws SQLException;

    /** Splits a script into statements with this dialect's lexical rules (quotes, comments, bodies). */
    List<SqlStatement> split(SqlScript script);

    /**
     * The database's own words for an error, as a user should read them: without driver decoration
     * (PgJDBC's {@code ERROR: } prefix, vendor codes), keeping detail lines that help.
     */
    default String errorMessage(SQLException e) {
        return StatementFailedException.databaseMessage(e);
    }

    /**
     * The revisions table and lock support for {@code migrate apply}, {@code status} and {@code set}; empty
     * when this dialect cannot apply migration directories.
     */
    default Optional<RevisionSupport> revisions() {
        return Optional.empty();
    }

    /** What runs around a transaction that changes the schema (see {@link SchemaTransactions}). */
    default SchemaTransactions schemaTransactions() {
        return SchemaTransactions.NONE;
    }

    /**
     * The schema engine (inspect, diff, plan) for {@code schema inspect|diff|apply}, HCL desired states
     * and {@code migrate diff}; empty when this dialect has none yet.
     */
    default Optional<SchemaDriver> schemaDriver() {
        return Optional.empty();
    }
}
