package io.atlas4j.migrate.format;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flyway SQL file name, {@code <prefix><version>[__<description>].sql}: {@code V} versioned,
 * {@code B} baseline, {@code U} undo, {@code R} repeatable (no version).
 *
 * @param prefix {@code V}, {@code B}, {@code U} or {@code R}
 * @param version the version with {@code _} written as {@code .} (flyway treats them alike); empty for {@code R}
 * @param description the text after {@code __}, empty without one
 */
record FlywayName(char prefix, String version, String description) {

    // Version: digits separated by '.' or '_'; the description starts at the first "__".
    private static final Pattern NAME = Pattern.compile("([VBU])(\\d+(?:[._]\\d+)*)(?:__(.*))?\\.sql|R__(.*)\\.sql");

    /**
     * Orders flyway versions numerically part by part ({@code 1.9 < 1.10}); missing parts count as 0, so
     * {@code 1} and {@code 1.0} are equal. Parts that are not numbers compare as strings.
     */
    static final Comparator<String> VERSION_ORDER = FlywayName::compareVersions;

    /** The parsed name, or empty when {@code fileName} is not a flyway SQL migration name. */
    static Optional<FlywayName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1) == null) {
            return Optional.of(new FlywayName('R', "", m.group(4)));
        }
        String description = m.group(3) == null ? "" : m.group(3);
        return Optional.of(new FlywayName(m.group(1).charAt(0), m.group(2).replace('_', '.'), description));
    }

    /** Versioned and baseline files are migrations; undo and repeatable files are not. */
    boolean migration() {
        return prefix == 'V' || prefix == 'B';
    }

    boolean baseline() {
        return prefix == 'B';
    }

    private static int compareVersions(String a, String b) {
        String[] pa = a.split("[._]");
        String[] pb = b.split("[._]");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            String x = i < pa.length ? pa[i] : "0";
            String y = i < pb.length ? pb[i] : "0";
            int c = comparePart(x, y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int comparePart(String x, String y) {
        boolean nx = !x.isEmpty() && x.chars().allMatch(Character::isDigit);
        boolean ny = !y.isEmpty() && y.chars().allMatch(Character::isDigit);
        if (nx && ny) {
            return new BigInteger(x).compareTo(new BigInteger(y));
        }
        return x.compareTo(y);
    }
}
