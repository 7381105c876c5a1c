package io.atlas4j.dialect.postgres;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabaseProvider;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Opens {@code postgres://} and {@code postgresql://} dev databases on a running server.
 *
 * <p>The dev database must be clean by Atlas's rules (see {@link PostgresCleanCheck}). Sessions are
 * clones of template databases when the user may create databases, else the dev database is emptied
 * and rebuilt for each session (see {@link PostgresDevDatabase}).
 *
 * <p>{@value #ISOLATION_PROPERTY} in {@link DevOptions#properties()} chooses the mechanism:
 * <ul>
 *   <li>{@code auto} (the default) or {@code transaction}: a case whose statements can all run in a
 *       transaction and be undone by ROLLBACK, and that runs no external program, is a transaction rolled
 *       back at its end (about a millisecond); any other case gets a clone (or, without {@code CREATEDB},
 *       the re-created dev database);</li>
 *   <li>{@code template}: every case gets a clone where allowed;</li>
 *   <li>{@code recreate}: every case gets the re-created dev database.</li>
 * </ul>
 */
public final class PostgresDevDatabaseProvider implements DevDatabaseProvider {

    /** How sessions are isolated: {@code auto} (default), {@code transaction}, {@code template} or {@code recreate}. */
    public static final String ISOLATION_PROPERTY = "atlas4j.postgres.isolation";

    /**
     * What happens to roles cases create in sessions with a database of their own: {@code drop} (the
     * default) drops them after the session (see {@link CaseRoles}); {@code keep} leaves them, for a
     * cluster where other programs create roles while tests run.
     */
    public static final String CASE_ROLES_PROPERTY = "atlas4j.postgres.case-roles";

    private final PostgresDialect dialect = new PostgresDialect();

    @Override
    public boolean supports(DatabaseUrl url) {
        return dialect.urlSchemes().contains(url.scheme());
    }

    @Override
    public DevDatabase open(DatabaseUrl url, DevOptions options) {
        Isolation isolation = isolation(options);
        boolean dropCaseRoles = dropCaseRoles(options);
        Connection admin;
        try {
            admin = dialect.connect(url, options.connectTimeout());
        } catch (SQLException e) {
            throw PostgresErrors.cannotConnect(dialect, url, e);
        }
        try {
            PostgresScope scope = PostgresScope.read(admin, url);
            Optional<String> dirty = PostgresCleanCheck.reason(admin, scope.schema());
            if (dirty.isPresent()) {
                throw new Atlas4jException(ErrorCode.DEV_DATABASE, PostgresCleanCheck.NOT_CLEAN + dirty.get(),
                        scope.databaseScope()
                                ? "use an empty database as dev database (" + url.masked() + " must hold no schema"
                                        + " but an empty public), or bind the URL to an empty schema with ?search_path="
                                : "use an empty schema as dev schema (schema \"" + scope.schema() + "\" of "
                                        + url.masked() + " must hold no tables)",
                        null);
            }
            int major = admin.getMetaData().getDatabaseMajorVersion();
            boolean cloning = isolation.cloning() && mayCreateDatabases(admin);
            return new PostgresDevDatabase(dialect, url, options.connectTimeout(), admin, scope, major, cloning,
                    isolation.transactions(), dropCaseRoles);
        } catch (SQLException e) {
            closeQuietly(admin);
            throw PostgresErrors.failed(dialect, url, "cannot inspect it", e);
        } catch (RuntimeException e) {
            closeQuietly(admin);
            throw e;
        }
    }

    /** The mechanisms a setting allows: clones (where the user may create databases), transactions. */
    private record Isolation(boolean cloning, boolean transactions) {
    }

    private static Isolation isolation(DevOptions options) {
        String value = options.properties().getOrDefault(ISOLATION_PROPERTY, "auto");
        switch (value) {
            case "auto":
            case "transaction":
                return new Isolation(true, true);
            case "template":
                return new Isolation(true, false);
            case "recreate":
                return new Isolation(false, false);
            default:
                throw new Atlas4jException(ErrorCode.CONFIGURATION,
                        "invalid " + ISOLATION_PROPERTY + " \"" + value + "\"",
                        "use auto, transaction, template or recreate", null);
        }
    }

    private static boolean dropCaseRoles(DevOptions options) {
        String value = options.properties().getOrDefault(CASE_ROLES_PROPERTY, "drop");
        switch (value) {
            case "drop":
                return true;
            case "keep":
                return false;
            default:
                throw new Atlas4jException(ErrorCode.CONFIGURATION,
                        "invalid " + CASE_ROLES_PROPERTY + " \"" + value + "\"", "use drop or keep", null);
        }
    }

    private static boolean mayCreateDatabases(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
