package io.atlas4j.cli.migrate;

import io.atlas4j.migrate.ChecksumMismatchException;
import io.atlas4j.migrate.MigrationDir;
import java.util.concurrent.Callable;
import io.atlas4j.cli.options.ProjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j migrate status --url URL}: Atlas's report of the current and next version, the executed
 * and pending files, and what went wrong in a partially applied file.
 */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Report which migration files a database has applied and which are pending.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} status --url \"sqlite://app.db\"",
        },
        optionListHeading = "%nOptions:%n")
public final class MigrateStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetDatabase target;

    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() {
        target.fill(EnvDefaults.of(project, spec));
        MigrationDir migrations;
        try {
            migrations = target.openValidated(spec);
        } catch (ChecksumMismatchException e) {
            return MigrateValidateCommand.printChecksumError(e, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        spec.commandLine().getOut().print(target.migrator(migrations).status(target.revisionsSchema).render());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
