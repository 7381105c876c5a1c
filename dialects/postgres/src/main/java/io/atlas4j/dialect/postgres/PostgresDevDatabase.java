package io.atlas4j.dialect.postgres;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGProperty;

/**
 * An open PostgreSQL dev database on a running server.
 *
 * <p>Isolation takes one of two routes, chosen per {@link #prepare prepared state}:
 * <ul>
 *   <li><b>Template clones</b> (when the user may create databases): the state is built once in a
 *       template database {@code atlas4j_<pid>_<rand>_tpl<k>} created next to the dev database, and each
 *       session is {@code CREATE DATABASE atlas4j_<pid>_<rand>_<n> TEMPLATE ...}, dropped when the session
 *       closes. Sessions are independent and may be leased concurrently.</li>
 *   <li><b>Re-creation</b> (no {@code CREATEDB}): the dev database itself is emptied (the connected
 *       schema, or every user schema in database scope, is dropped and {@code public} re-created) and the
 *       state re-applied; one session lives at a time, and it is emptied again when it closes.</li>
 * </ul>
 * With {@link #transactions()} on, a case whose statements can all run in a transaction and be undone
 * by ROLLBACK (see {@link TransactionFit}) gets, instead, a transaction on a database that keeps the
 * prepared state: a long-lived clone of the template ({@code atlas4j_<pid>_<rand>_b<k>}, one per
 * concurrent session, see {@link TransactionPool}), or the dev database itself in the second route.
 * The dev database itself is never written to in the first route; {@link #close()} drops every
 * database this object created.
 */
final class PostgresDevDatabase implements DevDatabase {

    private final PostgresDialect dialect;
    private final DatabaseUrl url;
    private final Duration connectTimeout;
    /** Runs CREATE/DROP DATABASE and resets; one statement at a time. */
    private final Connection admin;
    private final PostgresScope scope;
    private final int serverMajor;
    private final String prefix;
    private final AtomicInteger templateCount = new AtomicInteger();
    private final AtomicInteger cloneCount = new AtomicInteger();
    private final Set<String> createdDatabases = ConcurrentHashMap.newKeySet();
    private final Set<Workspace> workspaces = ConcurrentHashMap.newKeySet();
    private final Set<PostgresDevSession> sessions = ConcurrentHashMap.newKeySet();
    private final OneAtATime exclusive;
    private volatile boolean cloning;
    private final boolean transactions;
    private final AtomicInteger baseCount = new AtomicInteger();
    /** In re-creation mode: the workspace whose state the dev database holds untouched, if any. */
    private volatile PostgresRecreateWorkspace pristine;
    /** Roles cases create in copy sessions, dropped after them. */
    private final CaseRoles caseRoles;
    private volatile boolean closed;

    PostgresDevDatabase(PostgresDialect dialect, DatabaseUrl url, Duration connectTimeout, Connection admin,
                        PostgresScope scope, int serverMajor, boolean cloning, boolean transactions,
                        boolean dropCaseRoles) {
        this.dialect = dialect;
        this.url = url;
        this.connectTimeout = connectTimeout;
        this.admin = admin;
        this.scope = scope;
        this.serverMajor = serverMajor;
        this.cloning = cloning;
        this.transactions = transactions;
        this.caseRoles = new CaseRoles(dropCaseRoles);
        this.prefix = "atlas4j_" + ProcessHandle.current().pid() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        this.exclusive = new OneAtATime(url);
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
        Set<String> rolesBefore = withRoles("cannot list roles", caseRoles::beforePrepare);
        Workspace workspace = null;
        if (cloning) {
            workspace = PostgresTemplateWorkspace.prepare(this, state, prefix + "_tpl" + templateCount.incrementAndGet());
            if (workspace == null) {
                // The user may not create databases after all: re-create inside the dev database from now on.
                cloning = false;
            }
        }
        if (workspace == null) {
            workspace = PostgresRecreateWorkspace.prepare(this, state);
        }
        workspaces.add(workspace);
        withRoles("cannot list roles", admin -> {
            caseRoles.afterPrepare(admin, rolesBefore);
            return null;
        });
        return workspace;
    }

    /** Runs {@code action} on the admin connection under the role bookkeeping's lock (taken first). */
    private <T> T withRoles(String what, SqlFunction<T> action) {
        synchronized (caseRoles) {
            synchronized (admin) {
                try {
                    return action.apply(admin);
                } catch (SQLException e) {
                    throw PostgresErrors.failed(dialect, url, what, e);
                }
            }
        }
    }

    /** An action on a connection. */
    private interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    /** A session with a database of its own (a clone, or the re-created dev database) opens. */
    void copySessionOpened() {
        caseRoles.opened();
    }

    /**
     * A session with a database of its own closed, its database discarded: drops the roles its case
     * created, unless another such session is open (see {@link CaseRoles}).
     */
    void copySessionClosed() {
        withRoles("cannot drop the roles a case created", admin -> {
            caseRoles.closed(admin);
            return null;
        });
    }

    // ---- services for workspaces and sessions ----

    PostgresDialect postgres() {
        return dialect;
    }

    PostgresScope scope() {
        return scope;
    }

    OneAtATime exclusive() {
        return exclusive;
    }

    PostgresRecreateWorkspace pristine() {
        return pristine;
    }

    void pristine(PostgresRecreateWorkspace workspace) {
        pristine = workspace;
    }

    /** Whether cases whose statements allow it are isolated by a transaction rolled back at the end. */
    boolean transactions() {
        return transactions;
    }

    /** A name for the next base database of transaction-isolated sessions. */
    String nextBaseName() {
        return prefix + "_b" + baseCount.incrementAndGet();
    }

    /**
     * Opens a connection for transaction-isolated sessions: a savepoint before each statement, rolled
     * back when the statement fails and released when it succeeds (see {@link TransactionBase}).
     */
    Connection connectForTransactions(DatabaseUrl target) throws SQLException {
        return PostgresConnectionSpec.of(target, connectTimeout)
                .with(PGProperty.AUTOSAVE.getName(), "always")
                .with(PGProperty.CLEANUP_SAVEPOINTS.getName(), "true")
                .open();
    }

    /** A name for the next clone. */
    String nextCloneName() {
        return prefix + "_" + cloneCount.incrementAndGet();
    }

    /** Opens a connection for {@code target} with this dev database's connect timeout. */
    Connection connect(DatabaseUrl target) throws SQLException {
        return dialect.connect(target, connectTimeout);
    }

    /** The dev URL pointing at another database on the same server, with the same credentials and query. */
    DatabaseUrl urlOf(String database) {
        return DatabaseUrl.parse(withDatabase(url.raw(), database));
    }

    /**
     * Creates a database, from {@code template} when not null.
     *
     * @throws SQLException as the server says, e.g. permission denied without {@code CREATEDB}
     */
    void createDatabase(String name, String template) throws SQLException {
        ensureOpen();
        String sql = "CREATE DATABASE " + PostgresScope.quote(name)
                + (template == null ? "" : " TEMPLATE " + PostgresScope.quote(template));
        synchronized (admin) {
            try (Statement s = admin.createStatement()) {
                s.execute(sql);
            }
            createdDatabases.add(name);
        }
    }

    /** Drops a database this object created, ending any connection to it. */
    void dropDatabase(String name) {
        synchronized (admin) {
            try (Statement s = admin.createStatement()) {
                if (serverMajor >= 13) {
                    s.execute("DROP DATABASE IF EXISTS " + PostgresScope.quote(name) + " WITH (FORCE)");
                } else {
                    try (PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(pid)"
                            + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                        ps.setString(1, name);
                        ps.execute();
                    }
                    s.execute("DROP DATABASE IF EXISTS " + PostgresScope.quote(name));
                }
                createdDatabases.remove(name);
            } catch (SQLException e) {
                throw PostgresErrors.failed(dialect, url, "cannot drop database \"" + name + "\"", e);
            }
        }
    }

    /** Runs admin statements on the dev database (ALTER DATABASE, ...). */
    void adminExecute(String sql) throws SQLException {
        synchronized (admin) {
            try (Statement s = admin.createStatement()) {
                s.execute(sql);
            }
        }
    }

    /**
     * Waits until no session is connected to {@code database}, so that it can serve as a template at
     * once: the server ends a closed connection's backend asynchronously, and CREATE DATABASE would
     * otherwise sleep in 100 ms steps waiting for it.
     */
    void awaitNoConnections(String database) throws SQLException {
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        synchronized (admin) {
            try (PreparedStatement ps = admin.prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
                ps.setString(1, database);
                while (true) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == 0 || System.nanoTime() > deadline) {
                            return;
                        }
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * Empties the dev database back to the clean state it had when opened: drops the connected schema
     * (schema scope) or every user schema (database scope), then re-creates the kept schema with its
     * owner and privileges.
     */
    void reset() {
        synchronized (admin) {
            try (Statement s = admin.createStatement()) {
                if (scope.databaseScope()) {
                    List<String> schemas = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("SELECT n.nspname FROM pg_namespace n WHERE "
                            + PostgresCleanCheck.USER_SCHEMAS + " ORDER BY 1")) {
                        while (rs.next()) {
                            schemas.add(rs.getString(1));
                        }
                    }
                    for (String schema : schemas) {
                        s.execute("DROP SCHEMA " + PostgresScope.quote(schema) + " CASCADE");
                    }
                } else {
                    s.execute("DROP SCHEMA IF EXISTS " + PostgresScope.quote(scope.schema()) + " CASCADE");
                }
                scope.kept().recreate(s);
            } catch (SQLException e) {
                throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                        "dev database " + url.masked() + ": cannot empty it between sessions: " + dialect.errorMessage(e),
                        "the URL's user must own the schemas Atlas4J drops and re-creates, or may create databases"
                                + " (ALTER ROLE ... CREATEDB) so that Atlas4J clones template databases instead", e);
            }
        }
    }

    void register(PostgresDevSession session) {
        sessions.add(session);
    }

    void unregister(PostgresDevSession session) {
        sessions.remove(session);
    }

    void forget(Workspace workspace) {
        workspaces.remove(workspace);
    }

    boolean isClosed() {
        return closed;
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("dev database " + url.masked() + " is closed");
        }
    }

    /** The databases this object created and has not dropped yet (clones and templates). */
    Set<String> createdDatabases() {
        return Set.copyOf(createdDatabases);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (PostgresDevSession session : List.copyOf(sessions)) {
            collect(session::close, failures);
        }
        for (Workspace workspace : List.copyOf(workspaces)) {
            collect(workspace::close, failures);
        }
        closed = true;
        for (String name : List.copyOf(createdDatabases)) {
            collect(() -> dropDatabase(name), failures);
        }
        // After the databases, which may hold the roles' objects and privileges.
        collect(() -> withRoles("cannot drop the roles cases and states created", admin -> {
            caseRoles.sweepAll(admin);
            return null;
        }), failures);
        try {
            admin.close();
        } catch (SQLException ignored) {
            // Nothing is left to release on the server once the databases are gone.
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void collect(Runnable action, List<RuntimeException> failures) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    /** {@code raw} with its path (the database name) replaced, everything else as written. */
    static String withDatabase(String raw, String database) {
        int start = raw.indexOf("://") + 3;
        int query = raw.indexOf('?', start);
        int end = query < 0 ? raw.length() : query;
        int slash = raw.indexOf('/', start);
        if (slash < 0 || slash > end) {
            slash = end;
        }
        return raw.substring(0, slash) + "/" + database + raw.substring(end);
    }

    /**
     * Lets one session at a time use the dev database in re-creation mode. A thread that already holds
     * it gets an error instead of waiting for itself forever.
     */
    static final class OneAtATime {

        private final DatabaseUrl url;
        private final Semaphore semaphore = new Semaphore(1, true);
        private volatile Thread holder;

        OneAtATime(DatabaseUrl url) {
            this.url = url;
        }

        void acquire() {
            if (holder == Thread.currentThread()) {
                throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                        "dev database " + url.masked() + " serves one session at a time because its user may not"
                                + " create databases, and this thread already holds one",
                        "close the other session first, or allow cloning: ALTER ROLE <user> CREATEDB", null);
            }
            try {
                semaphore.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                        "interrupted while waiting for dev database " + url.masked(), e);
            }
            holder = Thread.currentThread();
        }

        void release() {
            holder = null;
            semaphore.release();
        }
    }
}
