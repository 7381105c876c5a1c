package io.atlas4j.sql;

import io.atlas4j.source.SourceRange;

/**
 * One statement split out of a {@link SqlScript}.
 *
 * @param text the statement without its terminating delimiter, trimmed
 * @param range where it stands in the source file
 */
public record SqlStatement(String text, SourceRange range) {
}
