package io.atlas4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in process, the way {@link Main} does, with captured writers. */
final class Cli {

    private Cli() {
    }

    /** Runs {@code atlas4j args...} from {@code workingDir}. */
    static CliResult run(Path workingDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Atlas4jCli.commandLine(new PrintWriter(out), new PrintWriter(err), workingDir).execute(args);
        return new CliResult(code, out.toString(), err.toString());
    }

    /** Runs {@code atlas4j args...} from {@code workingDir}, answering prompts with {@code input}. */
    static CliResult runWithInput(Path workingDir, String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Atlas4jCli.commandLine(new PrintWriter(out), new PrintWriter(err), workingDir,
                new java.io.StringReader(input)).execute(args);
        return new CliResult(code, out.toString(), err.toString());
    }

    /** Runs {@code atlas4j args...} from the process's working directory. */
    static CliResult run(String... args) {
        return run(Path.of("").toAbsolutePath(), args);
    }
}
