package io.atlas4j.sql;

import java.net.URI;
import java.util.Objects;

/**
 * SQL text and where it came from, so statements split out of it can report their file and line.
 *
 * @param source the file (or a synthetic URI for inline SQL)
 * @param text the whole text
 * @param line the line in {@code source} where {@code text} starts (1 for a whole file; the line of a
 *     heredoc body for SQL embedded in HCL)
 * @param column the column in {@code source} where {@code text} starts
 */
public record SqlScript(URI source, String text, int line, int column) {

    public SqlScript {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }

    /** A whole file. */
    public static SqlScript of(URI source, String text) {
        return new SqlScript(source, text, 1, 1);
    }
}
