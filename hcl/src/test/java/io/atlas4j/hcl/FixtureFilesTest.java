package io.atlas4j.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Realistic Atlas files: a test file and a project file, read and evaluated as the binders will. */
class FixtureFilesTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FixtureFilesTest.class.getResource("/fixtures/" + name).toURI());
    }

    private static HclFile read(Path p) throws IOException {
        return HclParser.parse(p.toUri(), Files.readString(p));
    }

    @Test
    void testFileForEachCasesHeredocsAndEscapes() throws Exception {
        Path path = resource("upper.test.hcl");
        HclFile file = read(path);
        Body top = file.body();
        assertThat(top.blocks()).extracting(Block::type).containsExactly("variable", "locals", "test", "test", "test");

        // variable default and type
        Block variable = top.blocks("variable").get(0);
        HclType type = HclType.parse(variable.body().attribute("type").orElseThrow().expression());
        EvalContext base = EvalContext.create(path.getParent());
        Value seed = type.convert(Evaluator.evaluate(variable.body().attribute("default").orElseThrow().expression(), base),
                variable.range());
        EvalContext ctx = base.withVariable("var", new Value.Obj(Map.of("seed_file", seed)));
        Map<String, Value> locals = Locals.evaluate(top.blocks("locals"), ctx);
        assertThat(locals).containsEntry("greeting", Value.of("hello ADA"));

        // for_each: one case per element, each.value traversals inside templates
        Block upper = top.blocks("test").get(0);
        assertThat(upper.labels()).containsExactly("schema", "upper");
        assertThat(upper.range().line()).isEqualTo(16);
        Value forEach = Evaluator.evaluate(upper.body().attribute("for_each").orElseThrow().expression(), ctx);
        List<String> rendered = new ArrayList<>();
        List<Value> rows = Values.asList(forEach, upper.range());
        for (int i = 0; i < rows.size(); i++) {
            EvalContext c = ctx.withVariable("each", new Value.Obj(Map.of("key", Value.of(i), "value", rows.get(i))));
            Body exec = upper.body().blocks("exec").get(0).body();
            rendered.add(Values.asString(Evaluator.evaluate(exec.attribute("sql").orElseThrow().expression(), c), null)
                    + " => " + Values.asString(Evaluator.evaluate(exec.attribute("output").orElseThrow().expression(), c), null));
        }
        assertThat(rendered).containsExactly("SELECT upper('a') => A", "SELECT upper('b') => B");

        // seed: file(), keyword format, both heredoc forms equal, $${ escape, log interpolation
        Block seedTest = top.blocks("test").get(1);
        List<Block> execs = seedTest.body().blocks("exec");
        assertThat(execs).hasSize(4);
        assertThat(Evaluator.evaluate(execs.get(0).body().attribute("sql").orElseThrow().expression(), ctx))
                .isEqualTo(Value.of("INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, 'Bob');\n"));
        assertThat(Expressions.keyword(execs.get(1).body().attribute("format").orElseThrow().expression())).contains("table");
        String table = " id | name\n----+------\n 1  | Ada\n 2  | Bob\n";
        assertThat(Evaluator.evaluate(execs.get(1).body().attribute("output").orElseThrow().expression(), ctx))
                .isEqualTo(Value.of(table));
        assertThat(Evaluator.evaluate(execs.get(2).body().attribute("output").orElseThrow().expression(), ctx))
                .isEqualTo(Value.of(table));
        assertThat(Evaluator.evaluate(execs.get(3).body().attribute("sql").orElseThrow().expression(), ctx))
                .isEqualTo(Value.of("SELECT '${x}'"));
        Attribute message = seedTest.body().blocks("log").get(0).body().attribute("message").orElseThrow();
        assertThat(Evaluator.evaluate(message.expression(), ctx)).isEqualTo(Value.of("seeded from seed.sql"));
        assertThat(message.range().toString()).endsWith("upper.test.hcl:54:5");

        // migrate test: steps in source order
        Block migrate = top.blocks("test").get(2);
        assertThat(migrate.body().blocks()).extracting(Block::type)
                .containsExactly("migrate", "exec", "migrate", "catch", "assert");
        assertThat(migrate.body().blocks()).extracting(b -> b.range().line()).containsExactly(59, 62, 65, 68, 72);
    }

    @Test
    void projectFileEnvsVariablesLocalsAndUrlHelpers() throws Exception {
        Path path = resource("project/atlas.hcl");
        Path dir = path.getParent().toRealPath();
        Body top = read(path).body();

        // variables: defaults converted to their declared types, plus a --var style string value
        Map<String, Value> vars = new LinkedHashMap<>();
        EvalContext plain = EvalContext.create(dir);
        for (Block v : top.blocks("variable")) {
            String name = v.labels().get(0);
            HclType type = HclType.parse(v.body().attribute("type").orElseThrow().expression());
            Value raw = name.equals("db_pass") ? Value.of("s3cr&t")
                    : Evaluator.evaluate(v.body().attribute("default").orElseThrow().expression(), plain);
            vars.put(name, type.convert(raw, v.range()));
        }
        assertThat(vars.get("port")).isEqualTo(Value.of(3306));
        EvalContext ctx = plain.withVariable("var", new Value.Obj(vars))
                .withVariable("atlas", new Value.Obj(Map.of("env", Value.of("local"))));
        Map<String, Value> locals = Locals.evaluate(top.blocks("locals"), ctx);
        assertThat(locals.get("base_url")).isEqualTo(Value.of("mysql://root@localhost:3306/"));
        assertThat(locals.get("pg_url"))
                .isEqualTo(Value.of("postgres://localhost:5432/app?search_path=public&sslmode=disable"));
        assertThat(locals.get("dev_db")).isEqualTo(Value.of("mysql://root@localhost:3306/dev"));
        ctx = ctx.withVariable("local", new Value.Obj(locals));

        List<Block> envs = top.blocks("env");
        assertThat(envs).extracting(Block::labels).containsExactly(List.of("local"), List.of("ci"), List.of());

        Body local = envs.get(0).body();
        assertThat(Evaluator.evaluate(local.attribute("url").orElseThrow().expression(), ctx))
                .isEqualTo(Value.of("mysql://root:s3cr&t@localhost:3306/"));
        assertThat(Values.display(Evaluator.evaluate(local.attribute("src").orElseThrow().expression(), ctx)))
                .isEqualTo("[\"file://schema/schema.hcl\", \"file://schema/extra.sql\"]");
        Body migration = local.blocks("migration").get(0).body();
        assertThat(Expressions.keyword(migration.attribute("format").orElseThrow().expression())).contains("atlas");
        assertThat(Expressions.keyword(migration.attribute("exec_order").orElseThrow().expression())).contains("LINEAR_SKIP");
        Body test = local.blocks("test").get(0).body();
        Value testVars = Evaluator.evaluate(test.blocks("schema").get(0).body().attribute("vars").orElseThrow().expression(), ctx);
        assertThat(Values.display(testVars)).isEqualTo("{seed = \"x\", n = 2}");
        Value migrations = Evaluator.evaluate(test.blocks("migrate").get(0).body().attribute("src").orElseThrow().expression(), ctx);
        assertThat(Values.asList(migrations, null)).containsExactly(
                Value.of(dir.resolve("migrations/20240101000000_a.sql").toString()),
                Value.of(dir.resolve("migrations/20240201000000_b.sql").toString()));
        assertThat(local.blocks("lint").get(0).body().blocks("git").get(0).body().attributes()).hasSize(2);

        // for_each env: toset sorts, each.value in urlsetpath
        Body ci = envs.get(1).body();
        Value tenants = Evaluator.evaluate(ci.attribute("for_each").orElseThrow().expression(), ctx);
        assertThat(tenants).isEqualTo(new Value.SetV(List.of(Value.of("t1"), Value.of("t2"))));
        List<String> urls = new ArrayList<>();
        for (Value t : Values.asList(tenants, null)) {
            EvalContext c = ctx.withVariable("each", new Value.Obj(Map.of("key", t, "value", t)));
            urls.add(Values.asString(Evaluator.evaluate(ci.attribute("url").orElseThrow().expression(), c), null));
        }
        assertThat(urls).containsExactly("mysql://root@localhost:3306/t1", "mysql://root@localhost:3306/t2");
        Value sqlFiles = Evaluator.evaluate(ci.attribute("src").orElseThrow().expression(), ctx);
        assertThat(Values.asList(sqlFiles, null)).hasSize(4)
                .contains(Value.of(dir.resolve("migrations/sub/20240301000000_c.sql").toString()));

        // unlabelled env: name from atlas.env, getenv of an unset variable is ""
        Body named = envs.get(2).body();
        assertThat(Expressions.traversal(named.attribute("name").orElseThrow().expression()))
                .contains(List.of("atlas", "env"));
        assertThat(Evaluator.evaluate(named.attribute("name").orElseThrow().expression(), ctx)).isEqualTo(Value.of("local"));
        assertThat(Evaluator.evaluate(named.attribute("url").orElseThrow().expression(), ctx)).isEqualTo(Value.of(""));
    }

    @Test
    void schemaStyleReferencesStaySymbolic() {
        HclFile f = HclParser.parse(Hcl.URI_T, String.join("\n",
                "table \"users\" {",
                "  schema = schema.public",
                "  column \"id\" {",
                "    type    = varchar(255)",
                "    default = sql(\"gen_random_uuid()\")",
                "  }",
                "  primary_key {",
                "    columns = [column.id]",
                "  }",
                "}"));
        Block table = f.body().blocks("table").get(0);
        EvalContext ctx = EvalContext.create(Path.of(".")).withSymbolicRoots(Set.of("schema", "column", "table"));
        assertThat(Evaluator.evaluate(table.body().attribute("schema").orElseThrow().expression(), ctx))
                .isEqualTo(new Value.Ref(List.of("schema", "public")));
        Body column = table.body().blocks("column").get(0).body();
        Expression.FunctionCallExpr typeCall = (Expression.FunctionCallExpr) column.attribute("type").orElseThrow().expression();
        assertThat(typeCall.name()).isEqualTo("varchar");
        assertThat(Values.rawSql(Evaluator.evaluate(column.attribute("default").orElseThrow().expression(), ctx)))
                .contains("gen_random_uuid()");
        Value cols = Evaluator.evaluate(table.body().blocks("primary_key").get(0).body().attribute("columns")
                .orElseThrow().expression(), ctx);
        assertThat(cols).isEqualTo(new Value.ListV(List.of(new Value.Ref(List.of("column", "id")))));
    }
}
