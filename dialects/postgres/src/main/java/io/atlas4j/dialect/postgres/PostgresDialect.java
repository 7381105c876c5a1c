package io.atlas4j.dialect.postgres;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.RevisionSupport;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL through PgJDBC: {@code postgres://} and {@code postgresql://} URLs. See
 * {@link PostgresConnectionSpec} for how URLs map to PgJDBC.
 */
public final class PostgresDialect implements Dialect {

    private static final SchemaDriver DRIVER = new PostgresSchemaDriver();

    /** The dialect's name and main URL scheme. */
    public static final String NAME = "postgres";

    /** How long {@link #connect(DatabaseUrl)} waits for a server unless the URL says otherwise. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> SCHEMES = Set.of("postgres", "postgresql");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> urlSchemes() {
        return SCHEMES;
    }

    @Override
    public Connection connect(DatabaseUrl url) throws SQLException {
        return connect(url, DEFAULT_CONNECT_TIMEOUT);
    }

    /** Opens a connection, waiting at most {@code connectTimeout} for the server. */
    Connection connect(DatabaseUrl url, Duration connectTimeout) throws SQLException {
        return PostgresConnectionSpec.of(url, connectTimeout).open();
    }

    @Override
    public List<SqlStatement> split(SqlScript script) {
        return StatementSplitter.split(script, SplitRules.POSTGRES);
    }

    /**
     * The server's message without PgJDBC's {@code ERROR: } prefix and {@code Position} line, keeping
     * the {@code Detail} and {@code Hint} lines: {@code value for domain zip violates check constraint
     * "zip_check"}.
     */
    @Override
    public String errorMessage(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException ? ((PSQLException) e).getServerErrorMessage() : null;
        if (server == null || server.getMessage() == null) {
            return Dialect.super.errorMessage(e);
        }
        StringBuilder sb = new StringBuilder(server.getMessage().strip());
        if (server.getDetail() != null) {
            sb.append("\n  Detail: ").append(server.getDetail());
        }
        if (server.getHint() != null) {
            sb.append("\n  Hint: ").append(server.getHint());
        }
        return sb.toString();
    }

    /** The revisions table in the URL's schema (or {@code atlas_schema_revisions}) and an advisory lock. */
    @Override
    public Optional<RevisionSupport> revisions() {
        return Optional.of(new PostgresRevisions());
    }
    @Override
    public Optional<SchemaDriver> schemaDriver() {
        return Optional.of(DRIVER);
    }

}
