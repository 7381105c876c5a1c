package io.atlas4j.cli.schema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code schema} command group. */
@Command(name = "schema",
        mixinStandardHelpOptions = true,
        header = "Work with schemas: inspect, diff, apply and test them.",
        synopsisHeading = "%nUsage: ",
        commandListHeading = "%nCommands:%n",
        optionListHeading = "%nOptions:%n",
        subcommands = {SchemaInspectCommand.class, SchemaDiffCommand.class, SchemaApplyCommand.class, SchemaTestCommand.class})
public final class SchemaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: use " + spec.qualifiedName() + " inspect, diff, apply or test");
    }
}
