package io.atlas4j.cli.options;

import picocli.CommandLine.Option;

/** {@code --strict-output}: compare outputs exactly, without Atlas4J's lenient fallbacks. */
public final class OutputOptions {

    @Option(names = "--strict-output",
            description = "Compare csv and table outputs exactly (no whitespace-tolerant fallback).")
    boolean strictOutput;

    /** Whether {@code --strict-output} was given. */
    public boolean strictOutput() {
        return strictOutput;
    }
}
