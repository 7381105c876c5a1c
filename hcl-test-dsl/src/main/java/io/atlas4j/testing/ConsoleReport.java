package io.atlas4j.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders results in Atlas's console format.
 *
 * <pre>
 * -- FAIL: postal (319µs)
 *     schema.test.hcl:2:
 *                 Error:          value for domain us_postal_code violates check constraint ...
 * </pre>
 */
public final class ConsoleReport {

    /** 16 spaces, {@code Error:}, 10 spaces: the message starts in column 33, as in Atlas's transcripts. */
    static final String ERROR_PREFIX = " ".repeat(16) + "Error:" + " ".repeat(10);
    private static final String ERROR_CONTINUATION = " ".repeat(ERROR_PREFIX.length());
    private static final String LOG_CONTINUATION = " ".repeat(8);

    private ConsoleReport() {
    }

    /** The lines of one case: its result line, then its log and error lines in the order they happened. */
    public static List<String> lines(CaseResult result) {
        List<String> out = new ArrayList<>();
        out.add("-- " + label(result.status()) + ": " + result.testCase().name() + " (" + duration(result.duration()) + ")");
        for (ReportLine line : result.lines()) {
            String where = "    " + line.at().fileName() + ":" + line.at().line() + ":";
            String[] text = line.message().split("\r?\n", -1);
            if (line instanceof ReportLine.Log) {
                out.add(where + " " + text[0]);
                for (int i = 1; i < text.length; i++) {
                    out.add(LOG_CONTINUATION + text[i]);
                }
            } else {
                out.add(where);
                out.add(ERROR_PREFIX + text[0]);
                for (int i = 1; i < text.length; i++) {
                    out.add(ERROR_CONTINUATION + text[i]);
                }
            }
        }
        return out;
    }

    /** The last line of a run: {@code PASS} or {@code FAIL}. */
    public static String runResult(RunSummary summary) {
        return summary.ok() ? "PASS" : "FAIL";
    }

    /**
     * Atlas's duration text: whole microseconds below a millisecond ({@code 565µs}, with U+00B5), whole
     * milliseconds below a second ({@code 12ms}), else seconds to the millisecond without trailing zeros
     * ({@code 1.5s}, {@code 12.034s}).
     */
    public static String duration(Duration d) {
        long nanos = d.toNanos();
        if (nanos < 1_000_000L) {
            return (nanos / 1_000L) + "\u00b5s";
        }
        if (nanos < 1_000_000_000L) {
            long ms = Math.round(nanos / 1_000_000.0);
            return ms < 1000 ? ms + "ms" : "1s";
        }
        BigDecimal seconds = BigDecimal.valueOf(nanos).movePointLeft(9).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return seconds.toPlainString() + "s";
    }

    private static String label(CaseResult.Status status) {
        switch (status) {
            case PASSED:
                return "PASS";
            case FAILED:
                return "FAIL";
            default:
                return "SKIP";
        }
    }
}
