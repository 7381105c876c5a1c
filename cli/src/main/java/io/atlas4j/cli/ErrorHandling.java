package io.atlas4j.cli;

import io.atlas4j.cli.options.VerbosityOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.url.Redaction;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns exceptions into one-line messages on the error writer and exit codes: usage errors exit 2,
 * {@link Atlas4jException}s exit with their {@link io.atlas4j.error.ErrorCode}'s code, anything else is
 * an internal error (70). Stack traces only with {@code -x/--stacktrace}. Every printed text is passed
 * through {@link Redaction#mask(String)}, so no password reaches the terminal.
 */
public final class ErrorHandling implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("Error: " + Redaction.mask(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            StringWriter suggestions = new StringWriter();
            UnmatchedArgumentException.printSuggestions(unmatched, new PrintWriter(suggestions));
            if (!suggestions.toString().isBlank()) {
                err.print(Redaction.mask(suggestions.toString()));
            }
        }
        err.println(tryHelp(cmd));
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        int code = report(ex, err, VerbosityOptions.stacktrace(parsed));
        if (code == ExitCodes.USAGE && !(ex instanceof Atlas4jException a && a.hint() != null)) {
            // The runtime found the command line wrong (e.g. a flag value): same advice as picocli's errors,
            // unless the error already says what to do.
            err.println(tryHelp(commandLine));
            err.flush();
        }
        return code;
    }

    private static String tryHelp(CommandLine cmd) {
        return "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.";
    }

    /**
     * Prints {@code ex} the way the CLI reports errors and returns the exit code for it.
     *
     * <ul>
     *   <li>{@link DiagnosticException}: one {@code Error: file:line:col: message} line per diagnostic;
     *   <li>{@link Atlas4jException}: {@code Error: message}, then {@code hint: ...} when it has one;
     *   <li>anything else: {@code Error: internal error: message}, exit 70.
     * </ul>
     */
    public static int report(Throwable ex, PrintWriter err, boolean stacktrace) {
        int code;
        if (ex instanceof DiagnosticException diagnostics) {
            for (Diagnostic d : diagnostics.diagnostics()) {
                err.println("Error: " + Redaction.mask(d.toString()));
            }
            code = diagnostics.code().exitCode();
        } else if (ex instanceof Atlas4jException failure) {
            err.println("Error: " + failure.getMessage());
            if (failure.hint() != null) {
                err.println("hint: " + failure.hint());
            }
            code = failure.code().exitCode();
        } else {
            String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getName();
            err.println("Error: internal error: " + Redaction.mask(message));
            code = ExitCodes.INTERNAL;
        }
        if (stacktrace) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(Redaction.mask(trace.toString()));
        }
        err.flush();
        return code;
    }
}
