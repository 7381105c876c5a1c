package io.atlas4j.testing.output;

import io.atlas4j.testdsl.Step;
import java.util.Objects;

/**
 * Decides whether a rendered result satisfies an expected {@code output}.
 *
 * <p>Both sides are first stripped of CR and LF at both ends (so a heredoc's final newline is harmless)
 * and compared exactly. If that fails and {@code strict} is off, a tolerant comparison follows:
 * <ul>
 *   <li>{@code csv}: both sides are parsed as CSV (fields split on unquoted commas, blanks around
 *       fields dropped), so {@code Ada,Lovelace} equals {@code Ada, Lovelace};</li>
 *   <li>{@code table}: blank lines and the separator line are dropped, lines are split on {@code |}
 *       and cells trimmed, so padding does not matter; header names, row count and cells must agree.</li>
 * </ul>
 * No numeric normalisation happens: {@code 15} does not equal {@code 15.00}.
 */
public final class OutputComparator {

    private OutputComparator() {
    }

    /**
     * Whether {@code actual}, rendered in {@code format}, equals {@code expected}.
     *
     * @param strict true for plain equality after newline trimming ({@code --strict-output})
     */
    public static boolean matches(Step.Format format, String expected, ResultTable actual, boolean strict) {
        Objects.requireNonNull(expected, "expected");
        String want = trimNewlines(expected);
        String got = trimNewlines(render(format, actual));
        if (want.equals(got)) {
            return true;
        }
        if (strict) {
            return false;
        }
        return switch (format) {
            case CSV -> CsvFormat.parse(want).equals(CsvFormat.parse(got));
            case TABLE -> TableFormat.cells(want).equals(TableFormat.cells(got));
        };
    }

    /** Whether a program's stdout equals {@code expected}: plain equality after newline trimming. */
    public static boolean matchesText(String expected, String actualText) {
        return trimNewlines(expected).equals(trimNewlines(actualText));
    }

    /** The rendering of {@code t} in {@code format}: what {@code output} and {@code match} are checked against. */
    public static String render(Step.Format format, ResultTable t) {
        return switch (format) {
            case CSV -> CsvFormat.render(t);
            case TABLE -> TableFormat.render(t);
        };
    }

    /** Removes CR and LF, and only those, from both ends. */
    static String trimNewlines(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isNewline(s.charAt(from))) {
            from++;
        }
        while (to > from && isNewline(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }
}
