package io.atlas4j.hcl;

import static io.atlas4j.hcl.Hcl.expr;
import static io.atlas4j.hcl.Hcl.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.hcl.Expression.FunctionCallExpr;
import io.atlas4j.hcl.Expression.GetAttrExpr;
import io.atlas4j.hcl.Expression.LiteralExpr;
import io.atlas4j.hcl.Expression.ObjectExpr;
import io.atlas4j.hcl.Expression.TemplateExpr;
import io.atlas4j.hcl.Expression.TemplateInterpolation;
import io.atlas4j.hcl.Expression.TemplateLiteral;
import io.atlas4j.hcl.Expression.TupleExpr;
import io.atlas4j.hcl.Expression.VariableExpr;
import io.atlas4j.source.SourceRange;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HclParserTest {

    private static final String FILE = String.join("\n",
            "# header comment",
            "test \"schema\" \"seed\" {",
            "  skip = false",
            "  exec { sql = \"SELECT 1\" }",
            "  exec {",
            "    sql    = \"SELECT 2\"  // trailing comment",
            "    output = \"2\"",
            "  }",
            "}",
            "locals {",
            "  /* inline */ a = 1",
            "}",
            "");

    private static String pos(SourceRange r) {
        return r.line() + ":" + r.column() + "-" + r.endLine() + ":" + r.endColumn();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "test block             | 2:1-9:2",
        "test label 0           | 2:6-2:14",
        "test label 1           | 2:15-2:21",
        "skip attribute         | 3:3-3:15",
        "exec 0 block           | 4:3-4:28",
        "exec 0 sql             | 4:10-4:26",
        "exec 0 sql value       | 4:16-4:26",
        "exec 1 block           | 5:3-8:4",
        "exec 1 output          | 7:5-7:17",
        "locals a               | 11:16-11:21",
    })
    void positionsOfBlocksAttributesAndLabels(String node, String expected) {
        Body top = parse(FILE).body();
        Block test = top.blocks("test").get(0);
        List<Block> execs = test.body().blocks("exec");
        SourceRange r;
        switch (node) {
            case "test block":
                r = test.range();
                break;
            case "test label 0":
                r = test.labelRanges().get(0);
                break;
            case "test label 1":
                r = test.labelRanges().get(1);
                break;
            case "skip attribute":
                r = test.body().attribute("skip").orElseThrow().range();
                break;
            case "exec 0 block":
                r = execs.get(0).range();
                break;
            case "exec 0 sql":
                r = execs.get(0).body().attribute("sql").orElseThrow().range();
                break;
            case "exec 0 sql value":
                r = execs.get(0).body().attribute("sql").orElseThrow().expression().range();
                break;
            case "exec 1 block":
                r = execs.get(1).range();
                break;
            case "exec 1 output":
                r = execs.get(1).body().attribute("output").orElseThrow().range();
                break;
            default:
                r = top.blocks("locals").get(0).body().attribute("a").orElseThrow().range();
        }
        assertThat(pos(r)).isEqualTo(expected);
        assertThat(r.uri()).isEqualTo(Hcl.URI_T);
    }

    @Test
    void labelsAreUnquoted() {
        Block test = parse(FILE).body().blocks("test").get(0);
        assertThat(test.type()).isEqualTo("test");
        assertThat(test.labels()).containsExactly("schema", "seed");
        assertThat(test.label(1)).contains("seed");
        assertThat(test.label(2)).isEmpty();
    }

    @Test
    void repeatedBlocksKeepSourceOrderAcrossTypes() {
        Body body = parse(String.join("\n",
                "test \"migrate\" \"m\" {",
                "  migrate { to = \"1\" }",
                "  exec { sql = \"a\" }",
                "  migrate { to = \"2\" }",
                "  exec { sql = \"b\" }",
                "  migrate {",
                "    to = \"3\"",
                "  }",
                "}")).body().blocks("test").get(0).body();
        String order = body.blocks().stream()
                .map(b -> b.type() + ":" + ((LiteralExpr) b.body().attributes().get(0).expression()).value())
                .collect(Collectors.joining(" "));
        assertThat(order).isEqualTo("migrate:Str[value=1] exec:Str[value=a] migrate:Str[value=2] "
                + "exec:Str[value=b] migrate:Str[value=3]");
        assertThat(body.blocks("migrate")).extracting(b -> b.range().line()).containsExactly(2, 4, 6);
    }

    @Test
    void oneLineBlockHoldsItsAttribute() {
        Block exec = parse("exec { sql = \"SELECT 1\" }").body().blocks().get(0);
        assertThat(exec.body().attribute("sql").map(a -> ((LiteralExpr) a.expression()).value()))
                .contains(Value.of("SELECT 1"));
        assertThat(parse("exec {}\n").body().blocks().get(0).body().attributes()).isEmpty();
    }

    @Test
    void severalAttributesOnOneLineAsInAtlasDocs() {
        Body git = parse("lint {\n  git { base = \"master\"  dir = \".\" }\n}\n").body().blocks().get(0).body()
                .blocks("git").get(0).body();
        assertThat(git.attributes()).extracting(Attribute::name).containsExactly("base", "dir");
    }

    @Test
    void commentsOfAllThreeKindsAreIgnored() {
        Body body = parse("# a\n// b\n/* c\n d */ x = 1 # e\ny = 2 // f\nz = /* g */ 3\n").body();
        assertThat(body.attributes()).extracting(Attribute::name).containsExactly("x", "y", "z");
        assertThat(((LiteralExpr) body.attribute("z").orElseThrow().expression()).value())
                .isEqualTo(new Value.Num(new java.math.BigDecimal(3)));
        assertThat(body.attribute("x").orElseThrow().range().line()).isEqualTo(4);
    }

    @Test
    void heredocKeepsTextAsWrittenIncludingFinalNewline() {
        Body body = parse("x = <<TAB\n id | name\n----+------\n 1  | Ada\nTAB\ny = 1\n").body();
        TemplateExpr t = (TemplateExpr) body.attribute("x").orElseThrow().expression();
        assertThat(t.heredoc()).isTrue();
        assertThat(t.parts()).containsExactly(new TemplateLiteral(" id | name\n----+------\n 1  | Ada\n"));
        assertThat(pos(t.range())).isEqualTo("1:5-5:4");
        assertThat(body.attribute("y")).isPresent();
    }

    @Test
    void indentedHeredocStripsCommonIndentAndAcceptsIndentedMarker() {
        String text = "  exec {\n    output = <<-TAB\n       id | name\n      ----+------\n\n       1  | Ada\n      TAB\n"
                + "    sql = \"x\"\n  }\n";
        Body exec = parse(text).body().blocks("exec").get(0).body();
        TemplateExpr t = (TemplateExpr) exec.attribute("output").orElseThrow().expression();
        assertThat(t.parts()).containsExactly(new TemplateLiteral(" id | name\n----+------\n\n 1  | Ada\n"));
        assertThat(exec.attribute("sql")).isPresent();
    }

    @Test
    void plainHeredocAlsoAcceptsAnIndentedClosingMarker() {
        TemplateExpr t = (TemplateExpr) expr("<<SQL\n  SELECT 1;\n  SQL");
        assertThat(t.parts()).containsExactly(new TemplateLiteral("  SELECT 1;\n"));
    }

    @Test
    void heredocInterpolationsHavePositions() {
        TemplateExpr t = (TemplateExpr) expr("<<-SQL\n    SELECT '${var.x}';\n    SQL");
        assertThat(t.parts()).hasSize(3);
        assertThat(t.parts().get(0)).isEqualTo(new TemplateLiteral("SELECT '"));
        Expression inner = ((TemplateInterpolation) t.parts().get(1)).expr();
        assertThat(Expressions.traversal(inner)).contains(List.of("var", "x"));
        assertThat(pos(inner.range())).isEqualTo("2:15-2:20");
        assertThat(t.parts().get(2)).isEqualTo(new TemplateLiteral("';\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"SELECT '$${x}'\"`      | `SELECT '${x}'`",
        "`\"100%%{a}\"`            | `100%{a}`",
        "`\"a $ b % c $$ d\"`      | `a $ b % c $$ d`",
        "`\"tab\\there\"`          | `tab\there`",
        "`\"q\\\"uote\\\\\"`       | `q\"uote\\`",
        "`\"\\u00e9t\\u00E9\"`     | `été`",
    })
    void quotedStringEscapes(String source, String expected) {
        Expression e = expr(source);
        assertThat(e).isInstanceOf(LiteralExpr.class);
        String want = expected.replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\");
        assertThat(((LiteralExpr) e).value()).isEqualTo(Value.of(want));
    }

    @Test
    void dollarEscapeInsideTemplateWithInterpolation() {
        TemplateExpr t = (TemplateExpr) expr("\"$${x} ${y}\"");
        assertThat(t.parts().get(0)).isEqualTo(new TemplateLiteral("${x} "));
        assertThat(((TemplateInterpolation) t.parts().get(1)).expr()).isInstanceOf(VariableExpr.class);
        assertThat(t.heredoc()).isFalse();
    }

    @Test
    void objectLiteralAcceptsBothSeparatorsAndNewlines() {
        ObjectExpr o = (ObjectExpr) expr("{input: \"a\", want = \"A\"\n  other = 1\n  (\"k\") = 2\n}");
        assertThat(o.items()).hasSize(4);
        assertThat(o.items().get(0).key()).isEqualTo(new VariableExpr("input", o.items().get(0).key().range()));
        assertThat(Expressions.keyword(o.items().get(1).key())).contains("want");
        assertThat(Expressions.keyword(o.items().get(2).key())).contains("other");
        assertThat(o.items().get(3).key()).isInstanceOf(Expression.ParenExpr.class);
    }

    @Test
    void tupleOfObjectsAcrossLinesWithTrailingComma() {
        TupleExpr t = (TupleExpr) expr("[\n  {input: \"a\", want: \"A\"},\n  {input: \"b\", want: \"B\"},\n]");
        assertThat(t.items()).hasSize(2).allMatch(i -> i instanceof ObjectExpr);
    }

    @Test
    void bareIdentifiersAreKeywords() {
        assertThat(Expressions.keyword(expr("table"))).contains("table");
        assertThat(Expressions.keyword(expr("LINEAR_SKIP"))).contains("LINEAR_SKIP");
        assertThat(Expressions.keyword(expr("golang-migrate"))).contains("golang-migrate");
        assertThat(Expressions.keyword(expr("\"table\""))).isEmpty();
        assertThat(Expressions.keyword(expr("a.b"))).isEmpty();
    }

    @Test
    void traversals() {
        assertThat(Expressions.traversal(expr("schema.public"))).contains(List.of("schema", "public"));
        assertThat(Expressions.traversal(expr("table.users.column.id")))
                .contains(List.of("table", "users", "column", "id"));
        assertThat(Expressions.traversal(expr("x"))).contains(List.of("x"));
        assertThat(Expressions.traversal(expr("a[0].b"))).isEmpty();
        assertThat(Expressions.traversal(expr("f(a).b"))).isEmpty();
        assertThat(Expressions.traversal(expr("\"a\""))).isEmpty();
    }

    @Test
    void references() {
        assertThat(Expressions.references(Hcl.expr(
                "\"${var.a}-${each.value.input}\" == upper(data.sql.t.values[0]) ? {k = local.x, (var.k) = 1} : "
                        + "[for s in var.list : \"${s}${var.sep}\" if s != each.key]")))
                .containsExactly(List.of("var", "a"), List.of("each", "value", "input"),
                        List.of("data", "sql", "t", "values"), List.of("local", "x"), List.of("var", "k"),
                        List.of("var", "list"), List.of("var", "sep"), List.of("each", "key"));
        assertThat(Expressions.references(Hcl.expr("\"plain\""))).isEmpty();
    }

    @Test
    void functionCallsWithKeywordArgumentsAndExpansion() {
        FunctionCallExpr c = (FunctionCallExpr) expr("varchar(255)");
        assertThat(c.name()).isEqualTo("varchar");
        assertThat(c.args()).hasSize(1);
        FunctionCallExpr s = (FunctionCallExpr) expr("sql(\"now()\")");
        assertThat(s.name()).isEqualTo("sql");
        FunctionCallExpr e = (FunctionCallExpr) expr("concat(\n  a,\n  b...\n)");
        assertThat(e.expandFinal()).isTrue();
        assertThat(e.args()).hasSize(2);
        assertThat(((FunctionCallExpr) expr("f()")).args()).isEmpty();
    }

    @Test
    void operatorPrecedence() {
        assertThat(Hcl.eval("1 + 2 * 3")).isEqualTo(Value.of(7));
        assertThat(Hcl.eval("(1 + 2) * 3")).isEqualTo(Value.of(9));
        assertThat(Hcl.eval("1 < 2 && 2 < 3 || false")).isEqualTo(Value.of(true));
        assertThat(Hcl.eval("!true == false")).isEqualTo(Value.of(true));
        assertThat(Hcl.eval("-2 * -3")).isEqualTo(Value.of(6));
        assertThat(Hcl.eval("10 - 2 - 3")).isEqualTo(Value.of(5));
        assertThat(Hcl.eval("1 == 1 ? \"y\" : \"n\"")).isEqualTo(Value.of("y"));
    }

    @Test
    void attributeAccessSplatAndLegacyIndex() {
        GetAttrExpr g = (GetAttrExpr) expr("each.value.input");
        assertThat(g.name()).isEqualTo("input");
        assertThat(pos(g.range())).isEqualTo("1:5-1:21");
        assertThat(expr("a[*].b")).isInstanceOf(Expression.SplatExpr.class);
        assertThat(expr("a.*.b")).isInstanceOf(Expression.SplatExpr.class);
        assertThat(expr("a.0")).isInstanceOf(Expression.IndexExpr.class);
    }

    @Test
    void forExpressions() {
        Expression.ForExpr f = (Expression.ForExpr) expr("[for i, v in xs : upper(v) if v != \"\"]");
        assertThat(f.keyVar()).isEqualTo("i");
        assertThat(f.valueVar()).isEqualTo("v");
        assertThat(f.condition()).isNotNull();
        assertThat(f.object()).isFalse();
        Expression.ForExpr o = (Expression.ForExpr) expr("{for k, v in m : v => k...}");
        assertThat(o.object()).isTrue();
        assertThat(o.grouping()).isTrue();
        assertThat(o.keyExpr()).isNotNull();
        // "for" as an ordinary name still works.
        assertThat(expr("[for]")).isInstanceOf(TupleExpr.class);
    }

    @Test
    void emptyFileAndBlankLines() {
        assertThat(parse("").body().attributes()).isEmpty();
        assertThat(parse("\n\n  \n").body().blocks()).isEmpty();
        assertThat(parse("x = 1").body().attribute("x")).isPresent();
        assertThat(parse("x = 1\r\ny = 2\r\n").body().attributes()).hasSize(2);
    }

    @Test
    void bodyAccessors() {
        Body b = parse("a = 1\nblk \"x\" {}\nblk \"y\" {}\nother {}\n").body();
        assertThat(b.attribute("a")).isPresent();
        assertThat(b.attribute("nope")).isEqualTo(Optional.empty());
        assertThat(b.blocks("blk")).extracting(x -> x.labels().get(0)).containsExactly("x", "y");
        assertThat(b.blocks("none")).isEmpty();
    }
}
