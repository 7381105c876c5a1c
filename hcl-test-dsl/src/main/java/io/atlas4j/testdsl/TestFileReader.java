package io.atlas4j.testdsl;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.hcl.Attribute;
import io.atlas4j.hcl.Block;
import io.atlas4j.hcl.Body;
import io.atlas4j.hcl.EvalContext;
import io.atlas4j.hcl.Evaluator;
import io.atlas4j.hcl.Expression;
import io.atlas4j.hcl.Expressions;
import io.atlas4j.hcl.HclFile;
import io.atlas4j.hcl.HclParser;
import io.atlas4j.hcl.HclType;
import io.atlas4j.hcl.Locals;
import io.atlas4j.hcl.Value;
import io.atlas4j.hcl.Values;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.source.SourceRange;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a {@code *.test.hcl} file into {@link TestCase}s: checks every block against its shape, binds
 * variables and locals, expands {@code for_each}, and evaluates every step once with a placeholder
 * {@code self}, so that every load error is reported, with its position, before any case runs.
 */
public final class TestFileReader {

    private static final Set<String> TOP_LEVEL = Set.of("test", "variable", "locals");
    private static final BlockShape VARIABLE = new BlockShape("variable block", Set.of(),
            Set.of("type", "default", "description"), Set.of());
    private static final Set<String> COMMON_STEPS = Set.of("exec", "catch", "assert", "log", "external", "cleanup");
    private static final BlockShape TEST_SCHEMA = new BlockShape("test \"schema\" block", Set.of(),
            Set.of("skip", "parallel", "for_each"), COMMON_STEPS);
    private static final BlockShape TEST_MIGRATE = new BlockShape("test \"migrate\" block", Set.of(),
            Set.of("skip", "for_each"), union(COMMON_STEPS, Set.of("migrate")));
    private static final Map<String, BlockShape> STEPS = Map.of(
            "exec", new BlockShape("exec block", Set.of("sql"), Set.of("format", "output", "match"), Set.of()),
            "catch", new BlockShape("catch block", Set.of("sql"), Set.of("error"), Set.of()),
            "assert", new BlockShape("assert block", Set.of("sql"), Set.of("error_message"), Set.of()),
            "log", new BlockShape("log block", Set.of("message"), Set.of(), Set.of()),
            "cleanup", new BlockShape("cleanup block", Set.of("sql"), Set.of(), Set.of()),
            "external", new BlockShape("external block", Set.of("program"), Set.of("working_dir", "output", "match"),
                    Set.of()),
            "migrate", new BlockShape("migrate block", Set.of("to"), Set.of(), Set.of()));

    private TestFileReader() {
    }

    /**
     * Reads a test file.
     *
     * @param uri where the text came from (positions name it)
     * @param text the file's content
     * @param baseDir where {@code file()} and other relative paths resolve
     * @param vars values for the file's {@code variable}s (strings from {@code --var} are converted to the
     *     declared type)
     * @throws DiagnosticException with every problem found
     */
    public static TestFile read(URI uri, String text, Path baseDir, Map<String, Value> vars) {
        HclFile file = HclParser.parse(uri, text);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Body body = file.body();
        for (Attribute a : body.attributes()) {
            diagnostics.add(new Diagnostic(a.range(), "unexpected attribute \"" + a.name()
                    + "\" at the top level of a test file; it holds test, variable and locals blocks"));
        }
        for (Block b : body.blocks()) {
            if (!TOP_LEVEL.contains(b.type())) {
                diagnostics.add(new Diagnostic(b.range(), "unsupported block \"" + b.type()
                        + "\" in a test file; expected one of: locals, test, variable"));
            }
        }
        EvalContext base = EvalContext.create(baseDir);
        EvalContext context = base.withVariable("var", new Value.Obj(variables(body, base, vars, diagnostics)));
        try {
            context = context.withVariable("local", new Value.Obj(Locals.evaluate(body.blocks("locals"), context)));
        } catch (DiagnosticException e) {
            diagnostics.addAll(e.diagnostics());
        }
        List<TestCase> cases = new ArrayList<>();
        for (Block test : body.blocks("test")) {
            readTest(test, context, uri, diagnostics, cases);
        }
        if (!diagnostics.isEmpty()) {
            throw new DiagnosticException(diagnostics);
        }
        return new TestFile(uri, cases);
    }

    private static Map<String, Value> variables(Body body, EvalContext context, Map<String, Value> given,
                                                List<Diagnostic> diagnostics) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Block variable : body.blocks("variable")) {
            VARIABLE.check(variable, diagnostics);
            if (variable.labels().size() != 1) {
                diagnostics.add(new Diagnostic(variable.range(),
                        "variable block needs exactly one label, its name: variable \"name\" { ... }"));
                continue;
            }
            String name = variable.labels().get(0);
            try {
                HclType type = variable.body().attribute("type").map(a -> HclType.parse(a.expression())).orElse(null);
                Value value = given.get(name);
                if (value == null) {
                    Attribute def = variable.body().attribute("default").orElse(null);
                    if (def == null) {
                        diagnostics.add(new Diagnostic(variable.range(), "missing value for variable \"" + name
                                + "\": pass --var " + name + "=VALUE, set it in the test block of atlas.hcl (vars),"
                                + " or give it a default"));
                        continue;
                    }
                    value = Evaluator.evaluate(def.expression(), context);
                }
                values.put(name, type == null ? value : type.convert(value, variable.range()));
            } catch (DiagnosticException e) {
                diagnostics.addAll(e.diagnostics());
            }
        }
        return values;
    }

    private static void readTest(Block test, EvalContext context, URI uri, List<Diagnostic> diagnostics,
                                 List<TestCase> cases) {
        if (test.labels().size() != 2) {
            diagnostics.add(new Diagnostic(test.range(),
                    "test block needs two labels, the kind and the name: test \"schema\" \"name\" { ... }"));
            return;
        }
        String kindLabel = test.labels().get(0);
        TestKind kind;
        if ("schema".equals(kindLabel)) {
            kind = TestKind.SCHEMA;
        } else if ("migrate".equals(kindLabel)) {
            kind = TestKind.MIGRATE;
        } else if ("plan".equals(kindLabel) || "script".equals(kindLabel)) {
            return; // newer Atlas kinds: loaded without error, run by other commands
        } else {
            diagnostics.add(new Diagnostic(test.labelRanges().get(0), "unknown test kind \"" + kindLabel
                    + "\"; expected \"schema\" or \"migrate\""));
            return;
        }
        int before = diagnostics.size();
        (kind == TestKind.SCHEMA ? TEST_SCHEMA : TEST_MIGRATE).check(test, diagnostics);
        for (Block step : test.body().blocks()) {
            BlockShape shape = STEPS.get(step.type());
            if (shape != null && (kind == TestKind.MIGRATE || !"migrate".equals(step.type()))) {
                shape.check(step, diagnostics);
            } else if ("script".equals(step.type())) {
                diagnostics.add(new Diagnostic(step.range(),
                        "script steps are not supported by Atlas4J; use exec, catch or assert blocks"));
            }
        }
        if (diagnostics.size() > before) {
            return;
        }
        String name = test.labels().get(1);
        List<Row> rows;
        try {
            rows = rows(test, context);
        } catch (DiagnosticException e) {
            diagnostics.addAll(e.diagnostics());
            return;
        }
        for (Row row : rows) {
            EvalContext rowContext = row.each == null ? context : context.withVariable("each", row.each);
            String caseName = row.suffix == null ? name : name + "/" + row.suffix;
            try {
                boolean skip = bool(test.body(), "skip", rowContext);
                boolean parallel = bool(test.body(), "parallel", rowContext);
                StepBinder binder = new StepBinder(test, rowContext);
                // Evaluate once now so every error is a load error; again per case with the real self.
                binder.steps(CaseScope.placeholder(caseName, fileOf(uri)));
                cases.add(new TestCase(kind, caseName, name, row.suffix, test.range(), skip, parallel, binder::steps));
            } catch (DiagnosticException e) {
                diagnostics.addAll(e.diagnostics());
                return;
            }
        }
    }

    /** One {@code for_each} row: {@code each} and the name suffix; both null without {@code for_each}. */
    private static final class Row {
        final Value each;
        final String suffix;

        Row(Value each, String suffix) {
            this.each = each;
            this.suffix = suffix;
        }
    }

    private static List<Row> rows(Block test, EvalContext context) {
        Attribute forEach = test.body().attribute("for_each").orElse(null);
        if (forEach == null) {
            return List.of(new Row(null, null));
        }
        Value collection = Evaluator.evaluate(forEach.expression(), context);
        List<Row> rows = new ArrayList<>();
        if (collection instanceof Value.ListV) {
            List<Value> items = ((Value.ListV) collection).items();
            for (int i = 0; i < items.size(); i++) {
                rows.add(new Row(each(new Value.Num(BigDecimal.valueOf(i)), items.get(i)), String.valueOf(i + 1)));
            }
        } else if (collection instanceof Value.SetV) {
            List<Value> items = ((Value.SetV) collection).items();
            for (int i = 0; i < items.size(); i++) {
                rows.add(new Row(each(items.get(i), items.get(i)), String.valueOf(i + 1)));
            }
        } else if (collection instanceof Value.Obj) {
            // Maps iterate in lexical key order, as HCL does.
            new TreeMap<>(((Value.Obj) collection).entries())
                    .forEach((k, v) -> rows.add(new Row(each(Value.of(k), v), k)));
        } else {
            throw new DiagnosticException(new Diagnostic(forEach.expression().range(),
                    "for_each must be a list, a set or a map, got " + collection.typeName()));
        }
        return rows;
    }

    private static Value each(Value key, Value value) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value);
        return new Value.Obj(m);
    }

    private static boolean bool(Body body, String name, EvalContext context) {
        Attribute a = body.attribute(name).orElse(null);
        return a != null && Values.asBool(Evaluator.evaluate(a.expression(), context), a.expression().range());
    }

    static String fileOf(URI uri) {
        return "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** Where a string attribute's text starts in the file: after the quote, or on the line after a heredoc marker. */
    static SourceRange textStart(Expression e) {
        SourceRange r = e.range();
        if (e instanceof Expression.TemplateExpr && ((Expression.TemplateExpr) e).heredoc()) {
            return SourceRange.at(r.uri(), r.line() + 1, 1);
        }
        if (e instanceof Expression.TemplateExpr) {
            return SourceRange.at(r.uri(), r.line(), r.column() + 1);
        }
        return r;
    }

    static String keyword(Expression e) {
        return Expressions.keyword(e).orElse(null);
    }
}
