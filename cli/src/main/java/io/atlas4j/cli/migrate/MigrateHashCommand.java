package io.atlas4j.cli.migrate;

import io.atlas4j.cli.Atlas4jCommand;
import io.atlas4j.migrate.MigrationDir;
import java.util.concurrent.Callable;
import io.atlas4j.cli.options.ProjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j migrate hash [--dir URL]}: computes the migration directory's {@code atlas.sum} and
 * writes it, replacing any old one. Like Atlas, it prints nothing on success.
 */
@Command(name = "hash",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Hash the migration directory: (re)write its atlas.sum integrity file.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} hash",
            "  ${PARENT-COMMAND-FULL-NAME} hash --dir file://db/migrations",
        },
        optionListHeading = "%nOptions:%n")
public final class MigrateHashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DirOptions directory;

    /** The resolved directory URL, set when the command runs. */
    String dir;

    @Mixin
    ProjectOptions project;

    // Atlas deprecated --force and ignores it; accepted so existing scripts keep working.
    @Option(names = "--force", hidden = true)
    boolean force;

    @Override
    public Integer call() {
        dir = directory.resolve(EnvDefaults.of(project, spec));
        MigrationDir.open(dir, Atlas4jCommand.of(spec).workingDir()).writeSumFile();
        return 0;
    }
}
