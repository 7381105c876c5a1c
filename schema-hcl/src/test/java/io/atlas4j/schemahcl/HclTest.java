package io.atlas4j.schemahcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.hcl.EvalContext;
import io.atlas4j.hcl.Evaluator;
import io.atlas4j.hcl.HclParser;
import io.atlas4j.hcl.Value;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Quoting and block printing: what is written parses back to the same string. */
class HclTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "it's \"quoted\"", "back\\slash", "tab\tand\nnewline", "${not_interpolated}",
            "%{ if x }", "SELECT id\nFROM t\nWHERE a > 0", "  leading", "line\n\nblank line", "trailing\n", "$", "100%"})
    void stringsSurviveWritingAndParsing(String s) {
        String text = new OutBlock("b").str("v", s).render(0);
        var file = HclParser.parse(URI.create("file:///x.hcl"), text);
        var attr = file.body().blocks().get(0).body().attribute("v").orElseThrow();
        Value v = Evaluator.evaluate(attr.expression(), EvalContext.create(Path.of(".")));
        String got = ((Value.Str) v).value();
        if (text.contains("<<-SQL")) {
            got = got.substring(0, got.length() - 1); // the heredoc's final line break
        }
        assertThat(got).isEqualTo(s);
    }

    @Test
    void multiLineStringsBecomeIndentedHeredocs() {
        String text = new OutBlock("view", "v").str("as", "SELECT 1\nFROM t").render(0);
        assertThat(text).isEqualTo("view \"v\" {\n  as = <<-SQL\n    SELECT 1\n    FROM t\n  SQL\n}\n");
    }

    @Test
    void alignsAttributesAndPutsBlocksLast() {
        OutBlock b = new OutBlock("table", "s", "t").attr("schema", "schema.s");
        b.child(new OutBlock("column", "id").attr("null", "false").attr("type", "integer"));
        b.attr("comment", "\"c\"");
        assertThat(b.render(0)).isEqualTo("""
                table "s" "t" {
                  schema  = schema.s
                  comment = "c"
                  column "id" {
                    null = false
                    type = integer
                  }
                }
                """);
    }

    @Test
    void referencesQuoteSegmentsThatAreNotIdentifiers() {
        assertThat(Hcl.ref("table", "users", "column", "id")).isEqualTo("table.users.column.id");
        assertThat(Hcl.ref("column", "my col")).isEqualTo("column[\"my col\"]");
        assertThat(Hcl.list(List.of("a", "b"))).isEqualTo("[a, b]");
        assertThat(Hcl.sql("now()")).isEqualTo("sql(\"now()\")");
    }
}
