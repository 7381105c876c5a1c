package io.atlas4j.cli.options;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** {@code -x/--stacktrace}: a global option (inherited by every sub-command) that shows stack traces. */
public final class VerbosityOptions {

    static final String STACKTRACE = "--stacktrace";

    @Option(names = {"-x", STACKTRACE}, scope = ScopeType.INHERIT,
            description = "Print stack traces of errors (for bug reports).")
    boolean stacktrace;

    /** Whether {@code -x/--stacktrace} was given anywhere on the command line {@code parsed}. */
    public static boolean stacktrace(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(STACKTRACE)) {
                return true;
            }
        }
        return false;
    }
}
