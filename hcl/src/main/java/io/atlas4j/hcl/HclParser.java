package io.atlas4j.hcl;

import java.net.URI;
import java.util.Objects;

/**
 * Parses HCL native syntax into an {@link HclFile} with a source range on every node.
 *
 * <p>Our own front end: hcl4j's parser loses block order and positions and its lexer mis-reads several
 * constructs Atlas files use (see {@code README-hcl4j.md}).
 */
public final class HclParser {

    private HclParser() {
    }

    /**
     * Parses a whole file.
     *
     * @throws io.atlas4j.error.DiagnosticException carrying all syntax errors found ({@code file:line:col})
     */
    public static HclFile parse(URI uri, String text) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(text, "text");
        return new Parser(uri, text).parseFile();
    }
}
