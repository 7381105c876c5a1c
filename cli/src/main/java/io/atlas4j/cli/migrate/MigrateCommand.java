package io.atlas4j.cli.migrate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code migrate} command group. */
@Command(name = "migrate",
        mixinStandardHelpOptions = true,
        header = "Work with migration directories: migrate test, hash, validate, new, apply, status, set.",
        synopsisHeading = "%nUsage: ",
        commandListHeading = "%nCommands:%n",
        optionListHeading = "%nOptions:%n",
        subcommands = {MigrateTestCommand.class, MigrateHashCommand.class, MigrateValidateCommand.class, MigrateNewCommand.class,
                MigrateApplyCommand.class, MigrateStatusCommand.class, MigrateDiffCommand.class, MigrateDownCommand.class, MigrateSetCommand.class})
public final class MigrateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: use " + spec.qualifiedName() + " test, hash, validate, new, apply, status or set");
    }
}
