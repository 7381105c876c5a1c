package io.atlas4j.testing;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.dev.Workspace;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.testdsl.CaseScope;
import io.atlas4j.testdsl.Step;
import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testdsl.TestKind;
import io.atlas4j.url.DatabaseUrl;
import io.atlas4j.url.Redaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtime shared by the CLI and the JUnit engine: opens the dev database, prepares the desired state
 * once, and runs cases, each on its own isolated copy; parallel cases share one copy, each on its own
 * connection (Atlas's parallel group). Thread-safe.
 *
 * <p>Migrate cases whose first step is {@code migrate { to = "v" }} start from the state at {@code v},
 * prepared once per version and shared by every such case (each still on its own copy), so a run applies
 * each migration file about once instead of once per case.
 */
public final class TestEnvironment implements AutoCloseable {

    private final TestConfig config;
    private final CaseExecutor executor;
    private final Object lock = new Object();
    private DevDatabase database;
    private Workspace workspace;
    private DevSession parallelSession;
    private MigrationDir migrations;
    private VersionCache versions;
    private RuntimeException startFailure;
    private boolean closed;

    private TestEnvironment(TestConfig config) {
        this.config = config;
        this.executor = new CaseExecutor(config);
    }

    /** An environment for {@code config}; nothing is opened until {@link #start()} or the first case. */
    public static TestEnvironment create(TestConfig config) {
        return new TestEnvironment(config);
    }

    /** The configuration. */
    public TestConfig config() {
        return config;
    }

    /**
     * Opens the dev database and prepares the starting state. Idempotent; a failure is remembered and
     * thrown again by every later call, so a run reports it once per front end, not once per case.
     *
     * @throws Atlas4jException {@code USAGE} without a dev URL, {@code CONNECTION} / {@code DEV_DATABASE}
     *     when the dev database cannot be used, {@code CONFIGURATION} when the desired state cannot be
     *     read, {@code DEV_DATABASE} naming file:line:col when a desired statement fails
     */
    public void start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("test environment is closed");
            }
            if (startFailure != null) {
                throw startFailure;
            }
            if (workspace != null) {
                return;
            }
            try {
                if (config.devUrl() == null || config.devUrl().isBlank()) {
                    throw new Atlas4jException(ErrorCode.USAGE, "required flag(s) \"dev-url\" not set",
                            "pass --dev-url (JUnit: atlas4j.dev-url), or set dev in the env of atlas.hcl", null);
                }
                if (config.kind() == TestKind.MIGRATE) {
                    // Atlas checks the directory's integrity before any case runs.
                    migrations = MigrationDir.open(config.migrationDir(), config.workingDir());
                    migrations.validate();
                }
                DesiredState.check(config);
                database = DevDatabases.open(DatabaseUrl.parse(config.devUrl()),
                        new DevOptions(DevOptions.defaults().connectTimeout(), config.devProperties()));
                var state = DesiredState.load(config, database);
                workspace = database.prepare(state);
                if (migrations != null) {
                    versions = new VersionCache(database, migrations);
                }
            } catch (RuntimeException e) {
                startFailure = e instanceof Atlas4jException ? e
                        : new Atlas4jException(ErrorCode.DEV_DATABASE, "dev database " + Redaction.mask(config.devUrl())
                                + ": " + e.getMessage(), e);
                closeQuietly();
                throw startFailure;
            }
        }
    }

    /**
     * Runs one case (or reports it skipped) and returns its result. A failing case or a failing case setup
     * is a result, not an exception.
     *
     * @throws Atlas4jException when the environment cannot start (see {@link #start()})
     */
    public CaseResult run(TestCase testCase, CaseListener listener) {
        if (testCase.skip()) {
            CaseResult result = CaseExecutor.skipped(testCase);
            listener.caseFinished(result);
            return result;
        }
        start();
        listener.caseStarted(testCase);
        CaseResult result = testCase.parallel() ? runShared(testCase, listener) : runIsolated(testCase, listener);
        listener.caseFinished(result);
        return result;
    }

    /**
     * Tells the environment which cases the run holds before it runs them, so that the state each
     * migrate case starts at can be prepared for as many sessions as will lease it. Optional: without
     * it every state is prepared as if one case used it.
     */
    public void expect(java.util.Collection<TestCase> cases) {
        VersionCache cache;
        synchronized (lock) {
            cache = versions;
        }
        if (cache == null) {
            return;
        }
        for (TestCase testCase : cases) {
            if (!testCase.skip() && !testCase.parallel()) {
                String version = startVersion(planned(testCase));
                if (version != null) {
                    cache.expect(version);
                }
            }
        }
    }

    private CaseResult runIsolated(TestCase testCase, CaseListener listener) {
        List<Step> planned = planned(testCase);
        String startVersion = startVersion(planned);
        Workspace from = workspace;
        if (startVersion != null) {
            Optional<Workspace> cached = versions.at(startVersion);
            if (cached.isPresent()) {
                from = cached.get();
            } else {
                startVersion = null;
            }
        }
        DevSession session;
        try {
            session = from.lease(needs(planned, startVersion));
        } catch (RuntimeException e) {
            return CaseExecutor.setupFailed(testCase, e.getMessage(), e);
        }
        try (session) {
            return executor.execute(testCase, scope(testCase, session), session.connection(),
                    database.dialect(), migrations, startVersion, listener);
        }
    }

    /** The case's steps evaluated before the session exists, or null when they cannot be evaluated yet. */
    private static List<Step> planned(TestCase testCase) {
        try {
            return testCase.steps(CaseScope.placeholder(testCase.name(), testCase.file()));
        } catch (RuntimeException e) {
            // The case will report this when it evaluates its steps; isolation must not depend on it.
            return null;
        }
    }

    /**
     * The version a case may start at: the target of its first step when that is a {@code migrate}
     * step, so the files up to it come from a cached state instead of being replayed by every case.
     */
    private String startVersion(List<Step> planned) {
        if (versions == null || planned == null || planned.isEmpty()) {
            return null;
        }
        return planned.get(0) instanceof Step.Migrate migrate ? migrate.to() : null;
    }

    /**
     * What the case will send, from its planned steps: the migration files after {@code startVersion}
     * are statements of the case like any other; those up to it are already in the prepared state.
     */
    private SessionNeeds needs(List<Step> planned, String startVersion) {
        if (planned == null) {
            return SessionNeeds.UNKNOWN;
        }
        List<String> statements = new ArrayList<>();
        boolean external = false;
        String current = startVersion;
        try {
            for (Step step : planned) {
                if (step instanceof Step.WithSql withSql) {
                    statements.add(withSql.sql());
                } else if (step instanceof Step.External) {
                    external = true;
                } else if (step instanceof Step.Migrate) {
                    if (migrations == null) {
                        return SessionNeeds.UNKNOWN;
                    }
                    String to = ((Step.Migrate) step).to();
                    for (MigrationFile file : migrations.filesUpTo(to)) {
                        if (current == null || MigrationFile.STRING_ORDER.compare(file.version(), current) > 0) {
                            statements.add(file.upText());
                        }
                    }
                    if (current == null || MigrationFile.STRING_ORDER.compare(to, current) > 0) {
                        current = to;
                    }
                }
            }
        } catch (RuntimeException e) {
            // An unknown version: the case reports it; isolation must not depend on it.
            return SessionNeeds.UNKNOWN;
        }
        return new SessionNeeds(statements, external);
    }

    private CaseResult runShared(TestCase testCase, CaseListener listener) {
        DevSession session;
        Connection connection;
        try {
            session = parallelSession();
            connection = session.newConnection();
        } catch (RuntimeException | SQLException e) {
            return CaseExecutor.setupFailed(testCase, e.getMessage(), e);
        }
        try (connection) {
            if (session.concurrentWriters()) {
                return executor.execute(testCase, scope(testCase, session), connection, database.dialect(), listener);
            }
            synchronized (session) {
                return executor.execute(testCase, scope(testCase, session), connection, database.dialect(), listener);
            }
        } catch (SQLException e) {
            // Closing the case's own connection failed; the case itself is over and its result stands.
            return CaseExecutor.setupFailed(testCase, e.getMessage(), e);
        }
    }

    private DevSession parallelSession() {
        synchronized (lock) {
            if (parallelSession == null) {
                parallelSession = workspace.lease();
            }
            return parallelSession;
        }
    }

    private static CaseScope scope(TestCase testCase, DevSession session) {
        return new CaseScope(session.url(), testCase.name(), testCase.file());
    }

    /** Closes sessions, the prepared states and the dev database. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            closeQuietly();
        }
    }

    private void closeQuietly() {
        RuntimeException first = null;
        for (AutoCloseable c : new AutoCloseable[] {parallelSession, versions, workspace, database}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new Atlas4jException(ErrorCode.DEV_DATABASE, "closing the dev database: " + e.getMessage(), e);
                }
            }
        }
        parallelSession = null;
        versions = null;
        workspace = null;
        database = null;
        if (first != null && startFailure == null) {
            throw first;
        }
    }
}
