package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.StateApplier;
import io.atlas4j.dev.Workspace;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig.Pragma;
import org.sqlite.SQLiteConnection;

/**
 * An open SQLite dev database. Templates and sessions are named {@code atlas4j_<id>_...}, with an id
 * unique to this object, because shared-cache memory databases are visible to the whole process.
 */
final class SqliteDevDatabase implements DevDatabase {

    private static final Map<String, String> SESSION_PROPERTIES =
            Map.of(Pragma.JDBC_GET_GENERATED_KEYS.pragmaName, "false");

    private final SqliteDialect dialect;
    private final DatabaseUrl url;
    private final SqliteConnectionSpec spec;
    private final SqliteIsolation isolation;
    /** Held open so a named memory dev database lives as long as this object; never written to. */
    private final Connection devConnection;
    private final String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    /** The Go driver parameters ({@code _fk=1}, ...), carried to templates and sessions. */
    private final String driverParams;
    private final AtomicInteger workspaceCount = new AtomicInteger();
    private final AtomicInteger sessionCount = new AtomicInteger();
    private final Set<SqliteWorkspace> workspaces = ConcurrentHashMap.newKeySet();
    private final Set<DevSession> sessions = ConcurrentHashMap.newKeySet();
    /** Where file sessions live, created on the first lease; null for memory URLs. */
    private volatile Path sessionDirectory;
    private volatile boolean closed;

    SqliteDevDatabase(SqliteDialect dialect, DatabaseUrl url, SqliteConnectionSpec spec, Connection devConnection,
            SqliteIsolation isolation) {
        this.dialect = dialect;
        this.isolation = isolation;
        this.url = url;
        this.spec = spec;
        this.devConnection = devConnection;
        this.driverParams = url.query().entrySet().stream()
                .filter(e -> e.getKey().startsWith("_"))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public DatabaseUrl url() {
        return url;
    }

    @Override
    public Workspace prepare(SchemaState state) {
        ensureOpen();
        String name = "atlas4j_" + id + "_tpl" + workspaceCount.incrementAndGet();
        DatabaseUrl templateUrl = memoryUrl(name);
        Connection template;
        try {
            template = dialect.connect(templateUrl);
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot create an in-memory template database: " + dialect.errorMessage(e), e);
        }
        String copyOnly;
        try {
            StateApplier.apply(dialect, template, state);
            copyOnly = copyOnlyReason(template);
        } catch (RuntimeException e) {
            closeQuietly(template);
            throw e;
        } catch (SQLException e) {
            closeQuietly(template);
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot read the prepared state of " + url.masked() + ": " + dialect.errorMessage(e), e);
        }
        // The backup API opens the template by this URI while the template connection keeps it alive.
        String source = "file:" + name + "?mode=memory&cache=shared";
        SqliteWorkspace workspace = new SqliteWorkspace(this, state, template, source, copyOnly);
        workspaces.add(workspace);
        return workspace;
    }

    /**
     * Why no case of a prepared state may run in a rolled-back transaction, or null when cases may: the
     * setting says so, foreign keys are deferred to a commit that never comes, or an object of the state
     * ends transactions by itself ({@link RollbackSafety#schemaReason}).
     */
    private String copyOnlyReason(Connection template) throws SQLException {
        if (isolation == SqliteIsolation.COPY) {
            return SqliteIsolation.PROPERTY + "=copy";
        }
        if (defersForeignKeys()) {
            return "the dev URL defers foreign keys";
        }
        try (Statement s = template.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")) {
            while (rs.next()) {
                Optional<String> reason = RollbackSafety.schemaReason(rs.getString(2));
                if (reason.isPresent()) {
                    return rs.getString(1) + ": " + reason.get();
                }
            }
        }
        return null;
    }

    /** A fresh copy of a workspace's template as a session (copy isolation). */
    DevSession lease(SqliteWorkspace workspace) {
        SqliteDevSession session = new SqliteDevSession(this, copy(workspace));
        sessions.add(session);
        return session;
    }

    /**
     * A fresh copy of a workspace's template: the session of copy isolation, or the base copy that
     * transaction sessions reuse.
     *
     * @throws Atlas4jException {@code DEV_DATABASE} when the copy cannot be made
     */
    SqliteCopy copy(SqliteWorkspace workspace) {
        ensureOpen();
        int n = sessionCount.incrementAndGet();
        Path file = null;
        DatabaseUrl sessionUrl;
        if (spec.memory()) {
            sessionUrl = memoryUrl("atlas4j_" + id + "_" + n);
        } else {
            file = sessionDirectory().resolve(n + ".db");
            String path = file.toAbsolutePath().toString().replace('\\', '/');
            sessionUrl = DatabaseUrl.parse("sqlite://" + path + (driverParams.isEmpty() ? "" : "?" + driverParams));
        }
        Connection connection = null;
        try {
            connection = connectSession(sessionUrl);
            int rc = connection.unwrap(SQLiteConnection.class).getDatabase().restore("main", workspace.source(), null);
            if (rc != 0) {
                throw new SQLException("SQLite backup API returned result code " + rc);
            }
        } catch (SQLException e) {
            new SqliteCopy(sessionUrl, connection, file).discard();
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot copy the prepared state of " + url.masked() + " into a new session: "
                            + dialect.errorMessage(e), e);
        }
        return new SqliteCopy(sessionUrl, connection, file);
    }

    /**
     * A connection to a session's database. sqlite-jdbc's generated keys are off: with them on, every
     * INSERT runs a second query ({@code SELECT last_insert_rowid()}) that test steps never read.
     */
    Connection connectSession(DatabaseUrl sessionUrl) throws SQLException {
        return SqliteConnectionSpec.of(sessionUrl).open(SESSION_PROPERTIES);
    }

    /** Tracks a session so that {@link #close()} ends it. */
    void register(DevSession session) {
        sessions.add(session);
    }

    /** Called by a session once it is closed. */
    void forget(DevSession session) {
        sessions.remove(session);
    }

    /** Whether the dev URL defers foreign keys to commit ({@code _defer_fk=1}). */
    private boolean defersForeignKeys() {
        return Boolean.parseBoolean(spec.pragmas().get(Pragma.DEFER_FOREIGN_KEYS.pragmaName));
    }

    void forget(SqliteWorkspace workspace) {
        workspaces.remove(workspace);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        for (DevSession session : List.copyOf(sessions)) {
            runCollecting(session::close, failures);
        }
        for (SqliteWorkspace workspace : List.copyOf(workspaces)) {
            runCollecting(workspace::close, failures);
        }
        closeQuietly(devConnection);
        Path directory = sessionDirectory;
        if (directory != null) {
            runCollecting(() -> deleteTree(directory), failures);
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private DatabaseUrl memoryUrl(String name) {
        return DatabaseUrl.parse("sqlite://" + name + "?mode=memory" + (driverParams.isEmpty() ? "" : "&" + driverParams));
    }

    private Path sessionDirectory() {
        Path directory = sessionDirectory;
        if (directory == null) {
            synchronized (this) {
                directory = sessionDirectory;
                if (directory == null) {
                    try {
                        directory = Files.createTempDirectory("atlas4j-sqlite-");
                    } catch (IOException e) {
                        throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                                "cannot create a temporary directory for SQLite sessions: " + e.getMessage(), e);
                    }
                    sessionDirectory = directory;
                }
            }
        }
        return directory;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("dev database " + url.masked() + " is closed");
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    private static void runCollecting(Runnable action, List<RuntimeException> failures) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort: the database goes away with its last connection either way.
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
