package io.atlas4j.migrate.down;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.dialect.RevisionSupport;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.apply.Migrator;
import io.atlas4j.migrate.apply.Revision;
import io.atlas4j.migrate.apply.RevisionStore;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.state.StateReader;
import io.atlas4j.state.States;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reverts applied versions one at a time, newest first: the state the directory describes just before a
 * version is built on the dev database, the target is diffed against it, pre-migration checks make sure the
 * revert loses no rows, then the plan and the removal of the version's revision run in one transaction
 * (where the dialect's DDL is transactional).
 */
public final class MigrateDown {

    private final DatabaseUrl url;
    private final MigrationDir dir;
    private final DevDatabase dev;

    public MigrateDown(DatabaseUrl url, MigrationDir dir, DevDatabase dev) {
        this.url = url;
        this.dir = dir;
        this.dev = dev;
    }

    /**
     * Reverts versions.
     *
     * @param amount how many applied versions to revert (used when {@code toVersion} is null)
     * @param toVersion revert every version after this one
     * @param dryRun plan and check, execute nothing
     * @throws Atlas4jException when the target version was never applied, a check finds data, or a statement fails
     */
    public DownReport down(int amount, String toVersion, boolean dryRun, String revisionsSchema, Duration lockTimeout) {
        Dialect dialect = Dialects.forUrl(url);
        SchemaDriver driver = States.driver(dialect);
        RevisionSupport support = dialect.revisions().orElseThrow(() -> new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                "the " + dialect.name() + " dialect cannot revert migrations"));
        long start = System.nanoTime();
        try (Connection c = dialect.connect(url)) {
            RevisionSupport.Location location = support.locate(c, url, revisionsSchema);
            if (!support.exists(c, location)) {
                return new DownReport(null, null, List.of(), Duration.ZERO, dryRun);
            }
            if (!dryRun && !support.tryLock(c, Migrator.LOCK_NAME, lockTimeout)) {
                throw new Atlas4jException(ErrorCode.APPLY, "sql/migrate: acquiring database lock: another process holds it",
                        "wait for the other migration to finish, or raise --lock-timeout", null);
            }
            try {
                RevisionStore store = new RevisionStore(c, location, support);
                List<Revision> revisions = store.all().stream().filter(r -> r.type() != Revision.BASELINE).toList();
                List<Revision> revert = toRevert(revisions, amount, toVersion);
                if (revert.isEmpty()) {
                    return new DownReport(null, null, List.of(), Duration.ZERO, dryRun);
                }
                Optional<String> bound = driver.boundSchema(url);
                InspectOptions options = InspectOptions.ALL.excluding(RevisionSupport.DEFAULT_SCHEMA, "*." + RevisionSupport.TABLE);
                List<DownReport.Step> steps = new ArrayList<>();
                // A dry run changes nothing, so after the first step the target is where the previous step
                // would have left it, not where the database still is.
                Realm reverted = null;
                // Where the DDL is transactional every version is reverted in one transaction: a check or
                // statement failing on a later version rolls back the earlier ones too.
                boolean[] open = {false};
                try {
                    for (Revision r : revert) {
                        long stepStart = System.nanoTime();
                        List<MigrationFile> before = dir.files().stream()
                                .filter(f -> dir.format().versionOrder().compare(f.version(), r.version()) < 0).toList();
                        Realm desired = StateReader.normalize(dev, driver, state(before), bound, options);
                        Realm current = dryRun && reverted != null ? reverted : StateReader.inspect(driver, c, bound, options);
                        reverted = desired;
                        List<SchemaChange> changes = bound.isPresent()
                                ? driver.differ().diffSchema(single(current), single(desired), DiffOptions.DEFAULT)
                                : driver.differ().diffRealm(current, desired, DiffOptions.DEFAULT);
                        Plan plan = driver.planner().plan("down", changes, bound.isPresent() ? PlanOptions.SCHEMA : PlanOptions.REALM);
                        List<String> checks = checks(changes, driver, bound.isEmpty());
                        long checksStart = System.nanoTime();
                        for (String check : checks) {
                            if (!holds(c, check)) {
                                throw new Atlas4jException(ErrorCode.APPLY, "migrate down: reverting version " + r.version()
                                        + " would lose data: check failed: " + check,
                                        "empty the table or column first, or revert by hand", null);
                            }
                        }
                        Duration checksElapsed = Duration.ofNanos(System.nanoTime() - checksStart);
                        if (!dryRun) {
                            execute(c, plan, store, r.version(), dialect, open);
                        }
                        steps.add(new DownReport.Step(r.version(), checks, plan.statements(),
                                Duration.ofNanos(System.nanoTime() - stepStart), checksElapsed));
                    }
                    if (open[0]) {
                        c.commit();
                        c.setAutoCommit(true);
                        open[0] = false;
                    }
                } finally {
                    if (open[0]) {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                }
                String from = revert.get(0).version();
                int keep = revisions.size() - revert.size();
                String to = keep == 0 ? null : revisions.get(keep - 1).version();
                return new DownReport(from, to, steps, Duration.ofNanos(System.nanoTime() - start), dryRun);
            } finally {
                if (!dryRun) {
                    support.unlock(c, Migrator.LOCK_NAME);
                }
            }
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.APPLY, "migrate down: " + dialect.errorMessage(e), e);
        }
    }

    private static List<Revision> toRevert(List<Revision> revisions, int amount, String toVersion) {
        List<Revision> out = new ArrayList<>();
        if (toVersion != null) {
            if (revisions.stream().noneMatch(r -> r.version().equals(toVersion))) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "migrate down: version " + toVersion + " is not applied",
                        "run migrate status to see the applied versions", null);
            }
            for (int i = revisions.size() - 1; i >= 0 && !revisions.get(i).version().equals(toVersion); i--) {
                out.add(revisions.get(i));
            }
            return out;
        }
        if (amount < 1) {
            throw new Atlas4jException(ErrorCode.USAGE, "migrate down: the amount must be at least 1, not " + amount);
        }
        for (int i = revisions.size() - 1; i >= 0 && out.size() < amount; i--) {
            out.add(revisions.get(i));
        }
        return out;
    }

    private static SchemaState state(List<MigrationFile> files) {
        return new SchemaState(files.stream().map(f -> SqlScript.of(f.path().toUri(), f.upText())).toList());
    }

    private static Schema single(Realm realm) {
        return realm.schemas().get(0);
    }

    /**
     * Checks that hold when reverting loses no data: a dropped table (also each table of a dropped schema)
     * must be empty, a dropped column must hold only NULLs. Names are spelled as the plan spells them:
     * qualified with their schema in realm scope.
     */
    static List<String> checks(List<SchemaChange> changes, SchemaDriver driver, boolean qualify) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        String isEmpty = driver.quote("is_empty");
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.DropSchema d) {
                // DROP SCHEMA ... CASCADE takes the schema's tables with it: each must be empty.
                for (io.atlas4j.schema.Table t : d.schema().tables()) {
                    out.add("SELECT NOT EXISTS (SELECT 1 FROM " + driver.quote(d.schema().name()) + "." + driver.quote(t.name())
                            + ") AS " + isEmpty);
                }
            } else if (change instanceof SchemaChange.DropTable d) {
                out.add("SELECT NOT EXISTS (SELECT 1 FROM " + table(driver, qualify, d.schema(), d.table().name()) + ") AS "
                        + isEmpty);
            } else if (change instanceof SchemaChange.ModifyTable m) {
                for (TableChange tc : m.changes()) {
                    if (tc instanceof TableChange.DropColumn d) {
                        out.add("SELECT NOT EXISTS (SELECT 1 FROM " + table(driver, qualify, m.schema(), m.from().name())
                                + " WHERE " + driver.quote(d.column().name()) + " IS NOT NULL) AS " + isEmpty);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static String table(SchemaDriver driver, boolean qualify, String schema, String table) {
        return qualify ? driver.quote(schema) + "." + driver.quote(table) : driver.quote(table);
    }

    private static boolean holds(Connection c, String check) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(check)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Runs one version's plan and removes its revision. A transactional plan joins (or opens) the run's
     * transaction, {@code open[0]}; a plan that cannot run in a transaction commits what came before and
     * runs on its own, statement by statement.
     */
    private static void execute(Connection c, Plan plan, RevisionStore store, String version, Dialect dialect,
            boolean[] open) throws SQLException {
        boolean tx = plan.transactional() && plan.statements().stream().allMatch(PlannedStatement::transactional);
        if (tx && !open[0]) {
            c.setAutoCommit(false);
            open[0] = true;
        } else if (!tx && open[0]) {
            c.commit();
            c.setAutoCommit(true);
            open[0] = false;
        }
        for (PlannedStatement s : plan.statements()) {
            try (Statement jdbc = c.createStatement()) {
                jdbc.execute(s.sql());
            } catch (SQLException e) {
                throw new Atlas4jException(ErrorCode.APPLY, "migrate down: reverting version " + version
                        + ": executing statement \"" + s.sql() + "\": " + dialect.errorMessage(e),
                        tx ? "the transaction was rolled back" : null, e);
            }
        }
        store.delete(version);
    }
}
