package io.atlas4j.migrate.apply;

import io.atlas4j.time.GoDuration;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.SchemaTransactions;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.dialect.RevisionSupport;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.SumFile;
import io.atlas4j.migrate.txtar.CheckFile;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code migrate apply}, {@code status} and {@code set} of one migration directory against one database,
 * with Atlas's semantics (migrate-dir.md §7–§9). The directory must already be validated against its
 * {@code atlas.sum}.
 */
public final class Migrator {

    /** The lock Atlas takes while applying or setting revisions. */
    public static final String LOCK_NAME = "atlas_migrate_execute";

    private final DatabaseUrl url;
    private final Dialect dialect;
    private final RevisionSupport support;
    private final MigrationDir dir;
    private SumFile sum;

    private Migrator(DatabaseUrl url, Dialect dialect, RevisionSupport support, MigrationDir dir) {
        this.url = url;
        this.dialect = dialect;
        this.support = support;
        this.dir = dir;
    }

    /**
     * A migrator for {@code url}'s dialect.
     *
     * @throws Atlas4jException (unsupported dialect) when no dialect handles the URL or it cannot apply
     *     migration directories
     */
    public static Migrator of(DatabaseUrl url, MigrationDir dir) {
        Dialect dialect = Dialects.forUrl(url);
        RevisionSupport support = dialect.revisions().orElseThrow(() -> new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                "the " + dialect.name() + " dialect cannot apply migration directories (" + url.masked() + ")"));
        return new Migrator(url, dialect, support, dir);
    }

    /**
     * Applies the pending files, printing progress to {@code log}.
     *
     * <p>A txtar file ({@code -- atlas:txtar}) runs its check files first, inside its transaction when it
     * has one and before its revision is written; a failing check file stops the run there, so the file's
     * migration does not run and it stays pending.
     *
     * <p>{@code --dry-run} executes no migration statement and writes no revision, but it does run the checks
     * of every file it lists (not of a file resumed after a partial run, whose checks passed already), each
     * against the database as it is, in a transaction that is rolled back: the statements of the earlier
     * files it lists did not run, so a check that depends on them sees the database without them. A failing
     * check is reported, and ends the dry run with the same error, as in a real run.
     *
     * @throws Atlas4jException (apply) when the database is not clean on a first run, a file changed since
     *     it was partly applied, a statement fails, or a pre-migration check fails (after the log shows the
     *     error)
     */
    public void apply(ApplyOptions options, ApplyLog log) {
        if (options.baseline() != null && options.allowDirty()) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "sql/migrate: baseline and allow-dirty are mutually exclusive");
        }
        try (Connection c = connect()) {
            RevisionSupport.Location location = support.locate(c, url, options.revisionsSchema());
            if (!options.dryRun()) {
                lock(c, options.lockTimeout());
            }
            try {
                new Run(c, location, options, log).execute();
            } finally {
                if (!options.dryRun()) {
                    unlock(c);
                }
            }
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /** The revisions the database holds, ordered by version; empty when it has no revisions table. */
    public List<Revision> revisions(String revisionsSchema) {
        try (Connection c = connect()) {
            RevisionSupport.Location location = support.locate(c, url, revisionsSchema);
            return support.exists(c, location) ? new RevisionStore(c, location, support).all() : List.of();
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /** The status of the database against the directory. */
    public StatusReport status(String revisionsSchema) {
        try (Connection c = connect()) {
            RevisionSupport.Location location = support.locate(c, url, revisionsSchema);
            List<Revision> revisions = support.exists(c, location)
                    ? new RevisionStore(c, location, support).all() : List.of();
            Pending p = Pending.compute(dir.files(), revisions);
            Revision last = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
            MigrationFile next = p.files().isEmpty() ? null : p.files().get(0);
            return new StatusReport(last == null ? null : last.version(), next == null ? null : next.version(),
                    next != null && next.isCheckpoint(), revisions.size(), p.files().size(), p.outOfOrder().size(),
                    p.outOfOrder().isEmpty() ? null : Pending.outOfOrderError(p.outOfOrder()).getMessage(),
                    last != null && last.partial() ? last : null);
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /**
     * Rewrites the revisions so that the database is at {@code version} without executing SQL: newer rows are
     * deleted, files up to it get {@code manually set} rows, a failed or partial row at it is resolved.
     *
     * @param version the target version, or null for the last file (deleting every row if the directory is empty)
     * @throws Atlas4jException (configuration) when the version is not in the directory, or no version is given
     *     on a database without revisions
     */
    public SetReport set(String version, String revisionsSchema, Duration lockTimeout, String operatorVersion) {
        try (Connection c = connect()) {
            RevisionSupport.Location location = support.locate(c, url, revisionsSchema);
            lock(c, lockTimeout);
            try {
                support.create(c, location);
                c.setAutoCommit(false);
                try {
                    SetReport report = set(new RevisionStore(c, location, support), version, operatorVersion);
                    c.commit();
                    return report;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } finally {
                unlock(c);
            }
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    private SetReport set(RevisionStore store, String version, String operatorVersion) throws SQLException {
        List<Revision> revisions = store.all();
        List<MigrationFile> files = dir.files();
        List<SetReport.Change> changes = new ArrayList<>();
        if (version == null) {
            if (revisions.isEmpty()) {
                throw new Atlas4jException(ErrorCode.USAGE, "accepts 1 arg(s), received 0",
                        "name the version to set: migrate set VERSION", null);
            }
            if (files.isEmpty()) {
                for (Revision r : revisions) {
                    store.delete(r.version());
                    changes.add(new SetReport.Change(false, r.version(), r.description()));
                }
                return new SetReport(null, changes);
            }
            version = files.get(files.size() - 1).version();
        }
        String target = version;
        MigrationFile targetFile = dir.file(target).orElseThrow(() -> new Atlas4jException(ErrorCode.CONFIGURATION,
                "migration with version \"" + target + "\" not found"));
        String lastKept = null;
        for (Revision r : revisions) {
            int cmp = MigrationFile.STRING_ORDER.compare(r.version(), target);
            if (cmp > 0) {
                store.delete(r.version());
                changes.add(new SetReport.Change(false, r.version(), r.description()));
            } else {
                lastKept = r.version();
                if (cmp == 0 && (r.failed() || r.partial())) {
                    store.write(r.withType(Revision.APPLIED | Revision.RESOLVED));
                    changes.add(new SetReport.Change(true, r.version(), r.description()));
                }
            }
        }
        for (MigrationFile f : files) {
            boolean afterLast = lastKept == null || MigrationFile.STRING_ORDER.compare(f.version(), lastKept) > 0;
            if (afterLast && MigrationFile.STRING_ORDER.compare(f.version(), targetFile.version()) <= 0) {
                store.write(new Revision(f.version(), f.description(), Revision.RESOLVED, 0, 0, Instant.now(), 0, "", "",
                        hashOf(f), List.of(), operatorVersion));
                changes.add(new SetReport.Change(true, f.version(), f.description()));
            }
        }
        changes.sort((a, b) -> MigrationFile.STRING_ORDER.compare(a.version(), b.version()));
        return new SetReport(target, changes);
    }

    private String hashOf(MigrationFile f) {
        if (sum == null) {
            sum = dir.checksum();
        }
        return sum.hash(f.name()).orElse("");
    }

    /** One {@code migrate apply} run on an open connection. */
    private final class Run {
        private final Connection c;
        private final RevisionSupport.Location location;
        private final ApplyOptions options;
        private final ApplyLog log;
        private final RevisionStore store;

        Run(Connection c, RevisionSupport.Location location, ApplyOptions options, ApplyLog log) {
            this.c = c;
            this.location = location;
            this.options = options;
            this.log = log;
            this.store = new RevisionStore(c, location, support);
        }

        void execute() throws SQLException {
            boolean exists = support.exists(c, location);
            if (!exists && !options.dryRun()) {
                support.create(c, location);
                exists = true;
            }
            List<Revision> revisions = exists ? store.all() : List.of();
            List<MigrationFile> pending;
            if (revisions.isEmpty()) {
                pending = firstRun();
                revisions = exists ? store.all() : List.of();
            } else {
                pending = Pending.of(dir.files(), revisions, options.execOrder()).files();
            }
            if (pending.isEmpty()) {
                log.nothingToDo();
                return;
            }
            if (options.amount() > 0 && pending.size() > options.amount()) {
                pending = pending.subList(0, options.amount());
            }
            List<TxMode> modes = new ArrayList<>();
            for (MigrationFile f : pending) {
                modes.add(options.txMode().forFile(f));
            }
            String current = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1).version();
            log.pending(pending);
            log.header(pending.get(pending.size() - 1).version(), current, pending.size());
            long start = System.nanoTime();
            boolean all = options.txMode() == TxMode.ALL && !options.dryRun();
            SchemaTransactions.Guard guard = all ? dialect.schemaTransactions().open(c) : SchemaTransactions.Guard.NONE;
            if (all) {
                c.setAutoCommit(false);
            }
            try {
                for (int i = 0; i < pending.size(); i++) {
                    file(pending.get(i), modes.get(i), start);
                }
                if (all) {
                    commit(guard, pending.get(pending.size() - 1), start);
                }
            } finally {
                c.setAutoCommit(true);
                guard.close(c);
            }
            log.footer(Duration.ofNanos(System.nanoTime() - start));
        }

        // No revisions yet: the clean check, then the baseline or the files from the last checkpoint.
        private List<MigrationFile> firstRun() throws SQLException {
            List<MigrationFile> files = dir.files();
            if (options.baseline() == null && !options.allowDirty()) {
                Optional<String> reason = support.dirtyReason(c, url, location);
                if (reason.isPresent()) {
                    throw new Atlas4jException(ErrorCode.APPLY, "sql/migrate: connected database is not clean: "
                            + reason.get() + ". baseline version or allow-dirty is required",
                            "pass --baseline VERSION if the database already holds the directory up to VERSION, or "
                                    + "--allow-dirty to apply on top of what is there", null);
                }
            }
            if (options.baseline() == null) {
                return Pending.compute(files, List.of()).files();
            }
            MigrationFile base = dir.file(options.baseline()).orElseThrow(() -> new Atlas4jException(ErrorCode.CONFIGURATION,
                    "baseline version \"" + options.baseline() + "\" not found"));
            if (!options.dryRun()) {
                store.write(new Revision(base.version(), base.description(), Revision.BASELINE, 0, 0, Instant.now(), 0,
                        "", "", hashOf(base), List.of(), options.operatorVersion()));
            }
            return files.stream().filter(f -> !f.isCheckpoint())
                    .filter(f -> MigrationFile.STRING_ORDER.compare(f.version(), base.version()) > 0).toList();
        }

        private void file(MigrationFile f, TxMode mode, long runStart) throws SQLException {
            FileStatements split = FileStatements.of(f, dialect);
            List<String> texts = split.texts();
            // Split the checks up front: a scan error stops the file before anything runs.
            List<CheckFile> checks = f.checks();
            List<FileStatements> checkSplits = checks.stream().map(ch -> FileStatements.checks(f, ch, dialect)).toList();
            long fileStart = System.nanoTime();
            if (options.dryRun()) {
                Optional<Revision> existing = support.exists(c, location) ? store.get(f.version()) : Optional.empty();
                int from = existing.filter(Revision::partial).map(Revision::applied).orElse(0);
                if (from == 0 && !checks.isEmpty()) {
                    // The checks run against the database as it is: the files before this one were listed,
                    // not run. They run in a transaction that is always rolled back, so that even a check
                    // with side effects leaves nothing behind; a failing check ends the dry run as it ends
                    // a real one (runChecks rolls back and throws).
                    c.setAutoCommit(false);
                    runChecks(f, TxMode.FILE, checks, checkSplits, runStart);
                    c.rollback();
                    c.setAutoCommit(true);
                }
                log.fileStarted(f, Math.min(from, texts.size()));
                texts.subList(Math.min(from, texts.size()), texts.size()).forEach(log::statement);
                log.fileOk(Duration.ofNanos(System.nanoTime() - fileStart));
                return;
            }
            SchemaTransactions.Guard guard = mode == TxMode.FILE ? dialect.schemaTransactions().open(c)
                    : SchemaTransactions.Guard.NONE;
            try {
                run(f, mode, runStart, fileStart, texts, split, checks, checkSplits, guard);
            } finally {
                guard.close(c);
            }
        }

        private void run(MigrationFile f, TxMode mode, long runStart, long fileStart, List<String> texts,
                         FileStatements split, List<CheckFile> checks, List<FileStatements> checkSplits,
                         SchemaTransactions.Guard guard) throws SQLException {
            List<SqlStatement> statements = split.statements();
            List<String> sums = StatementHashes.of(texts);
            if (mode == TxMode.FILE) {
                c.setAutoCommit(false);
            }
            Revision rev = store.get(f.version()).orElse(null);
            if (rev == null || rev.applied() == 0) {
                // Inside the file's transaction (if any), before its revision is written: a failing check
                // leaves no trace. A file resumed after a partial run passed its checks already.
                runChecks(f, mode, checks, checkSplits, runStart);
            }
            log.fileStarted(f, rev == null ? 0 : rev.applied());
            if (rev == null) {
                rev = new Revision(f.version(), f.description(), Revision.APPLIED, 0, texts.size(), Instant.now(), 0, "",
                        "", hashOf(f), List.of(), options.operatorVersion());
                store.write(rev);
            } else {
                rev = new Revision(rev.version(), rev.description(), rev.type(), rev.applied(), texts.size(),
                        rev.executedAt(), rev.executionTime(), rev.error(), rev.errorStmt(), hashOf(f), rev.partialHashes(),
                        options.operatorVersion());
                for (int i = 0; i < rev.applied(); i++) {
                    if (i >= sums.size() || i >= rev.partialHashes().size() || !sums.get(i).equals(rev.partialHashes().get(i))) {
                        if (mode == TxMode.FILE) {
                            c.rollback();
                            c.setAutoCommit(true);
                        }
                        throw new Atlas4jException(ErrorCode.APPLY, "sql/migrate: history changed: statement " + (i + 1)
                                + " from file \"" + f.name() + "\" changed",
                                "restore the statements already applied, or fix the database and run migrate set", null);
                    }
                }
            }
            for (int i = rev.applied(); i < statements.size(); i++) {
                SqlStatement stmt = statements.get(i);
                String text = texts.get(i);
                log.statement(text);
                try (Statement s = c.createStatement()) {
                    s.execute(text);
                } catch (SQLException e) {
                    failed(f, mode, rev.withError(dialect.errorMessage(e), text, System.nanoTime() - fileStart), stmt, e,
                            runStart);
                }
                rev = rev.withStatementApplied(sums.get(i));
                store.write(rev);
                if (mode != TxMode.NONE && support.commitsImplicitly(text)) {
                    // The database committed the statement already; commit its revision with it.
                    c.commit();
                }
            }
            store.write(rev.completed(System.nanoTime() - fileStart));
            if (mode == TxMode.FILE) {
                commit(guard, f, runStart);
            }
            log.fileOk(Duration.ofNanos(System.nanoTime() - fileStart));
        }

        /**
         * Commits the transaction of a file (or of the whole run), unless the dialect's check before the
         * commit refuses it (SQLite: foreign keys broken while enforcement was off); then it is rolled back.
         */
        private void commit(SchemaTransactions.Guard guard, MigrationFile f, long runStart) throws SQLException {
            try {
                guard.beforeCommit(c);
            } catch (SQLException e) {
                c.rollback();
                c.setAutoCommit(true);
                log.footer(Duration.ofNanos(System.nanoTime() - runStart));
                throw new Atlas4jException(ErrorCode.APPLY, "sql/migrate: version \"" + f.version() + "\": "
                        + dialect.errorMessage(e), "the transaction was rolled back: fix the file, re-hash the"
                        + " directory and run migrate apply again", e);
            }
            c.commit();
            c.setAutoCommit(true);
        }

        private void runChecks(MigrationFile f, TxMode mode, List<CheckFile> checks, List<FileStatements> splits,
                               long runStart) throws SQLException {
            for (int i = 0; i < checks.size(); i++) {
                long checkStart = System.nanoTime();
                log.checksStarted(f, checks.get(i).name());
                CheckRun run = CheckRun.evaluate(c, checks.get(i), splits.get(i), dialect);
                run.assertions().forEach(a -> log.check(a.text(), a.failed(), a.error()));
                if (run.passed()) {
                    log.checksOk(Duration.ofNanos(System.nanoTime() - checkStart));
                    continue;
                }
                String error = run.error().orElseThrow();
                log.checksFailed(run.failedAt() == null ? null
                        : splits.get(i).texts().get(splits.get(i).statements().indexOf(run.failedAt())), error);
                try {
                    if (mode != TxMode.NONE) {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    if (run.cause() != null) {
                        run.cause().addSuppressed(e);
                    }
                }
                log.footer(Duration.ofNanos(System.nanoTime() - runStart));
                String where = run.failedAt() == null ? "" : "the assertion is at " + run.failedAt().range() + "; ";
                if (run.cause() != null) {
                    throw new Atlas4jException(ErrorCode.APPLY, "sql/migrate: executing check assertion \""
                            + run.assertions().get(run.assertions().size() - 1).text() + "\" from version \""
                            + f.version() + "\": " + error, where + "version " + f.version() + " was not applied; "
                            + "fix the check and run migrate apply again", run.cause());
                }
                throw new Atlas4jException(ErrorCode.APPLY, error, where + "version " + f.version()
                        + " was not applied; run migrate apply again once the database passes its checks", null);
            }
        }

        private void failed(MigrationFile f, TxMode mode, Revision rev, SqlStatement stmt, SQLException cause,
                            long runStart) {
            log.statementFailed(rev.error());
            try {
                if (mode == TxMode.NONE) {
                    store.write(rev);
                } else {
                    c.rollback();
                    c.setAutoCommit(true);
                    // A database without transactional DDL (MySQL) committed part of the file and its row on
                    // its own: record the error on that row, so the row and the schema agree.
                    Optional<Revision> left = store.get(f.version());
                    if (left.isPresent()) {
                        store.write(left.get().withError(rev.error(), rev.errorStmt(), rev.executionTime()));
                    }
                }
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
            log.footer(Duration.ofNanos(System.nanoTime() - runStart));
            throw new Atlas4jException(ErrorCode.APPLY, "sql/migrate: executing statement \"" + rev.errorStmt()
                    + "\" from version \"" + f.version() + "\": " + rev.error(),
                    "the statement is at " + stmt.range() + "; " + (mode == TxMode.NONE
                            ? "fix it, re-hash the directory and run migrate apply again to resume at it"
                            : "fix it, re-hash the directory and run migrate apply again"), cause);
        }
    }

    private Connection connect() {
        try {
            return dialect.connect(url);
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.CONNECTION, "cannot connect to " + url.masked() + ": "
                    + dialect.errorMessage(e), e);
        }
    }

    private void lock(Connection c, Duration timeout) throws SQLException {
        if (!support.tryLock(c, LOCK_NAME, timeout)) {
            throw new Atlas4jException(ErrorCode.APPLY, "acquiring database lock: timed out after "
                    + GoDuration.format(timeout) + " waiting for lock \"" + LOCK_NAME + "\" on " + url.masked(),
                    "another migrate apply or set holds it; wait for it to finish, or raise --lock-timeout", null);
        }
    }

    private void unlock(Connection c) {
        try {
            support.unlock(c, LOCK_NAME);
        } catch (SQLException e) {
            // The session ends right after; the database drops a session lock with it.
        }
    }

    private Atlas4jException databaseError(SQLException e) {
        return new Atlas4jException(ErrorCode.APPLY, "migrate on " + url.masked() + ": " + dialect.errorMessage(e), e);
    }
}
