package io.atlas4j.cli.output;

import io.atlas4j.testing.CaseListener;
import io.atlas4j.testing.CaseResult;
import io.atlas4j.testing.ConsoleReport;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Prints each case's report as soon as it is over, in Atlas's console format. Parallel cases finish
 * on several threads: one case's lines are printed together, never interleaved with another's.
 */
public final class ConsolePrinter implements CaseListener {

    private final PrintWriter out;

    public ConsolePrinter(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void caseFinished(CaseResult result) {
        synchronized (out) {
            for (String line : ConsoleReport.lines(result)) {
                out.println(line);
            }
            out.flush();
        }
    }

    /** The run result, {@code PASS} or {@code FAIL}, alone on the last line. */
    public void printRunResult(boolean ok) {
        synchronized (out) {
            out.println(ok ? "PASS" : "FAIL");
            out.flush();
        }
    }
}
