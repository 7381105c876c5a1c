package io.atlas4j.dialect.mysql;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.StateApplier;
import io.atlas4j.dev.Workspace;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementFailedException;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A running MySQL or MariaDB server used as a dev database.
 *
 * <p>Sessions live in {@link Slot}s: the URL's schema first, and one {@code atlas4j_<schema>_<n>}
 * schema per further concurrent session (schema scope); or the whole server, one session at a time
 * (server scope). A slot is built by replaying the state's statements into an empty schema, and
 * emptied by dropping and re-creating it when its session closes; so a {@code migrate} test, which
 * starts from the empty state, leases at the cost of a connection. A slot still holding a prepared,
 * untouched state is handed to the next lease of that state without a rebuild.
 *
 * <p>A long state (schema scope) that must be built a second time is captured as a {@link SchemaCopy}
 * with its rows in an {@code atlas4j_tpl_<schema>_<n>} template schema: later slots are built from
 * that instead of the replay, and a slot whose session changed only tables is restored table by table
 * instead of dropped, so a migrate case starting late in a long directory does not replay it.
 *
 * <p>A case whose needs are known and fit ({@link TransactionFit}, {@link StateProfile}) runs instead
 * as a transaction on the slot's long-lived {@link TransactionConnection}, rolled back when it ends, so
 * the slot keeps the state for the next one without a rebuild. Setting {@value #ISOLATION}
 * ({@code auto}, the default, or {@code recreate}) turns that off.
 *
 * <p>Bookkeeping is guarded by this object's monitor; building and clearing run outside it on the
 * slot taken for them, so several sessions are prepared in parallel.
 */
final class MysqlDevDatabase implements DevDatabase {

    /** Property (seconds) for how long a server-scope lease waits for the open session to close. */
    static final String SESSION_WAIT = "atlas4j.mysql.session-wait";

    /** Property (seconds) for how long a drop waits for locks held by connections Atlas4J does not know. */
    static final String LOCK_WAIT = "atlas4j.mysql.lock-wait";

    /** Property: {@code auto} (transactions where they fit) or {@code recreate} (always re-create the schema). */
    static final String ISOLATION = "atlas4j.mysql.isolation";

    private final MysqlDialect dialect;
    private final MysqlUrl url;
    private final MysqlUrl serverUrl;
    private final DevScope scope;
    private final Duration connectTimeout;
    private final Duration sessionWait;
    private final long lockWaitSeconds;
    private final boolean transactions;
    private final List<Slot> slots = new ArrayList<>();
    private final Set<OpenSession> sessions = new LinkedHashSet<>();
    /** Accounts cases create, dropped after them; guarded by this object's monitor. */
    private final CaseUsers users = new CaseUsers();
    /** Copies of prepared states whose template schemas are still to drop; guarded by this object's monitor. */
    private final List<SchemaCopy> copies = new ArrayList<>();
    private int templates;
    private boolean closed;
    /** A session that may have created accounts ended while others ran; guarded by this object's monitor. */
    private boolean sweepOwed;
    /** Opens spare session connections while slots are restored; daemon threads, shut down at close. */
    private final java.util.concurrent.ExecutorService connector = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "atlas4j-mysql-connect");
        t.setDaemon(true);
        return t;
    });

    private MysqlDevDatabase(MysqlDialect dialect, MysqlUrl url, MysqlUrl serverUrl, DevScope scope,
                             Duration connectTimeout, Duration sessionWait, long lockWaitSeconds, boolean transactions) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.url = url;
        this.serverUrl = serverUrl;
        this.scope = scope;
        this.connectTimeout = connectTimeout;
        this.sessionWait = sessionWait;
        this.lockWaitSeconds = lockWaitSeconds;
        // The URL's own schema (or the server) was found clean, i.e. empty.
        slots.add(new Slot(scope.mainSlot(), false));
    }

    /**
     * Connects, checks that the database is clean, and returns it ready for {@link #prepare}.
     *
     * @throws Atlas4jException {@code CONNECTION} when the server cannot be reached or refuses the login,
     *     {@code DEV_DATABASE} when the schema is missing or not clean
     */
    static MysqlDevDatabase open(MysqlDialect dialect, DatabaseUrl raw, Duration connectTimeout,
                                 Duration sessionWait, long lockWaitSeconds, boolean transactions) {
        MysqlUrl url = MysqlUrl.of(raw);
        // Administration runs without a default schema, so a missing schema gets its own message and
        // dropping the schema never pulls the ground from under the connection.
        MysqlUrl serverUrl = MysqlUrl.of(url.withSchema(null));
        DevScope scope;
        try (Connection c = connect(serverUrl, raw, connectTimeout)) {
            scope = url.schemaScope() ? DevScope.SchemaBound.read(c, url.schema(), raw.masked()) : new DevScope.ServerWide();
            Optional<String> dirt = scope.dirt(c);
            if (dirt.isPresent()) {
                throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                        "sql/migrate: connected database is not clean: " + dirt.get(),
                        url.schemaScope()
                                ? "Atlas4J drops and re-creates the dev schema: point the URL at an empty schema that holds nothing you need"
                                : "Atlas4J drops every schema of a dev server: use an empty server, or add a schema to the URL"
                                        + " (" + raw.scheme() + "://host:3306/dev) to limit the scope of the connection",
                        null);
            }
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot inspect dev database " + raw.masked() + ": " + dialect.errorMessage(e), e);
        }
        return new MysqlDevDatabase(dialect, url, serverUrl, scope, connectTimeout, sessionWait, lockWaitSeconds,
                transactions);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public DatabaseUrl url() {
        return url.url();
    }

    @Override
    public Workspace prepare(SchemaState state) {
        return prepare(state, 0);
    }

    /** With more than one lease expected, the state is captured as soon as it is built (see {@link #build}). */
    @Override
    public Workspace prepare(SchemaState state, int expectedLeases) {
        MysqlWorkspace workspace = new MysqlWorkspace(this, state);
        if (expectedLeases > 1) {
            workspace.expectReuse();
        }
        boolean mayCreateAccounts = mayCreateAccounts(workspace);
        Set<CaseUsers.Account> before = withUsers(mayCreateAccounts, users::beforePrepare);
        Slot slot = take(workspace);
        try {
            build(slot, workspace);
            if (transactions) {
                workspace.profile(profile(slot, workspace));
            }
        } finally {
            give(slot);
        }
        if (mayCreateAccounts) {
            withUsers(true, c -> {
                users.afterPrepare(c, before);
                return null;
            });
        }
        return workspace;
    }

    /**
     * Captures the state just built in {@code slot} as a {@link SchemaCopy}: slots are restored from it
     * after a session, and built from it when that runs fewer statements than the replay (schema scope
     * only: a server-scope state names its schemas).
     */
    private void capture(Slot slot, MysqlWorkspace workspace) {
        if (!(scope instanceof DevScope.SchemaBound bound) || mayCreateAccounts(workspace)) {
            return;
        }
        String template;
        synchronized (this) {
            template = templateName(bound.schema(), ++templates);
        }
        try (Connection c = admin()) {
            Optional<SchemaCopy> copy = SchemaCopy.capture(c, slot.schema, template, bound.charset(), bound.collation());
            if (copy.isEmpty()) {
                return;
            }
            synchronized (this) {
                copies.add(copy.get());
            }
            workspace.copy(copy.get());
        } catch (SQLException e) {
            // The replay still builds the state; a template half made is dropped with the others at close.
            synchronized (this) {
                copies.add(new SchemaCopy(template, List.of(), List.of()));
            }
        }
    }

    /** {@code atlas4j_tpl_<schema>_<n>}, within MySQL's 64 characters. */
    static String templateName(String schema, int n) {
        String suffix = "_" + n;
        String base = "atlas4j_tpl_" + schema;
        if (base.length() + suffix.length() > 64) {
            base = base.substring(0, 64 - suffix.length());
        }
        return base + suffix;
    }

    /** Reads what the state just built in {@code slot} allows for transaction-isolated sessions. */
    private StateProfile profile(Slot slot, MysqlWorkspace workspace) {
        try (Connection c = admin()) {
            return StateProfile.read(c, slot.schema, workspace.statements());
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot inspect " + slot.describe() + " of dev database " + url.url().masked() + ": "
                            + dialect.errorMessage(e), hintFor(e), e);
        }
    }

    /** Whether a state's statements may create accounts, whose names the baseline must then learn. */
    private static boolean mayCreateAccounts(MysqlWorkspace workspace) {
        return workspace.statements().stream().map(st -> st.text().toUpperCase(Locale.ROOT))
                .anyMatch(text -> text.contains("USER") || text.contains("ROLE"));
    }

    /** Runs {@code action} on a new admin connection, under this object's monitor, when {@code needed}. */
    private <T> T withUsers(boolean needed, UsersAction<T> action) {
        synchronized (this) {
            if (!needed && users.hasBaseline()) {
                return null;
            }
        }
        try (Connection c = admin()) {
            synchronized (this) {
                return action.apply(c);
            }
        } catch (SQLException e) {
            throw usersFailed(e);
        }
    }

    private interface UsersAction<T> {
        T apply(Connection c) throws SQLException;
    }

    private Atlas4jException usersFailed(SQLException e) {
        return new Atlas4jException(ErrorCode.DEV_DATABASE,
                "dev database " + url.url().masked() + ": cannot list or drop the accounts cases created: "
                        + dialect.errorMessage(e), e);
    }

    /** A session at the workspace's state: an untouched slot holding it, or a slot rebuilt for it. */
    DevSession lease(MysqlWorkspace workspace) {
        return lease(workspace, CaseReach.ALL);
    }

    /**
     * {@link #lease(MysqlWorkspace)}, told what the case may change besides the rows and columns of the
     * state's tables: its end looks only for those.
     */
    DevSession lease(MysqlWorkspace workspace, CaseReach reach) {
        Slot slot = take(workspace);
        try {
            build(slot, workspace);
            // The session may drop what the idle transaction connection has cached; it is not needed.
            slot.closeTransaction();
            MysqlUrl sessionUrl = MysqlUrl.of(url.withSchema(slot.schema));
            Connection c = slot.takeSpare();
            if (c == null) {
                c = connect(sessionUrl);
            }
            MysqlSession session = new MysqlSession(this, slot, sessionUrl, c,
                    reach.withAccounts(mayCreateAccounts(workspace)));
            synchronized (this) {
                // From now on the session may change anything in the slot.
                slot.dirty = true;
                sessions.add(session);
            }
            return session;
        } catch (SQLException e) {
            give(slot);
            throw connectionFailed(e);
        } catch (RuntimeException e) {
            give(slot);
            throw e;
        }
    }

    /**
     * A transaction-isolated session at the workspace's state: the slot's transaction connection (opened
     * when it has none, or a new one for a case that needs its own), on a slot holding the state untouched.
     */
    DevSession leaseTransaction(MysqlWorkspace workspace, TransactionFit.Fit fit) {
        Slot slot = take(workspace);
        try {
            build(slot, workspace);
            MysqlUrl sessionUrl = MysqlUrl.of(url.withSchema(slot.schema));
            // Only this thread touches the slot's connection while it holds the lease.
            if (slot.transaction != null && (fit.verdict() == TransactionFit.Verdict.TRANSACTION_FRESH_CONNECTION
                    || !slot.transaction.usable())) {
                slot.closeTransaction();
            }
            if (slot.transaction == null) {
                slot.transaction = TransactionConnection.open(this, sessionUrl);
            }
            MysqlTransactionSession session = new MysqlTransactionSession(this, slot, sessionUrl, slot.transaction, fit);
            synchronized (this) {
                // Until the session ends cleanly, the slot must be rebuilt before anyone else uses it.
                slot.dirty = true;
                sessions.add(session);
            }
            return session;
        } catch (SQLException e) {
            slot.closeTransaction();
            give(slot);
            throw connectionFailed(e);
        } catch (RuntimeException e) {
            slot.closeTransaction();
            give(slot);
            throw e;
        }
    }

    /**
     * Called by a closing transaction-isolated session: rolls it back, and frees the slot holding the
     * untouched state again; when that fails the slot stays dirty, to be rebuilt before its next use.
     */
    void endTransaction(MysqlTransactionSession session, Slot slot, TransactionConnection transaction,
                        TransactionFit.Fit fit) {
        MysqlWorkspace workspace;
        synchronized (this) {
            sessions.remove(session);
            if (closed) {
                transaction.close();
                return;
            }
            workspace = slot.holds;
        }
        boolean clean = false;
        try {
            transaction.end(workspace.profile(), slot.schema, fit.writes() || workspace.profile().runsCode());
            clean = true;
        } catch (SQLException e) {
            // Whatever is left (a counter, the rows of a broken connection) goes with the rebuild.
        }
        if (!clean || fit.verdict() == TransactionFit.Verdict.TRANSACTION_FRESH_CONNECTION) {
            slot.closeTransaction();
        }
        synchronized (this) {
            slot.dirty = !clean;
        }
        if (clean && workspace.isClosed()) {
            // Nobody will lease this state again: empty the slot now, as a recreate session's end does.
            slot.closeTransaction();
            try {
                clear(slot, false);
            } finally {
                give(slot);
            }
            return;
        }
        give(slot);
    }

    /**
     * Called by a closing session: brings its slot back to the state it was built with when that has a
     * copy and the session changed only tables (see {@link SchemaCopy#restore}), else empties it; then
     * frees it.
     */
    void discard(OpenSession session, Slot slot, CaseReach reach) {
        MysqlWorkspace held;
        synchronized (this) {
            sessions.remove(session);
            if (closed) {
                slot.closeRestorer();
                slot.closeSpare();
                return;
            }
            held = slot.holds;
        }
        try {
            if (held != null && !held.isClosed() && held.copy() != null) {
                // The next session on this state most likely gets this slot again: connect meanwhile.
                MysqlUrl sessionUrl = MysqlUrl.of(url.withSchema(slot.schema));
                slot.spare = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return connect(sessionUrl);
                    } catch (SQLException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, connector);
            }
            if (!restore(slot, held, reach)) {
                slot.closeSpare();
                clear(slot, reach.accounts());
            }
        } finally {
            give(slot);
        }
    }

    /** Restores a slot to the live state it held before its session; false when it must be cleared. */
    private boolean restore(Slot slot, MysqlWorkspace workspace, CaseReach reach) {
        SchemaCopy copy = workspace == null || workspace.isClosed() ? null : workspace.copy();
        if (copy == null || !(scope instanceof DevScope.SchemaBound bound)) {
            return false;
        }
        slot.closeTransaction();
        try {
            if (slot.restorer == null) {
                slot.restorer = restorer();
            }
            Connection c = slot.restorer;
            if (!copy.restore(c, slot.schema, bound.charset(), bound.collation(), reach)) {
                return false;
            }
            synchronized (this) {
                slot.dirty = false;
                sweepAccounts(c, reach.accounts());
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            // Whatever the restore left, the clear drops; the connection may be mid-batch, so it goes too.
            slot.closeRestorer();
            return false;
        }
    }

    /** An admin connection that sends several statements in one round trip, for {@link SchemaCopy#restore}. */
    private Connection restorer() throws SQLException {
        return admin(serverUrl.withProperty("allowMultiQueries", "true"));
    }

    /**
     * Drops the accounts cases created, when a session that may have created some ended and no session
     * is open (a case running meanwhile could be using them): then or at a later session's end, so a
     * sweep owed while others ran is not forgotten. Called under this object's monitor.
     */
    private void sweepAccounts(Connection c, boolean mayHaveCreated) throws SQLException {
        sweepOwed |= mayHaveCreated;
        if (sweepOwed && sessions.isEmpty() && !closed) {
            users.sweep(c);
            sweepOwed = false;
        }
    }

    /** Called by a closing workspace: empties the free slots still holding its state. */
    void release(MysqlWorkspace workspace) {
        List<Slot> stale = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            for (Slot s : slots) {
                if (!s.leased && !s.dirty && s.holds == workspace && !workspace.isEmpty()) {
                    s.leased = true;
                    s.owner = Thread.currentThread();
                    stale.add(s);
                }
            }
        }
        dropTemplate(workspace.copy());
        for (Slot s : stale) {
            try {
                clear(s, false);
            } finally {
                give(s);
            }
        }
    }

    /** Drops the template schema of a closed workspace's copy; a slot still building from it finds its rows gone and fails. */
    private void dropTemplate(SchemaCopy copy) {
        if (copy == null || copy.template() == null) {
            return;
        }
        synchronized (this) {
            if (!copies.remove(copy)) {
                return;
            }
        }
        try (Connection c = admin()) {
            copy.drop(c);
        } catch (SQLException e) {
            synchronized (this) {
                // Tried again when the dev database closes.
                copies.add(copy);
            }
        }
    }

    @Override
    public void close() {
        List<OpenSession> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(sessions);
            sessions.clear();
            notifyAll();
        }
        for (OpenSession s : open) {
            s.closeConnections();
        }
        synchronized (this) {
            for (Slot s : slots) {
                if (!s.leased) {
                    s.closeTransaction();
                    s.closeRestorer();
                    closeQuietly(s.takeSpare());
                }
            }
        }
        try (Connection c = admin()) {
            for (Slot s : slots) {
                if (s.schema != null && !s.schema.equals(scope.mainSlot())) {
                    DevScope.withoutForeignKeyChecks(c, st -> st.execute("DROP DATABASE IF EXISTS " + DevScope.quote(s.schema)));
                } else {
                    scope.clear(c, s.schema);
                }
            }
            List<SchemaCopy> left;
            synchronized (this) {
                left = new ArrayList<>(copies);
                copies.clear();
            }
            for (SchemaCopy copy : left) {
                copy.drop(c);
            }
            synchronized (this) {
                users.sweepAll(c);
            }
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot clean up dev database " + url.url().masked() + ": " + dialect.errorMessage(e), e);
        } finally {
            connector.shutdown();
        }
    }

    @Override
    public String toString() {
        return "MySQL dev database " + url.url().masked();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // The server ends the session with the socket.
            }
        }
    }

    /** A new connection for a session, with the dev database's timeout. */
    Connection connect(MysqlUrl target) throws SQLException {
        return MysqlDialect.connect(target, connectTimeout);
    }

    /**
     * Takes a free slot for {@code workspace}: one holding it untouched, else one that holds nothing
     * worth keeping (the URL's schema first), else a new schema; in server scope, waits for the one slot.
     */
    private synchronized Slot take(MysqlWorkspace workspace) {
        long deadline = System.nanoTime() + sessionWait.toNanos();
        while (true) {
            if (closed) {
                throw new Atlas4jException(ErrorCode.DEV_DATABASE, "dev database " + url.url().masked() + " is closed");
            }
            Slot chosen = slots.stream().filter(s -> !s.leased && s.holdsExactly(workspace)).findFirst()
                    .or(() -> slots.stream().filter(s -> !s.leased && !s.holdsLiveState()).findFirst())
                    .or(() -> slots.stream().filter(s -> !s.leased).findFirst())
                    .orElse(null);
            if (chosen == null) {
                Optional<String> extra = scope.extraSlot(slots.size());
                if (extra.isPresent()) {
                    // Dirty: it may be left over from an earlier run, and does not exist yet otherwise.
                    chosen = new Slot(extra.get(), true);
                    slots.add(chosen);
                }
            }
            if (chosen != null) {
                chosen.leased = true;
                chosen.owner = Thread.currentThread();
                return chosen;
            }
            waitForSlot(deadline);
        }
    }

    private void waitForSlot(long deadline) {
        if (slots.stream().anyMatch(s -> s.owner == Thread.currentThread())) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "dev database " + url.url().masked() + " has no schema in its URL and holds one session at a time,"
                            + " and this thread already holds it",
                    "add a schema to the URL (" + url.url().scheme() + "://host:3306/dev) to run sessions side by side", null);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "dev database " + url.url().masked() + " has no schema in its URL and holds one session at a time;"
                            + " another session kept it for " + sessionWait.toSeconds() + "s",
                    "add a schema to the URL (" + url.url().scheme() + "://host:3306/dev) to run sessions side by side,"
                            + " or raise " + SESSION_WAIT, null);
        }
        try {
            wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Atlas4jException(ErrorCode.DEV_DATABASE, "interrupted while waiting for dev database " + url.url().masked(), e);
        }
    }

    private synchronized void give(Slot slot) {
        slot.leased = false;
        slot.owner = null;
        notifyAll();
    }

    /** Brings a taken slot to {@code workspace}'s state, unless it holds it untouched already. */
    private void build(Slot slot, MysqlWorkspace workspace) {
        boolean empty;
        synchronized (this) {
            if (slot.holdsExactly(workspace)) {
                return;
            }
            empty = !slot.dirty && slot.holds == null;
            slot.dirty = true;
        }
        // Its connection knew the old state only; an idle one holds no locks, but is of no further use.
        slot.closeTransaction();
        slot.closeSpare();
        try (Connection c = admin()) {
            if (!empty) {
                scope.clear(c, slot.schema);
                synchronized (this) {
                    slot.dirty = false;
                    slot.holds = null;
                }
                if (workspace.isEmpty()) {
                    return;
                }
            }
            scope.use(c, slot.schema);
            if (!copied(c, slot, workspace)) {
                run(c, slot, workspace.statements());
                // Only a state built a second time, or expected to serve several sessions, is captured:
                // the version cache prepares states that a single case leases, for which the capture
                // would cost more than it saves.
                if (workspace.builtBefore() && workspace.claimCapture()) {
                    capture(slot, workspace);
                }
            }
            synchronized (this) {
                slot.dirty = false;
                slot.holds = workspace;
            }
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot prepare " + slot.describe() + " of dev database " + url.url().masked() + ": "
                            + dialect.errorMessage(e), hintFor(e), e);
        }
    }

    /**
     * Builds the state from its copy, when it has one; false when it has none or the copy failed (the
     * slot is then empty again, for the replay).
     */
    private boolean copied(Connection c, Slot slot, MysqlWorkspace workspace) throws SQLException {
        SchemaCopy copy = workspace.copy();
        if (copy == null || copy.cost() * 2 > workspace.statements().size()) {
            // A short state replays faster than its copy builds; the copy still restores slots.
            return false;
        }
        try {
            copy.build(c, slot.schema);
            return true;
        } catch (SQLException e) {
            // The template went with its workspace, or the server refused a definition: replay instead.
            scope.clear(c, slot.schema);
            scope.use(c, slot.schema);
            return false;
        }
    }

    /**
     * Runs the state's statements; the first failing one fails the preparation with its position, and
     * leaves the slot empty again.
     */
    private void run(Connection c, Slot slot, List<SqlStatement> statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            // The text goes to the server as written: no JDBC escape processing of {fn ...} or {d ...}.
            st.setEscapeProcessing(false);
            for (SqlStatement statement : statements) {
                try {
                    st.execute(statement.text());
                } catch (SQLException e) {
                    try {
                        scope.clear(c, slot.schema);
                        synchronized (this) {
                            slot.dirty = false;
                            slot.holds = null;
                        }
                    } catch (SQLException ignored) {
                        // It stays dirty and is cleared before its next use.
                    }
                    throw StateApplier.failed(dialect, statement, e);
                }
            }
        }
    }

    /**
     * Empties a slot after a session; on failure it stays dirty, to be cleared before its next use. With
     * {@code sweepUsers}, then drops the accounts cases created if no session is open (see {@link CaseUsers}):
     * a lease adds its session under the monitor held meanwhile, so no case runs during the sweep.
     */
    private void clear(Slot slot, boolean sweepUsers) {
        slot.closeTransaction();
        slot.closeSpare();
        try (Connection c = admin()) {
            scope.clear(c, slot.schema);
            synchronized (this) {
                slot.dirty = false;
                slot.holds = null;
            }
            synchronized (this) {
                try {
                    sweepAccounts(c, sweepUsers);
                } catch (SQLException e) {
                    throw usersFailed(e);
                }
            }
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot reset " + slot.describe() + " of dev database " + url.url().masked() + ": "
                            + dialect.errorMessage(e), hintFor(e), e);
        }
    }

    /**
     * A fresh connection without a default schema for building and clearing: fresh, so what one
     * state's statements set in the session ({@code SET foreign_key_checks = 0}) never reaches the next.
     */
    private Connection admin() throws SQLException {
        return admin(serverUrl);
    }

    private Connection admin(MysqlUrl target) throws SQLException {
        Connection c;
        try {
            c = connect(target);
        } catch (SQLException e) {
            throw connectionFailed(e);
        }
        try (Statement st = c.createStatement()) {
            // A connection Atlas4J does not know (an external program's) can hold metadata locks that
            // block a drop; fail after a while rather than hang for MySQL's default of a year.
            st.execute("SET SESSION lock_wait_timeout = " + lockWaitSeconds);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private Atlas4jException connectionFailed(SQLException e) {
        return connectionFailed(e, url.url());
    }

    private static Connection connect(MysqlUrl target, DatabaseUrl shown, Duration timeout) {
        try {
            return MysqlDialect.connect(target, timeout);
        } catch (SQLException e) {
            throw connectionFailed(e, shown);
        }
    }

    private static Atlas4jException connectionFailed(SQLException e, DatabaseUrl shown) {
        // The cause's message already names the URL the driver was given; say it once, masked.
        SQLException driverError = e.getCause() instanceof SQLException ? (SQLException) e.getCause() : e;
        return new Atlas4jException(ErrorCode.CONNECTION,
                "cannot connect to dev database " + shown.masked() + ": " + MysqlDialect.reason(driverError),
                "check that the MySQL/MariaDB server is running and reachable, and the host, port, user and password in the URL",
                e);
    }

    private static String hintFor(SQLException e) {
        // 1044/1142: no privilege to create or drop a schema; 1205: lock wait timeout.
        switch (e.getErrorCode()) {
            case 1044:
            case 1142:
                return "the dev user needs CREATE and DROP on its schema, and on atlas4j_<schema>_<n> schemas for parallel sessions";
            case 1205:
                return "another connection holds locks on the schema; close it, or raise " + LOCK_WAIT;
            default:
                return null;
        }
    }
}
