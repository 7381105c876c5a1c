package io.atlas4j.time;

import java.math.BigDecimal;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations printed as Go's {@code time.Duration.String()} prints them: {@code 1.204ms}, {@code 624.004µs}, {@code 2.5s}. */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    private GoDuration() {
    }

    /**
     * Parses a duration as Go's {@code time.ParseDuration} does: {@code 10s}, {@code 500ms}, {@code 1m30s}.
     *
     * @throws Atlas4jException (usage) {@code time: invalid duration "<text>"}
     */
    public static Duration parse(String text) {
        String s = text.strip();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            at = m.end();
        }
        if (at == 0 || at != s.length()) {
            throw new Atlas4jException(ErrorCode.USAGE, "time: invalid duration \"" + text + "\"",
                    "write a duration such as 10s, 500ms or 1m30s", null);
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static long unitNanos(String unit) {
        switch (unit) {
            case "ns":
                return 1L;
            case "ms":
                return 1_000_000L;
            case "s":
                return 1_000_000_000L;
            case "m":
                return 60_000_000_000L;
            case "h":
                return 3_600_000_000_000L;
            default:
                return 1_000L;
        }
    }

    /** Go's text for {@code d}: the largest unit below one second, else {@code [h][m]s} with the fraction trimmed. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long n = Math.abs(nanos);
        if (n < 1_000L) {
            return sign + n + "ns";
        }
        if (n < 1_000_000L) {
            return sign + fraction(n, 3) + "µs";
        }
        if (n < 1_000_000_000L) {
            return sign + fraction(n, 6) + "ms";
        }
        long hours = n / 3_600_000_000_000L;
        long minutes = n / 60_000_000_000L % 60;
        long rest = n % 60_000_000_000L;
        StringBuilder text = new StringBuilder(sign);
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        return text.append(fraction(rest, 9)).append('s').toString();
    }

    // value / 10^scale, without trailing zeros (and without a trailing point).
    private static String fraction(long value, int scale) {
        BigDecimal v = BigDecimal.valueOf(value, scale).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }
}
