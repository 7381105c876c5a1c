package io.atlas4j.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A span of text in a source file, with 1-based lines and columns.
 *
 * <p>Shared by HCL nodes, SQL statement positions, JUnit {@code FilePosition}s and CLI messages, so
 * every layer reports positions the same way: {@code file:line:col}.
 *
 * @param uri the file ({@code file:} or {@code classpath:} URI); never null
 * @param line first line, 1-based
 * @param column first column, 1-based
 * @param endLine last line, 1-based
 * @param endColumn column just after the last character, 1-based
 */
public record SourceRange(URI uri, int line, int column, int endLine, int endColumn) {

    public SourceRange {
        Objects.requireNonNull(uri, "uri");
    }

    /** A zero-width range at one position. */
    public static SourceRange at(URI uri, int line, int column) {
        return new SourceRange(uri, line, column, line, column);
    }

    /** The smallest range covering this one and {@code other} (same file). */
    public SourceRange to(SourceRange other) {
        return new SourceRange(uri, line, column, other.endLine, other.endColumn);
    }

    /** The base name of the file: {@code a.test.hcl} for {@code file:/x/tests/a.test.hcl}. */
    public String fileName() {
        String s = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
        if (s == null) {
            return uri.toString();
        }
        int slash = s.lastIndexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    /** A path for display: relative to the working directory when the file lies below it. */
    public String displayPath() {
        if ("file".equals(uri.getScheme())) {
            Path p = Path.of(uri);
            Path cwd = Path.of("").toAbsolutePath();
            return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
        }
        String ssp = uri.getSchemeSpecificPart();
        return ssp.startsWith("/") ? ssp.substring(1) : ssp;
    }

    /** {@code path:line:col}, the prefix of every diagnostic. */
    @Override
    public String toString() {
        return displayPath() + ":" + line + ":" + column;
    }
}
