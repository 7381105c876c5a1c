package io.atlas4j.cli.migrate;

import io.atlas4j.cli.output.JsonFormat;
import io.atlas4j.cli.output.MigrateStatusJson;
import io.atlas4j.migrate.ChecksumMismatchException;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.apply.Migrator;
import io.atlas4j.migrate.apply.Pending;
import io.atlas4j.migrate.apply.Revision;
import io.atlas4j.migrate.apply.StatusReport;
import io.atlas4j.url.DatabaseUrl;
import java.util.List;
import java.util.concurrent.Callable;
import io.atlas4j.cli.options.ProjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--format", paramLabel = "TEMPLATE",
            description = "'" + JsonFormat.JSON + "' prints the status as one JSON object.")
    String format;

    @Override
    public Integer call() {
        boolean json = JsonFormat.json(format);
        target.fill(EnvDefaults.of(project, spec));
        MigrationDir migrations;
        try {
            migrations = target.openValidated(spec);
        } catch (ChecksumMismatchException e) {
            if (!json) {
                return MigrateValidateCommand.printChecksumError(e, spec.commandLine().getOut(), spec.commandLine().getErr());
            }
            // Standard output stays one JSON object; the error also goes to standard error and sets the exit code.
            spec.commandLine().getOut().println(MigrateStatusJson.failed(
                    JsonFormat.env(target.url, target.dir), e.getMessage()));
            spec.commandLine().getOut().flush();
            throw e;
        }
        Migrator migrator = target.migrator(migrations);
        StatusReport report = migrator.status(target.revisionsSchema);
        if (json) {
            List<Revision> revisions = migrator.revisions(target.revisionsSchema);
            spec.commandLine().getOut().println(MigrateStatusJson.of(JsonFormat.env(DatabaseUrl.parse(target.url), target.dir),
                    report, migrations.files(), revisions, Pending.compute(migrations.files(), revisions)));
        } else {
            spec.commandLine().getOut().print(report.render());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
