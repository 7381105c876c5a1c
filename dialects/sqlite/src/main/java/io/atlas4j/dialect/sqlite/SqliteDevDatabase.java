package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sqlite.SQLiteConnection;

/**
 * An open SQLite dev database. Templates and sessions are named {@code atlas4j_<id>_...}, with an id
 * unique to this object, because shared-cache memory databases are visible to the whole process.
 */
final class SqliteDevDatabase implements DevDatabase {

    private final SqliteDialect dialect;
    private final DatabaseUrl url;
    private final SqliteConnectionSpec spec;
    /** Held open so a named memory dev database lives as long as this object; never written to. */
    private final Connection devConnection;
    private final String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    /** The Go driver parameters ({@code _fk=1}, ...), carried to templates and sessions. */
    private final String driverParams;
    private final AtomicInteger workspaceCount = new AtomicInteger();
    private final AtomicInteger sessionCount = new AtomicInteger();
    private final Set<SqliteWorkspace> workspaces = ConcurrentHashMap.newKeySet();
    private final Set<SqliteDevSession> sessions = ConcurrentHashMap.newKeySet();
    /** Where file sessions live, created on the first lease; null for memory URLs. */
    private volatile Path sessionDirectory;
    private volatile boolean closed;

    SqliteDevDatabase(SqliteDialect dialect, DatabaseUrl url, SqliteConnectionSpec spec, Connection devConnection) {
        this.dialect = dialect;
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
        try {
            StatementRunner.apply(dialect, template, state);
        } catch (RuntimeException e) {
            closeQuietly(template);
            throw e;
        }
        // The backup API opens the template by this URI while the template connection keeps it alive.
        String source = "file:" + name + "?mode=memory&cache=shared";
        SqliteWorkspace workspace = new SqliteWorkspace(this, state, template, source);
        workspaces.add(workspace);
        return workspace;
    }

    /** A fresh copy of a workspace's template. */
    DevSession lease(SqliteWorkspace workspace) {
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
            connection = dialect.connect(sessionUrl);
            int rc = connection.unwrap(SQLiteConnection.class).getDatabase().restore("main", workspace.source(), null);
            if (rc != 0) {
                throw new SQLException("SQLite backup API returned result code " + rc);
            }
        } catch (SQLException e) {
            if (connection != null) {
                closeQuietly(connection);
            }
            deleteSessionFiles(file);
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot copy the prepared state of " + url.masked() + " into a new session: "
                            + dialect.errorMessage(e), e);
        }
        SqliteDevSession session = new SqliteDevSession(this, sessionUrl, connection, file);
        sessions.add(session);
        return session;
    }

    /** Called by a session once its connections are closed. */
    void discard(SqliteDevSession session) {
        sessions.remove(session);
        deleteSessionFiles(session.file());
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
        for (SqliteDevSession session : List.copyOf(sessions)) {
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

    private static void deleteSessionFiles(Path file) {
        if (file == null) {
            return;
        }
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete SQLite session file " + file + suffix, e);
            }
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
