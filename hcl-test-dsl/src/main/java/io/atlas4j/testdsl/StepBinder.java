package io.atlas4j.testdsl;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.hcl.Attribute;
import io.atlas4j.hcl.Block;
import io.atlas4j.hcl.EvalContext;
import io.atlas4j.hcl.Expressions;
import io.atlas4j.hcl.Evaluator;
import io.atlas4j.hcl.Value;
import io.atlas4j.hcl.Values;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.source.SourceRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates the step blocks of one case (one {@code for_each} row) for a {@link CaseScope}. The blocks'
 * shapes were checked by the reader; this binds values and checks them (types, enums, regexps).
 */
final class StepBinder {

    private static final Set<String> SCOPE_ROOTS = Set.of("self", "testing");

    private final Block test;
    private final EvalContext context;
    private final boolean usesScope;
    private volatile List<Step> scopeFree;

    StepBinder(Block test, EvalContext context) {
        this.test = test;
        this.context = context;
        this.usesScope = test.body().blocks().stream()
                .flatMap(b -> b.body().attributes().stream())
                .flatMap(a -> Expressions.references(a.expression()).stream())
                .anyMatch(path -> !path.isEmpty() && SCOPE_ROOTS.contains(path.get(0)));
    }

    /**
     * The steps for a running case. Steps that never read {@code self} are the same for every scope, so
     * they are evaluated once and shared (they are immutable records).
     *
     * @throws DiagnosticException with every problem of every step
     */
    List<Step> steps(CaseScope scope) {
        if (usesScope) {
            return evaluate(scope);
        }
        List<Step> steps = scopeFree;
        if (steps == null) {
            steps = evaluate(scope);
            scopeFree = steps;
        }
        return steps;
    }

    private List<Step> evaluate(CaseScope scope) {
        Map<String, Value> self = new LinkedHashMap<>();
        self.put("dev_url", Value.of(scope.devUrl()));
        self.put("name", Value.of(scope.name()));
        self.put("file", Value.of(scope.file()));
        Value selfValue = new Value.Obj(self);
        // Atlas's older documents call the scope object `testing`; both names work.
        EvalContext ctx = context.withVariable("self", selfValue).withVariable("testing", selfValue);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (Block block : test.body().blocks()) {
            try {
                steps.add(bind(block, ctx));
            } catch (DiagnosticException e) {
                diagnostics.addAll(e.diagnostics());
            }
        }
        if (!diagnostics.isEmpty()) {
            throw new DiagnosticException(diagnostics);
        }
        return List.copyOf(steps);
    }

    private static Step bind(Block b, EvalContext ctx) {
        switch (b.type()) {
            case "exec":
                checkExclusive(b);
                return new Step.Exec(b.range(), sqlRange(b), string(b, "sql", ctx), format(b, ctx), expectation(b, ctx));
            case "catch":
                return new Step.Catch(b.range(), sqlRange(b), string(b, "sql", ctx), optional(b, "error", ctx));
            case "assert":
                return new Step.Assert(b.range(), sqlRange(b), string(b, "sql", ctx), optional(b, "error_message", ctx));
            case "log":
                return new Step.Log(b.range(), string(b, "message", ctx));
            case "cleanup":
                return new Step.Cleanup(b.range(), sqlRange(b), string(b, "sql", ctx));
            case "external":
                checkExclusive(b);
                return new Step.External(b.range(), program(b, ctx), optional(b, "working_dir", ctx), expectation(b, ctx));
            case "migrate":
                return new Step.Migrate(b.range(), string(b, "to", ctx));
            default:
                throw new IllegalStateException("unchecked step block " + b.type());
        }
    }

    private static void checkExclusive(Block b) {
        if (b.body().attribute("output").isPresent() && b.body().attribute("match").isPresent()) {
            throw new DiagnosticException(new Diagnostic(b.body().attribute("match").get().range(),
                    b.type() + " block sets both output and match; they are mutually exclusive: keep one"));
        }
    }

    private static Step.Format format(Block b, EvalContext ctx) {
        Attribute a = b.body().attribute("format").orElse(null);
        if (a == null) {
            return Step.Format.CSV;
        }
        String word = TestFileReader.keyword(a.expression());
        if (word == null) {
            word = Values.asString(Evaluator.evaluate(a.expression(), ctx), a.expression().range());
        }
        switch (word) {
            case "csv":
                return Step.Format.CSV;
            case "table":
                return Step.Format.TABLE;
            default:
                throw new DiagnosticException(new Diagnostic(a.expression().range(),
                        "format must be csv or table, got \"" + word + "\""));
        }
    }

    private static Step.Expectation expectation(Block b, EvalContext ctx) {
        Optional<String> output = optional(b, "output", ctx);
        if (output.isPresent()) {
            return new Step.OutputExpectation(output.get());
        }
        Attribute match = b.body().attribute("match").orElse(null);
        if (match == null) {
            return new Step.NoExpectation();
        }
        String regexp = Values.asString(Evaluator.evaluate(match.expression(), ctx), match.expression().range());
        try {
            return new Step.MatchExpectation(Pattern.compile(regexp));
        } catch (PatternSyntaxException e) {
            throw new DiagnosticException(new Diagnostic(match.expression().range(),
                    "invalid match regexp \"" + regexp + "\": " + e.getDescription()));
        }
    }

    private static List<String> program(Block b, EvalContext ctx) {
        Attribute a = b.body().attribute("program").orElseThrow();
        SourceRange at = a.expression().range();
        List<String> program = new ArrayList<>();
        for (Value v : Values.asList(Evaluator.evaluate(a.expression(), ctx), at)) {
            program.add(Values.asString(v, at));
        }
        if (program.isEmpty()) {
            throw new DiagnosticException(new Diagnostic(at,
                    "program must name the executable first, then its arguments: program = [\"echo\", \"hello\"]"));
        }
        return program;
    }

    private static String string(Block b, String name, EvalContext ctx) {
        Attribute a = b.body().attribute(name).orElseThrow();
        return Values.asString(Evaluator.evaluate(a.expression(), ctx), a.expression().range());
    }

    private static Optional<String> optional(Block b, String name, EvalContext ctx) {
        return b.body().attribute(name).map(a -> Values.asString(Evaluator.evaluate(a.expression(), ctx),
                a.expression().range()));
    }

    private static SourceRange sqlRange(Block b) {
        return b.body().attribute("sql").map(a -> TestFileReader.textStart(a.expression())).orElse(b.range());
    }
}
