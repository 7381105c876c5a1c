package io.atlas4j.config;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as Atlas (Go) writes them: {@code 500ms}, {@code 30s}, {@code 1m30s}, {@code 1.5h}.
 * Used by {@code --timeout} and {@code atlas4j.timeout}, and later by {@code lock_timeout}.
 */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|\u00b5s|ms|s|m|h)");

    private GoDuration() {
    }

    /**
     * Parses a duration.
     *
     * @throws Atlas4jException {@code USAGE} naming the text and the accepted form
     */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.strip();
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            BigDecimal amount = new BigDecimal(m.group(1));
            total = total.plusNanos(amount.multiply(BigDecimal.valueOf(nanosPer(m.group(2)))).longValue());
            at = m.end();
        }
        if (s.isEmpty() || at != s.length()) {
            throw new Atlas4jException(ErrorCode.USAGE, "invalid duration \"" + text + "\"",
                    "write it as a number and a unit: 500ms, 30s, 2m, 1h30m", null);
        }
        return total;
    }

    private static long nanosPer(String unit) {
        switch (unit) {
            case "ns":
                return 1L;
            case "us":
            case "\u00b5s":
                return 1_000L;
            case "ms":
                return 1_000_000L;
            case "s":
                return 1_000_000_000L;
            case "m":
                return 60_000_000_000L;
            default:
                return 3_600_000_000_000L;
        }
    }
}
