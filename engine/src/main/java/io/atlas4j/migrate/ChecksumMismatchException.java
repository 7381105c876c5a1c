package io.atlas4j.migrate;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * A migration directory does not match its {@code atlas.sum}: the file is missing, malformed, or a
 * migration file was added, edited or removed since it was written.
 *
 * <p>The message is Atlas's error text ({@code checksum mismatch}, {@code checksum file not found},
 * {@code checksum file format invalid}); the hint names the file and what to do. {@link #report()} is the
 * paragraph Atlas prints on standard output before the error.
 */
public final class ChecksumMismatchException extends Atlas4jException {

    private static final long serialVersionUID = 1L;

    /** What the command to fix it is called in hints and reports. */
    public static final String REHASH_COMMAND = "atlas4j migrate hash";

    private final Kind kind;
    private final transient Mismatch mismatch;

    /** The closed set of integrity problems, each with Atlas's error text. */
    public enum Kind {
        /** The directory has migration files but no {@code atlas.sum}. */
        SUM_FILE_NOT_FOUND("checksum file not found"),
        /** A line of {@code atlas.sum} after the first has no {@code h1:} hash. */
        FORMAT_INVALID("checksum file format invalid"),
        /** The sums differ, or the total line of {@code atlas.sum} does not match its own entries. */
        MISMATCH("checksum mismatch");

        private final String message;

        Kind(String message) {
            this.message = message;
        }

        /** Atlas's error text for this problem. */
        public String message() {
            return message;
        }
    }

    /** How a located file differs from its {@code atlas.sum} entry. */
    public enum Reason {
        ADDED("added"), EDITED("edited"), REMOVED("removed");

        private final String word;

        Reason(String word) {
            this.word = word;
        }

        /** The word Atlas prints: {@code added}, {@code edited} or {@code removed}. */
        public String word() {
            return word;
        }
    }

    /**
     * The first difference between {@code atlas.sum} and the directory.
     *
     * @param line the line of {@code atlas.sum} (line 1 is the total, so entry {@code i} is line {@code i + 2})
     * @param file the migration file that was added, edited or removed
     * @param reason what happened to it
     */
    public record Mismatch(int line, String file, Reason reason) {

        public Mismatch {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }

        /** Atlas's wording: {@code L3: 2_second.sql was added}. */
        @Override
        public String toString() {
            return "L" + line + ": " + file + " was " + reason.word();
        }
    }

    private ChecksumMismatchException(Kind kind, Mismatch mismatch, String hint) {
        super(ErrorCode.CHECKSUM_MISMATCH, kind.message(), hint, null);
        this.kind = kind;
        this.mismatch = mismatch;
    }

    /** {@code dir} has migration files but no {@code atlas.sum}. */
    public static ChecksumMismatchException sumFileNotFound(String dir) {
        return new ChecksumMismatchException(Kind.SUM_FILE_NOT_FOUND, null,
                dir + " has no atlas.sum: run '" + REHASH_COMMAND + "' to create it");
    }

    /** Line {@code line} of {@code sumFile} has no {@code h1:} hash. */
    public static ChecksumMismatchException formatInvalid(String sumFile, int line) {
        return new ChecksumMismatchException(Kind.FORMAT_INVALID, null,
                sumFile + ":" + line + " has no h1: hash: run '" + REHASH_COMMAND + "' to re-hash the contents");
    }

    /** The total on line 1 of {@code sumFile} does not match the entries below it (a hand-edited file). */
    public static ChecksumMismatchException totalMismatch(String sumFile) {
        return new ChecksumMismatchException(Kind.MISMATCH, null,
                "the total on line 1 of " + sumFile + " does not match its entries: check the migration files "
                        + "and run '" + REHASH_COMMAND + "' to re-hash the contents");
    }

    /** The directory {@code dir} differs from its {@code atlas.sum} first at {@code mismatch}. */
    public static ChecksumMismatchException mismatch(String dir, Mismatch mismatch) {
        return new ChecksumMismatchException(Kind.MISMATCH, Objects.requireNonNull(mismatch, "mismatch"),
                mismatch + " (" + dir + "): check the migration files and run '" + REHASH_COMMAND
                        + "' to re-hash the contents");
    }

    /** Which problem this is. */
    public Kind kind() {
        return kind;
    }

    /** The first differing file, when the directory and a well-formed {@code atlas.sum} differ. */
    public Optional<Mismatch> mismatch() {
        return Optional.ofNullable(mismatch);
    }

    /**
     * The paragraph Atlas prints on standard output before {@code Error: <message>}, ending with an empty
     * line: the heading, the located difference (a tab, then {@code L<n>: <file> was <reason>}) when there
     * is one, and the advice to re-hash.
     */
    public String report() {
        StringBuilder text = new StringBuilder("You have a checksum error in your migration directory.\n\n");
        if (mismatch != null) {
            text.append('\t').append(mismatch).append("\n\n");
        }
        text.append("Please check your migration files and run '").append(REHASH_COMMAND)
                .append("' to re-hash the contents\n\n");
        return text.toString();
    }
}
