package io.atlas4j.testing;

import java.time.Duration;
import java.util.List;

/** Renders results in Atlas's console format ({@code -- PASS: name (565µs)}, ...). */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    /** The lines of one case: its result line, then its log and error lines. */
    public static List<String> lines(CaseResult result) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Atlas's duration text: {@code 565µs}, {@code 12ms}, {@code 1.5s}. */
    public static String duration(Duration d) {
        throw new UnsupportedOperationException("TODO");
    }
}
