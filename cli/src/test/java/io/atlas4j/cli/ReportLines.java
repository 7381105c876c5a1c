package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact assertions on console reports. An expected line is literal text except for two placeholders:
 * {@code <d>} stands for an Atlas duration ({@code 0µs}, {@code 12ms}, {@code 1.5s}) and {@code <*>} for
 * any text.
 */
final class ReportLines {

    /** Atlas's duration text: whole µs (U+00B5) below 1ms, whole ms below 1s, else seconds. */
    static final String DURATION = "(?:\\d{1,3}\u00b5s|\\d{1,3}ms|\\d+(?:\\.\\d{1,3})?s)";

    private static final Pattern PLACEHOLDER = Pattern.compile("<d>|<\\*>");

    private ReportLines() {
    }

    /** The line printed after a failing step's location: 16 spaces, {@code Error:}, 10 spaces, message. */
    static String error(String message) {
        return " ".repeat(16) + "Error:" + " ".repeat(10) + message;
    }

    /** A log line or an error location: 4 spaces and the text. */
    static String indented(String text) {
        return "    " + text;
    }

    /** The regular expression an expected line stands for. */
    static Pattern pattern(String expected) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(expected);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(expected.substring(last, m.start())));
            regex.append(m.group().equals("<d>") ? DURATION : ".*");
            last = m.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        return Pattern.compile(regex.toString());
    }

    /** Asserts that {@code actual} has exactly the expected lines, in order. */
    static void assertLines(CliResult result, String... expected) {
        List<String> actual = result.outLines();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < Math.max(actual.size(), expected.length); i++) {
            String a = i < actual.size() ? actual.get(i) : "<missing>";
            String e = i < expected.length ? expected[i] : "<none>";
            if (i >= actual.size() || i >= expected.length || !pattern(e).matcher(a).matches()) {
                mismatches.add("line " + (i + 1) + ": expected [" + e + "] but was [" + a + "]");
            }
        }
        assertThat(mismatches).as("report lines of%n%s", result).isEmpty();
    }

    /** Whether {@code line} matches the expected line {@code expected}. */
    static boolean matches(String expected, String line) {
        return pattern(expected).matcher(line).matches();
    }
}
