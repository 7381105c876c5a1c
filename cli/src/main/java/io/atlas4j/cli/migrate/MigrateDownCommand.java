package io.atlas4j.cli.migrate;

import io.atlas4j.cli.options.DevProperties;
import io.atlas4j.cli.options.DevUrlOptions;
import io.atlas4j.cli.options.ProjectOptions;
import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.ChecksumMismatchException;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.down.MigrateDown;
import io.atlas4j.url.DatabaseUrl;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j migrate down [N] --url URL --dev-url URL}: reverts the last N applied versions (default 1),
 * or every version after {@code --to-version}, by planning from the database's state to the directory's
 * state at the earlier version (no down files), after checks that no rows would be lost.
 */
@Command(name = "down",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Revert applied migrations by planning back to an earlier version of the directory.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} down --url \"postgres://localhost:5432/app?search_path=public\" \\",
            "      --dev-url \"embedded://postgres/16/dev?search_path=public\"",
            "  ${PARENT-COMMAND-FULL-NAME} down 2 --env prod --dry-run",
        },
        optionListHeading = "%nOptions:%n")
public final class MigrateDownCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "N", description = "How many applied versions to revert (default 1).")
    List<String> amount;

    @Option(names = "--to-version", paramLabel = "VERSION", description = "Revert every version applied after VERSION.")
    String toVersion;

    @Mixin
    TargetDatabase target;

    @Mixin
    DevUrlOptions dev;

    @Option(names = "--dry-run", description = "Print the plan and the checks, change nothing.")
    boolean dryRun;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", description = "How long to wait for the database lock (default: 10s).")
    String lockTimeout;

    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() {
        EnvDefaults env = EnvDefaults.of(project, spec);
        target.fill(env);
        int n = 1;
        if (amount != null && !amount.isEmpty()) {
            if (toVersion != null) {
                throw new Atlas4jException(ErrorCode.USAGE, "N and --to-version are mutually exclusive");
            }
            try {
                n = Integer.parseInt(amount.get(0));
            } catch (NumberFormatException e) {
                throw new Atlas4jException(ErrorCode.USAGE, "invalid amount \"" + amount.get(0) + "\": a positive number is expected");
            }
        }
        String devUrl = env.devUrl(dev.devUrl());
        if (devUrl == null) {
            throw new Atlas4jException(ErrorCode.USAGE, "required flag(s) \"dev-url\" not set",
                    "migrate down plans on a dev database: pass --dev-url, e.g. \"embedded://postgres/16/dev\"", null);
        }
        MigrationDir migrations;
        try {
            migrations = target.openValidated(spec);
        } catch (ChecksumMismatchException e) {
            return MigrateValidateCommand.printChecksumError(e, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (target.url == null || target.url.isBlank()) {
            throw new Atlas4jException(ErrorCode.USAGE, "required flag \"url\" not set",
                    "pass the database to revert with --url, or select an env with --env", null);
        }
        try (DevDatabase devDb = DevDatabases.open(DatabaseUrl.parse(devUrl),
                new DevOptions(DevOptions.defaults().connectTimeout(), DevProperties.from(System.getProperties(), null)))) {
            String report = new MigrateDown(DatabaseUrl.parse(target.url), migrations, devDb)
                    .down(n, toVersion, dryRun, target.revisionsSchema, TargetDatabase.lockTimeout(lockTimeout)).render();
            spec.commandLine().getOut().print(report);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
