package io.atlas4j.cli.migrate;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.ChecksumMismatchException;
import io.atlas4j.migrate.MigrationDir;
import java.util.List;
import java.util.concurrent.Callable;
import io.atlas4j.cli.options.ProjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j migrate set [VERSION] --url URL}: rewrites {@code atlas_schema_revisions} so that the
 * database counts as being at VERSION, without executing any migration.
 */
@Command(name = "set",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Set the current version of a database without executing migrations.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} set 20220318104614 --url \"sqlite://app.db\"",
        },
        optionListHeading = "%nOptions:%n")
public final class MigrateSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "VERSION", description = "The version to set (default: the last file's).")
    List<String> versions;

    @Mixin
    TargetDatabase target;

    @Mixin
    ProjectOptions project;

    @Option(names = "--lock-timeout", paramLabel = "DURATION",
            description = "How long to wait for the database lock (default: 10s).")
    String lockTimeout;

    @Override
    public Integer call() {
        if (versions != null && versions.size() > 1) {
            throw new Atlas4jException(ErrorCode.USAGE, "accepts 1 arg(s), received " + versions.size());
        }
        target.fill(EnvDefaults.of(project, spec));
        MigrationDir migrations;
        try {
            migrations = target.openValidated(spec);
        } catch (ChecksumMismatchException e) {
            return MigrateValidateCommand.printChecksumError(e, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        String version = versions == null || versions.isEmpty() ? null : versions.get(0);
        spec.commandLine().getOut().print(target.migrator(migrations)
                .set(version, target.revisionsSchema, TargetDatabase.lockTimeout(lockTimeout), TargetDatabase.operatorVersion())
                .render());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
