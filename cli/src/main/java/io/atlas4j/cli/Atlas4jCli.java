package io.atlas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Builds the {@code atlas4j} command line. {@link Main} and the tests use the same factory, so the
 * tests run exactly what users run, with their own writers.
 */
public final class Atlas4jCli {

    private Atlas4jCli() {
    }

    /** The command line working from the process's current directory. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Path.of("").toAbsolutePath());
    }

    /**
     * The command line working from {@code workingDir}: relative paths, the default project file and
     * test discovery resolve against it.
     *
     * @param out where reports and help go
     * @param err where errors and warnings go
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Path workingDir) {
        return commandLine(out, err, workingDir, new java.io.InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset()));
    }

    /**
     * The command line working from {@code workingDir}, reading prompt answers from {@code in}.
     *
     * @param out where reports and help go
     * @param err where errors and warnings go
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Path workingDir, java.io.Reader in) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        CommandLine cli = new CommandLine(new Atlas4jCommand(workingDir.toAbsolutePath().normalize(), in));
        ErrorHandling handling = new ErrorHandling();
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(handling);
        cli.setParameterExceptionHandler(handling);
        shareWithSubcommands(cli, cli.getCommandSpec().versionProvider());
        return cli;
    }

    // Every command's help lists the exit codes, and -V prints the version at every level.
    private static void shareWithSubcommands(CommandLine cli, CommandLine.IVersionProvider version) {
        cli.getCommandSpec().versionProvider(version);
        cli.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit Codes:%n")
                .exitCodeList(ExitCodes.helpList());
        cli.getSubcommands().values().forEach(sub -> shareWithSubcommands(sub, version));
    }
}
