package io.atlas4j.error;

import io.atlas4j.source.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/** Input files are invalid; carries every problem found, not just the first. */
public class DiagnosticException extends Atlas4jException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public DiagnosticException(List<Diagnostic> diagnostics) {
        super(ErrorCode.CONFIGURATION, render(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public DiagnosticException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String render(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("no diagnostics");
        }
        return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
