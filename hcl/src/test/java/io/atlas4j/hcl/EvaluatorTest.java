package io.atlas4j.hcl;

import static io.atlas4j.hcl.Hcl.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.DiagnosticException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {

    private static Value obj(Object... kv) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Value val ? val : v instanceof Integer n ? Value.of(n) : Value.of((String) v));
        }
        return new Value.Obj(m);
    }

    private static Value list(Object... items) {
        return new Value.ListV(java.util.Arrays.stream(items)
                .map(v -> v instanceof Value val ? val : v instanceof Integer n ? Value.of(n) : Value.of((String) v))
                .toList());
    }

    private static Value num(String n) {
        return new Value.Num(new BigDecimal(n));
    }

    private static final EvalContext CTX = EvalContext.create(Path.of("."))
            .withVariable("var", obj("name", "ada", "n", 3, "list", list("x", "y", "z"), "flag", Value.of(true),
                    "nothing", Value.NULL))
            .withVariable("each", obj("key", 0, "value", obj("input", "a", "want", "A")));

    @Test
    void literals() {
        assertThat(eval("12")).isEqualTo(Value.of(12));
        assertThat(eval("1.50")).isEqualTo(num("1.50"));
        assertThat(eval("1e3")).isEqualTo(num("1e3"));
        assertThat(eval("-1")).isEqualTo(Value.of(-1));
        assertThat(eval("true")).isEqualTo(Value.of(true));
        assertThat(eval("null")).isEqualTo(Value.NULL);
        assertThat(eval("\"s\"")).isEqualTo(Value.of("s"));
    }

    @Test
    void numbersAreExact() {
        assertThat(Values.display(eval("0.1 + 0.2"))).isEqualTo("0.3");
        assertThat(Values.display(eval("10 / 4"))).isEqualTo("2.5");
        assertThat(Values.display(eval("1 / 3 * 3"))).startsWith("0.9999");
        assertThat(eval("7 % 3")).isEqualTo(Value.of(1));
        assertThat(eval("1.0 == 1")).isEqualTo(Value.of(true));
    }

    @Test
    void interpolation() {
        assertThat(eval("\"SELECT upper('${each.value.input}')\"", CTX)).isEqualTo(Value.of("SELECT upper('a')"));
        assertThat(eval("\"n=${var.n} f=${var.flag} ${1.50}\"", CTX)).isEqualTo(Value.of("n=3 f=true 1.5"));
        assertThat(eval("\"$${var.n} ${var.n}\"", CTX)).isEqualTo(Value.of("${var.n} 3"));
        assertThat(eval("\"${\"nested ${var.name}\"}!\"", CTX)).isEqualTo(Value.of("nested ada!"));
    }

    @Test
    void singleInterpolationYieldsTheValueUnconverted() {
        assertThat(eval("\"${var.n}\"", CTX)).isEqualTo(Value.of(3));
        assertThat(eval("\"${var.list}\"", CTX)).isEqualTo(list("x", "y", "z"));
        assertThat(eval("\"${var.nothing}\"", CTX)).isEqualTo(Value.NULL);
    }

    @Test
    void heredocsEvaluate() {
        assertThat(eval("<<SQL\nSELECT '${var.name}';\nSQL", CTX)).isEqualTo(Value.of("SELECT 'ada';\n"));
        assertThat(eval("<<-SQL\n    SELECT 1;\n      -- $${x}\n    SQL", CTX)).isEqualTo(Value.of("SELECT 1;\n  -- ${x}\n"));
        assertThat(eval("<<SQL\n\\n stays\nSQL")).isEqualTo(Value.of("\\n stays\n"));
    }

    @Test
    void traversalsOverObjectsAndLists() {
        assertThat(eval("each.value.want", CTX)).isEqualTo(Value.of("A"));
        assertThat(eval("each.key", CTX)).isEqualTo(Value.of(0));
        assertThat(eval("var.list[0]", CTX)).isEqualTo(Value.of("x"));
        assertThat(eval("var.list[var.n - 1]", CTX)).isEqualTo(Value.of("z"));
        assertThat(eval("var.list.1", CTX)).isEqualTo(Value.of("y"));
        assertThat(eval("var[\"name\"]", CTX)).isEqualTo(Value.of("ada"));
        assertThat(eval("{a = {b = [10, 20]}}.a.b[1]")).isEqualTo(Value.of(20));
    }

    @Test
    void objectKeysBareQuotedAndComputed() {
        assertThat(eval("{input: \"a\", want = \"A\"}")).isEqualTo(obj("input", "a", "want", "A"));
        assertThat(eval("{\"in put\" = 1, (var.name) = 2, (\"k${var.n}\") = 3}", CTX))
                .isEqualTo(obj("in put", 1, "ada", 2, "k3", 3));
    }

    @Test
    void operatorsAndConditionals() {
        assertThat(eval("var.n > 2 && !var.flag", CTX)).isEqualTo(Value.of(false));
        assertThat(eval("var.n >= 3 || x", CTX)).isEqualTo(Value.of(true)); // short-circuit: x is never read
        assertThat(eval("var.name == \"ada\" ? upper(var.name) : var.name", CTX)).isEqualTo(Value.of("ADA"));
        assertThat(eval("\"1\" == 1")).isEqualTo(Value.of(false));
        assertThat(eval("[1, \"a\"] == [1, \"a\"]")).isEqualTo(Value.of(true));
        assertThat(eval("{a = 1} != {a = 2}")).isEqualTo(Value.of(true));
        assertThat(eval("\"5\" + 1")).isEqualTo(Value.of(6));
        assertThat(eval("-var.n", CTX)).isEqualTo(Value.of(-3));
        assertThat(eval("\"true\" && true")).isEqualTo(Value.of(true));
    }

    @Test
    void forExpressions() {
        assertThat(eval("[for s in var.list : upper(s)]", CTX)).isEqualTo(list("X", "Y", "Z"));
        assertThat(eval("[for i, s in var.list : \"${i}:${s}\" if i != 1]", CTX)).isEqualTo(list("0:x", "2:z"));
        assertThat(eval("{for s in var.list : s => upper(s)}", CTX)).isEqualTo(obj("x", "X", "y", "Y", "z", "Z"));
        assertThat(eval("{for k, v in {b = 1, a = 2} : k => v * 10}")).isEqualTo(obj("a", 20, "b", 10));
        assertThat(eval("{for s in [\"aa\", \"ab\", \"b\"] : substr(s, 0, 1) => s...}"))
                .isEqualTo(obj("a", list("aa", "ab"), "b", list("b")));
        assertThat(eval("[for v in toset([\"b\", \"a\"]) : v]")).isEqualTo(list("a", "b"));
    }

    @Test
    void splats() {
        assertThat(eval("[{n = 1}, {n = 2}][*].n")).isEqualTo(list(1, 2));
        assertThat(eval("[{n = [1]}, {n = [2]}][*].n[0]")).isEqualTo(list(1, 2));
        assertThat(eval("[{n = 1}, {n = 2}].*.n")).isEqualTo(list(1, 2));
        assertThat(eval("{n = 1}[*].n")).isEqualTo(list(1));
        assertThat(eval("null[*].n")).isEqualTo(list());
    }

    @Test
    void symbolicRootsBecomeReferences() {
        EvalContext ctx = EvalContext.create(Path.of(".")).withSymbolicRoots(Set.of("schema", "table"))
                .withVariable("var", obj("s", "public"));
        assertThat(eval("schema.public", ctx)).isEqualTo(new Value.Ref(List.of("schema", "public")));
        assertThat(eval("table.users.column.id", ctx))
                .isEqualTo(new Value.Ref(List.of("table", "users", "column", "id")));
        assertThat(eval("table.users.column[\"id\"]", ctx))
                .isEqualTo(new Value.Ref(List.of("table", "users", "column", "id")));
        assertThat(eval("[table.a.column.x, table.a.column.y]", ctx)).isEqualTo(
                list(new Value.Ref(List.of("table", "a", "column", "x")), new Value.Ref(List.of("table", "a", "column", "y"))));
        assertThat(eval("var.s", ctx)).isEqualTo(Value.of("public"));
        assertThatThrownBy(() -> eval("column.id", ctx)).isInstanceOf(DiagnosticException.class)
                .hasMessage("t.hcl:1:5: unknown variable \"column.id\"");
    }

    @Test
    void variablesShadowSymbolicRoots() {
        EvalContext ctx = EvalContext.create(Path.of(".")).withSymbolicRoots(Set.of("schema"))
                .withVariable("schema", obj("x", 1));
        assertThat(eval("schema.x", ctx)).isEqualTo(Value.of(1));
    }

    @Test
    void tryAndCan() {
        assertThat(eval("try(var.missing, \"fallback\")", CTX)).isEqualTo(Value.of("fallback"));
        assertThat(eval("can(var.missing)", CTX)).isEqualTo(Value.of(false));
        assertThat(eval("can(var.n)", CTX)).isEqualTo(Value.of(true));
    }

    @Test
    void customFunctionsAndExpansion() {
        EvalContext ctx = CTX.withFunction("count", (args, at) -> Value.of(args.size()));
        assertThat(eval("count(1, var.list...)", ctx)).isEqualTo(Value.of(4));
        assertThat(eval("count()", ctx)).isEqualTo(Value.of(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "var.x                          | t.hcl:1:5: unknown variable \"var.x\"",
        "foo.bar                        | t.hcl:1:5: unknown variable \"foo.bar\"",
        "foo                            | t.hcl:1:5: unknown variable \"foo\"",
        "local.y                        | t.hcl:1:5: unknown local \"local.y\"",
        "each.value.inptu               | t.hcl:1:5: unsupported attribute \"inptu\" on object; it has input, want",
        "bar(1)                         | t.hcl:1:5: call to unknown function \"bar\"",
        "`\"a ${var.list} b\"`          | t.hcl:1:10: cannot interpolate a list into a string; use join() or jsonencode()",
        "`\"a ${var.nothing}\"`         | t.hcl:1:10: cannot interpolate a null value into a string",
        "var.list[3]                    | t.hcl:1:14: index 3 out of range for a list of 3 elements",
        "var.list[\"a\"]                | t.hcl:1:14: expected a number, got string \"a\"",
        "var.name.first                 | t.hcl:1:5: unsupported attribute \"first\" on string \"ada\"",
        "var.nothing.x                  | t.hcl:1:5: attempt to get attribute \"x\" from a null value",
        "1 + \"a\"                      | t.hcl:1:9: expected a number, got string \"a\"",
        "var.n / 0                      | t.hcl:1:13: division by zero",
        "var.name ? 1 : 2               | t.hcl:1:5: expected a bool, got string \"ada\"",
        "upper(var.list)                | t.hcl:1:11: call to function \"upper\" failed: argument 1: expected a string, got list",
        "upper()                        | t.hcl:1:5: call to function \"upper\" failed: expects 1 argument, got 0",
        "{a = 1, a = 2}                 | t.hcl:1:13: duplicate key \"a\" in object",
        "[for s in var.name : s]        | t.hcl:1:15: cannot iterate over string \"ada\"; expected a list, set or object",
        "`{for s in [\"a\", \"a\"] : s => 1}` | t.hcl:1:28: duplicate key \"a\" in for expression; add \"...\" after the value to group values by key",
        "toset([\"a\"])[0]              | t.hcl:1:5: a set cannot be indexed; convert it with tolist() first",
    })
    void evaluationErrorsPointAtTheOffendingExpression(String expr, String message) {
        assertThatThrownBy(() -> eval(expr, CTX)).isInstanceOfSatisfying(DiagnosticException.class,
                e -> assertThat(Hcl.messages(e)).isEqualTo(message));
    }

    @Test
    void functionErrorsAreWrappedWithTheFunctionName() {
        EvalContext ctx = CTX.withFunction("boom", (args, at) -> {
            throw new HclFunctionException(1, "second argument is bad");
        }).withFunction("bug", (args, at) -> {
            throw new IllegalStateException("oops");
        });
        assertThatThrownBy(() -> eval("boom(1, 2)", ctx)).hasMessage(
                "t.hcl:1:13: call to function \"boom\" failed: second argument is bad");
        assertThatThrownBy(() -> eval("bug()", ctx)).isInstanceOf(DiagnosticException.class)
                .hasMessageStartingWith("t.hcl:1:5: call to function \"bug\" failed: ");
    }
}
