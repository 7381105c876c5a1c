package io.atlas4j.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code atlas4j} executable: runs the command line and exits with its status. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 regardless of the platform default: durations print the micro sign (µ), as Atlas does.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = Atlas4jCli.commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
