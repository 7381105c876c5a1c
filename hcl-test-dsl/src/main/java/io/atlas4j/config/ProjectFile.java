package io.atlas4j.config;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.hcl.Attribute;
import io.atlas4j.hcl.Block;
import io.atlas4j.hcl.Body;
import io.atlas4j.hcl.EvalContext;
import io.atlas4j.hcl.Evaluator;
import io.atlas4j.hcl.HclFile;
import io.atlas4j.hcl.HclParser;
import io.atlas4j.hcl.HclType;
import io.atlas4j.hcl.Locals;
import io.atlas4j.hcl.Value;
import io.atlas4j.hcl.Values;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Atlas's project file ({@code atlas.hcl}) as far as the test commands need it: variables, locals,
 * the selected env (Atlas's partial evaluation: other envs are never evaluated, so their errors do not
 * surface) and the {@code test} blocks.
 *
 * @param file the project file
 * @param globalTest the top-level {@code test} block, if any
 * @param env the selected env, if {@code --env} was given
 */
public record ProjectFile(Path file, Optional<TestBlock> globalTest, Optional<EnvConfig> env) {

    /** The {@code test} block that applies: the env's own, else the top-level one (never merged). */
    public Optional<TestBlock> testBlock() {
        return env.flatMap(EnvConfig::test).or(() -> globalTest);
    }

    /**
     * Loads a project file.
     *
     * @param file the file
     * @param envName the env to select, or null for the global blocks only
     * @param cliVars {@code --var} values (a repeated name gives a list)
     * @param workingDir where scheme-less {@code src} paths resolve
     * @throws Atlas4jException with Atlas's messages ({@code env "x" not defined in config file}, ...)
     */
    public static ProjectFile load(Path file, String envName, Map<String, List<String>> cliVars, Path workingDir) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "config file \"" + file + "\" was not found: " + e.getMessage(),
                    "pass --config file://PATH to a project file, or create atlas.hcl", e);
        }
        HclFile hcl = HclParser.parse(file.toUri(), text);
        Body body = hcl.body();
        Path dir = file.toAbsolutePath().getParent();
        EvalContext withVars = EvalContext.create(dir)
                .withVariable("var", new Value.Obj(variables(body, EvalContext.create(dir), cliVars)))
                .withVariable("atlas", new Value.Obj(Map.of("env", envName == null ? Value.NULL : Value.of(envName))));
        EvalContext context = withVars.withVariable("local",
                new Value.Obj(Locals.evaluate(body.blocks("locals"), withVars)));
        Optional<TestBlock> global = body.blocks("test").stream().findFirst().map(b -> testBlock(b, context, dir));
        Optional<EnvConfig> env = Optional.empty();
        if (envName != null) {
            env = Optional.of(env(selectEnv(body, envName, context, file), envName, context, dir, workingDir));
        }
        return new ProjectFile(file, global, env);
    }

    private static Map<String, Value> variables(Body body, EvalContext context, Map<String, List<String>> cliVars) {
        Map<String, Value> values = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Block variable : body.blocks("variable")) {
            if (variable.labels().size() != 1) {
                diagnostics.add(new Diagnostic(variable.range(), "variable block needs exactly one label, its name"));
                continue;
            }
            String name = variable.labels().get(0);
            try {
                HclType type = variable.body().attribute("type").map(a -> HclType.parse(a.expression())).orElse(null);
                Value value;
                List<String> given = cliVars.get(name);
                if (given != null) {
                    value = given.size() == 1 ? Value.of(given.get(0))
                            : new Value.ListV(given.stream().map(Value::of).collect(java.util.stream.Collectors.toList()));
                } else if (variable.body().attribute("default").isPresent()) {
                    value = Evaluator.evaluate(variable.body().attribute("default").get().expression(), context);
                } else {
                    diagnostics.add(new Diagnostic(variable.range(), "missing value for required variable \"" + name
                            + "\": pass --var " + name + "=VALUE or give it a default"));
                    continue;
                }
                values.put(name, type == null ? value : type.convert(value, variable.range()));
            } catch (DiagnosticException e) {
                diagnostics.addAll(e.diagnostics());
            }
        }
        if (!diagnostics.isEmpty()) {
            throw new DiagnosticException(diagnostics);
        }
        return values;
    }

    private static Block selectEnv(Body body, String envName, EvalContext context, Path file) {
        List<Block> labelled = new ArrayList<>();
        List<Block> unlabelled = new ArrayList<>();
        for (Block env : body.blocks("env")) {
            if (env.labels().isEmpty()) {
                if (env.body().attribute("name").isEmpty()) {
                    throw new Atlas4jException(ErrorCode.CONFIGURATION, "all envs must have names on file \"" + file + "\"",
                            "label the block (env \"dev\" { ... }) or set name = atlas.env", null);
                }
                unlabelled.add(env);
            } else if (env.labels().get(0).equals(envName)) {
                labelled.add(env);
            }
        }
        List<Block> matches = labelled;
        if (matches.isEmpty()) {
            // Unlabelled blocks are considered only when no labelled block matched (Atlas's partial evaluation).
            matches = new ArrayList<>();
            for (Block env : unlabelled) {
                Attribute name = env.body().attribute("name").get();
                if (envName.equals(Values.asString(Evaluator.evaluate(name.expression(), context), name.expression().range()))) {
                    matches.add(env);
                }
            }
        }
        if (matches.isEmpty()) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "env \"" + envName + "\" not defined in config file",
                    "add env \"" + envName + "\" { ... } to " + file + " or pick another --env", null);
        }
        if (matches.size() > 1) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "multiple envs found for \"" + envName + "\"", null, null);
        }
        return matches.get(0);
    }

    private static EnvConfig env(Block env, String name, EvalContext context, Path dir, Path workingDir) {
        Body body = env.body();
        if (body.attribute("for_each").isPresent()) {
            throw new DiagnosticException(new Diagnostic(body.attribute("for_each").get().range(),
                    "env blocks with for_each are not supported by the test commands; select one env"));
        }
        String url = string(body, "url", context);
        String dev = string(body, "dev", context);
        List<String> src = src(body, context, workingDir);
        MigrationConfig migration = body.blocks("migration").stream().findFirst()
                .map(m -> migration(m.body(), context)).orElse(MigrationConfig.NONE);
        Optional<TestBlock> test = body.blocks("test").stream().findFirst().map(b -> testBlock(b, context, dir));
        return new EnvConfig(name, url, dev, src, migration.dir(), test, migration, strings(body, "schemas", context),
                strings(body, "exclude", context), body.blocks("diff").stream().findFirst()
                        .map(d -> diffPolicy(d.body(), context)).orElse(DiffPolicy.NONE));
    }

    private static List<String> strings(Body body, String name, EvalContext context) {
        Attribute attribute = body.attribute(name).orElse(null);
        if (attribute == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Value v : Values.asList(Evaluator.evaluate(attribute.expression(), context), attribute.expression().range())) {
            out.add(Values.asString(v, attribute.expression().range()));
        }
        return out;
    }

    private static DiffPolicy diffPolicy(Body body, EvalContext context) {
        java.util.Set<String> skip = new java.util.LinkedHashSet<>();
        for (Block b : body.blocks("skip")) {
            for (Attribute a : b.body().attributes()) {
                if (!DiffPolicy.SKIP_NAMES.contains(a.name())) {
                    throw new DiagnosticException(new Diagnostic(a.range(), "unknown diff skip option \"" + a.name()
                            + "\": expected one of " + String.join(", ", new java.util.TreeSet<>(DiffPolicy.SKIP_NAMES))));
                }
                if (bool(a, context)) {
                    skip.add(a.name());
                }
            }
        }
        boolean create = false;
        boolean drop = false;
        for (Block b : body.blocks("concurrent_index")) {
            for (Attribute a : b.body().attributes()) {
                switch (a.name()) {
                    case "add", "create" -> create = bool(a, context);
                    case "drop" -> drop = bool(a, context);
                    default -> throw new DiagnosticException(new Diagnostic(a.range(),
                            "unknown concurrent_index option \"" + a.name() + "\": expected add, create or drop"));
                }
            }
        }
        return new DiffPolicy(skip, create, drop);
    }

    private static boolean bool(Attribute a, EvalContext context) {
        Value v = Evaluator.evaluate(a.expression(), context);
        if (!(v instanceof Value.Bool b)) {
            throw new DiagnosticException(new Diagnostic(a.expression().range(), a.name() + " must be a bool, got " + v.typeName()));
        }
        return b.value();
    }

    private static MigrationConfig migration(Body body, EvalContext context) {
        String execOrder = enumValue(body, "exec_order", context, EXEC_ORDERS);
        return new MigrationConfig(string(body, "dir", context), enumValue(body, "format", context, DIR_FORMATS),
                string(body, "baseline", context), string(body, "revisions_schema", context),
                execOrder == null ? null : execOrder.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                string(body, "lock_timeout", context));
    }

    /** Atlas's {@code migration { format }} values, written as bare identifiers. */
    private static final List<String> DIR_FORMATS = List.of("atlas", "golang-migrate", "goose", "flyway", "liquibase", "dbmate");

    /** Atlas's {@code migration { exec_order }} values, written as bare identifiers. */
    private static final List<String> EXEC_ORDERS = List.of("LINEAR", "LINEAR_SKIP", "NON_LINEAR");

    /**
     * An attribute Atlas writes as a bare identifier ({@code exec_order = LINEAR_SKIP}): the identifier
     * is the value rather than a variable reference; any other expression must evaluate to one of them.
     */
    private static String enumValue(Body body, String name, EvalContext context, List<String> allowed) {
        Attribute attribute = body.attribute(name).orElse(null);
        if (attribute == null) {
            return null;
        }
        String value = attribute.expression() instanceof io.atlas4j.hcl.Expression.VariableExpr variable
                ? variable.name()
                : Values.asString(Evaluator.evaluate(attribute.expression(), context), attribute.expression().range());
        if (!allowed.contains(value)) {
            throw new DiagnosticException(new Diagnostic(attribute.expression().range(),
                    "invalid " + name + " \"" + value + "\": expected one of " + String.join(", ", allowed)));
        }
        return value;
    }

    /**
     * The project file a command names, loaded; empty when neither {@code --config} nor {@code --env} is
     * given, because Atlas then ignores any {@code atlas.hcl} (flags alone count).
     *
     * @param config the {@code --config} URL, or null ({@code file://atlas.hcl} is used with {@code --env})
     * @param envName the {@code --env} name, or null
     * @param cliVars {@code --var} values
     * @param workingDir where the config path and scheme-less {@code src} paths resolve
     * @throws Atlas4jException with Atlas's messages ({@code missing scheme for config file...},
     *     {@code env "x" not defined in config file}, ...)
     */
    public static Optional<ProjectFile> load(String config, String envName, Map<String, List<String>> cliVars, Path workingDir) {
        if (config == null && envName == null) {
            return Optional.empty();
        }
        Path dir = workingDir.toAbsolutePath().normalize();
        Path file = TestConfigResolver.configPath(config != null ? config : TestConfigResolver.DEFAULT_CONFIG, dir);
        return Optional.of(load(file, envName, cliVars, dir));
    }

    private static List<String> src(Body body, EvalContext context, Path workingDir) {
        Attribute attribute = body.attribute("src").orElse(null);
        if (attribute == null) {
            attribute = body.blocks("schema").stream().findFirst().flatMap(s -> s.body().attribute("src")).orElse(null);
        }
        if (attribute == null) {
            return List.of();
        }
        Value value = Evaluator.evaluate(attribute.expression(), context);
        List<Value> items;
        if (value instanceof Value.Str) {
            items = List.of(value);
        } else if (value instanceof Value.ListV || value instanceof Value.SetV) {
            items = Values.asList(value, attribute.expression().range());
        } else {
            throw new DiagnosticException(new Diagnostic(attribute.expression().range(),
                    "expected src to be either a string or strings, got: " + value.typeName()));
        }
        List<String> urls = new ArrayList<>();
        for (Value item : items) {
            String s = Values.asString(item, attribute.expression().range());
            urls.add(DatabaseUrl.hasScheme(s) ? s : "file://" + workingDir.resolve(s).normalize());
        }
        return urls;
    }

    private static TestBlock testBlock(Block test, EvalContext context, Path dir) {
        return new TestBlock(part(test, "schema", context, dir), part(test, "migrate", context, dir));
    }

    private static Optional<TestBlock.Part> part(Block test, String kind, EvalContext context, Path dir) {
        return test.body().blocks(kind).stream().findFirst().map(b -> {
            List<Path> src = new ArrayList<>();
            Attribute srcAttr = b.body().attribute("src").orElse(null);
            if (srcAttr != null) {
                for (Value v : Values.asList(Evaluator.evaluate(srcAttr.expression(), context), srcAttr.expression().range())) {
                    String s = Values.asString(v, srcAttr.expression().range());
                    src.add(dir.resolve(s.startsWith("file://") ? s.substring("file://".length()) : s).normalize());
                }
            }
            Map<String, Value> vars = Map.of();
            Attribute varsAttr = b.body().attribute("vars").orElse(null);
            if (varsAttr != null) {
                Value v = Evaluator.evaluate(varsAttr.expression(), context);
                if (!(v instanceof Value.Obj)) {
                    throw new DiagnosticException(new Diagnostic(varsAttr.expression().range(),
                            "vars must be a map of variable names to values, got " + v.typeName()));
                }
                vars = ((Value.Obj) v).entries();
            }
            return new TestBlock.Part(src, vars);
        });
    }

    private static String string(Body body, String name, EvalContext context) {
        return body.attribute(name)
                .map(a -> Values.asString(Evaluator.evaluate(a.expression(), context), a.expression().range()))
                .orElse(null);
    }
}
