package io.atlas4j.hcl;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.source.Diagnostic;
import java.net.URI;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Test helpers: parse snippets as {@code t.hcl}, evaluate one expression, render diagnostics. */
final class Hcl {

    static final URI URI_T = URI.create("mem:/t.hcl");

    private Hcl() {
    }

    static HclFile parse(String text) {
        return HclParser.parse(URI_T, text);
    }

    /** The expression of {@code x = <expr>}. */
    static Expression expr(String expr) {
        return parse("x = " + expr + "\n").body().attribute("x").orElseThrow().expression();
    }

    static Value eval(String expr) {
        return eval(expr, EvalContext.create(Path.of(".")));
    }

    static Value eval(String expr, EvalContext ctx) {
        return Evaluator.evaluate(expr(expr), ctx);
    }

    /** All diagnostics of the failure, one {@code file:line:col: message} per line. */
    static String messages(DiagnosticException e) {
        return e.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
