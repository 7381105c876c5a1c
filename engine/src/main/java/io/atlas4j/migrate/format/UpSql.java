package io.atlas4j.migrate.format;

import io.atlas4j.source.SourceRange;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The up migration of a file: the SQL to execute, as one or more parts with their place in the file.
 *
 * @param parts the parts in file order; empty when the file has no up section
 */
public record UpSql(List<Part> parts) {

    /**
     * A run of lines of the file.
     *
     * @param text the lines, joined with {@code \n}
     * @param line the 1-based line of the file where {@code text} starts
     * @param single whether the part is one statement as it stands (goose {@code StatementBegin/End}, a
     *     liquibase changeset with {@code splitStatements:false}); otherwise it is split like any SQL
     */
    public record Part(String text, int line, boolean single) {

        public Part {
            Objects.requireNonNull(text, "text");
            if (line < 1) {
                throw new IllegalArgumentException("line must be 1 or more: " + line);
            }
        }

        /** The part as a script of {@code source}, starting at its line, to split. */
        public SqlScript script(URI source) {
            return new SqlScript(source, text, line, 1);
        }

        /** The part as one statement of {@code source} (trimmed, its delimiter kept), for a {@link #single()} part. */
        public SqlStatement statement(URI source) {
            String trimmed = text.strip();
            int lead = text.indexOf(trimmed);
            String before = text.substring(0, Math.max(lead, 0));
            int startLine = line + count(before, '\n');
            int startColumn = before.length() - (before.lastIndexOf('\n') + 1) + 1;
            int endLine = startLine + count(trimmed, '\n');
            int lastNl = trimmed.lastIndexOf('\n');
            int endColumn = lastNl < 0 ? startColumn + trimmed.length() : trimmed.length() - lastNl;
            return new SqlStatement(trimmed, new SourceRange(source, startLine, startColumn, endLine, endColumn));
        }

        private static int count(String s, char c) {
            return (int) s.chars().filter(ch -> ch == c).count();
        }
    }

    public UpSql {
        parts = List.copyOf(parts);
    }

    /** The whole file as one part to split (Atlas, golang-migrate up files, flyway). */
    public static UpSql whole(String text) {
        return new UpSql(List.of(new Part(text, 1, false)));
    }

    /**
     * The SQL as text: a whole file's text as it is ({@link #whole(String)}); otherwise the parts' texts, each
     * ending with a newline (empty for no parts).
     */
    public String text() {
        if (parts.size() == 1 && parts.get(0).line() == 1 && !parts.get(0).single()) {
            return parts.get(0).text();
        }
        return parts.stream().map(p -> p.text().endsWith("\n") ? p.text() : p.text() + "\n").collect(Collectors.joining());
    }
}
