package io.atlas4j.cli;

import java.util.List;

/**
 * What one {@code atlas4j} invocation produced.
 *
 * @param exitCode the exit status
 * @param out the standard output text
 * @param err the standard error text
 */
record CliResult(int exitCode, String out, String err) {

    /** The standard output split into lines. */
    List<String> outLines() {
        return out.lines().toList();
    }

    /** The standard error split into lines. */
    List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
