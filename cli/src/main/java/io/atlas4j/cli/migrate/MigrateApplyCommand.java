package io.atlas4j.cli.migrate;

import io.atlas4j.cli.output.JsonFormat;
import io.atlas4j.cli.output.MigrateApplyReport;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.ChecksumMismatchException;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.apply.ApplyLog;
import io.atlas4j.migrate.apply.ApplyOptions;
import io.atlas4j.migrate.apply.ExecOrder;
import io.atlas4j.migrate.apply.Migrator;
import io.atlas4j.migrate.apply.TxMode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import io.atlas4j.cli.options.ProjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j migrate apply [n] --url URL}: applies the pending files of the migration directory, as
 * Atlas does, recording them in {@code atlas_schema_revisions}, and prints Atlas's progress report.
 *
 * <p>{@code --dry-run} prints the statements of the pending files without executing them, takes no lock
 * and writes no revision (nor the revisions table), but still runs the pre-migration checks of txtar files
 * (migrate-dir.md §6, §7.6). As the statements of the earlier listed files do not run, each file's checks
 * run against the database as it is, inside a transaction that is rolled back. A failing check is reported
 * exactly as by a real apply (its error under the check block, the footer, {@code Error: ...} and exit code
 * 5; in JSON mode the file's {@code Checks} and {@code Error} and the report's {@code Error}) and ends the
 * dry run there. A check that only holds once an earlier pending file has run therefore fails in a dry run
 * on a database without that file: apply up to the earlier file first (e.g. {@code migrate apply 1}).
 *
 * <p>With {@code --format '{{ json . }}'} every outcome is one JSON object on standard output, a checksum
 * error included ({@code Driver}, {@code URL}, {@code Dir}, {@code Start}, {@code End}, {@code Error}); the
 * error still goes to standard error and sets the exit code.
 */
@Command(name = "apply",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Apply pending migration files to a database.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} apply --url \"sqlite://app.db\"",
            "  ${PARENT-COMMAND-FULL-NAME} apply 1 --url \"postgres://u:p@localhost:5432/app?search_path=public\"",
        },
        optionListHeading = "%nOptions:%n")
public final class MigrateApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "N", description = "Apply at most N pending files (default: all).")
    String amount;

    @Mixin
    TargetDatabase target;

    @Mixin
    ProjectOptions project;

    @Option(names = "--tx-mode", paramLabel = "MODE", defaultValue = "file",
            description = "file (one transaction per file), all (one for all files) or none (default: ${DEFAULT-VALUE}).")
    String txMode;

    @Option(names = "--exec-order", paramLabel = "ORDER",
            description = "linear, linear-skip or non-linear: what to do with files added before the last applied one "
                    + "(default: the env's migration.exec_order, else linear).")
    String execOrder;

    @Option(names = "--baseline", paramLabel = "VERSION",
            description = "On a first run, record VERSION as already applied and start after it "
                    + "(default: the env's migration.baseline).")
    String baseline;

    @Option(names = "--allow-dirty", description = "Allow a first run on a database that is not clean.")
    boolean allowDirty;

    @Option(names = "--dry-run", description = "Print the statements without executing them (pre-migration checks still run).")
    boolean dryRun;

    @Option(names = "--lock-timeout", paramLabel = "DURATION",
            description = "How long to wait for the database lock (default: the env's migration.lock_timeout, else 10s).")
    String lockTimeout;

    @Option(names = "--format", paramLabel = "TEMPLATE",
            description = "'" + JsonFormat.JSON + "' prints the run as one JSON object instead of the progress report.")
    String format;

    @Override
    public Integer call() {
        boolean json = JsonFormat.json(format);
        int n = amount(amount);
        EnvDefaults env = EnvDefaults.of(project, spec);
        target.fill(env);
        execOrder = env.execOrder(execOrder);
        baseline = env.baseline(baseline);
        lockTimeout = env.lockTimeout(lockTimeout);
        ApplyOptions options = new ApplyOptions(n, TxMode.parse(txMode), ExecOrder.parse(execOrder), baseline,
                allowDirty, dryRun, TargetDatabase.lockTimeout(lockTimeout), target.revisionsSchema,
                TargetDatabase.operatorVersion());
        MigrationDir migrations;
        try {
            migrations = target.openValidated(spec);
        } catch (ChecksumMismatchException e) {
            if (!json) {
                return MigrateValidateCommand.printChecksumError(e, spec.commandLine().getOut(), spec.commandLine().getErr());
            }
            // No run started: the report has only the env, the times and the error.
            MigrateApplyReport report = new MigrateApplyReport();
            report.failed(e.getMessage());
            print(report);
            throw e;
        }
        Migrator migrator = target.migrator(migrations);
        if (!json) {
            migrator.apply(options, new ApplyLog(spec.commandLine().getOut()));
            return 0;
        }
        MigrateApplyReport report = new MigrateApplyReport();
        try {
            migrator.apply(options, report);
        } catch (RuntimeException e) {
            // Atlas prints the report with its Error, then fails with the error's exit code.
            report.failed(e.getMessage());
            print(report);
            throw e;
        }
        print(report);
        return 0;
    }

    private void print(MigrateApplyReport report) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(report.json(JsonFormat.env(target.url, target.dir)));
        out.flush();
    }

    /** The optional amount, as Atlas checks it: an integer of at least 1; 0 when absent (all files). */
    static int amount(String text) {
        if (text == null) {
            return 0;
        }
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Atlas4jException(ErrorCode.USAGE, "invalid amount argument \"" + text
                    + "\" (invalid syntax). Omit the argument or pass a valid integer instead");
        }
        if (n < 1) {
            throw new Atlas4jException(ErrorCode.USAGE, "cannot apply '" + n + "' migration files");
        }
        return n;
    }
}
