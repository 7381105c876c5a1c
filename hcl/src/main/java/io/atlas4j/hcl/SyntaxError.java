package io.atlas4j.hcl;

import io.atlas4j.source.Diagnostic;

/** Internal: unwinds the parser to the nearest recovery point. Never escapes {@link HclParser}. */
final class SyntaxError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final transient Diagnostic diagnostic;

    SyntaxError(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }
}
