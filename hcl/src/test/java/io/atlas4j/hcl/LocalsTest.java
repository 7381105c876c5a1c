package io.atlas4j.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.DiagnosticException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalsTest {

    private static final EvalContext CTX = EvalContext.create(Path.of("."))
            .withVariable("var", new Value.Obj(Map.of("host", Value.of("db"), "user", Value.of("root"))));

    private static Map<String, Value> locals(String text) {
        return Locals.evaluate(Hcl.parse(text).body().blocks("locals"), CTX);
    }

    @Test
    void localsMayReferenceLaterLocalsAndVariablesAcrossBlocks() {
        Map<String, Value> l = locals(String.join("\n",
                "locals {",
                "  db1  = \"${local.base}/db1\"",
                "  base = \"mysql://${var.user}@${var.host}\"",
                "}",
                "locals {",
                "  both = [local.db1, local.db2]",
                "  db2  = \"${local.base}/db2\"",
                "}"));
        assertThat(l.keySet()).containsExactly("db1", "base", "both", "db2");
        assertThat(l.get("db1")).isEqualTo(Value.of("mysql://root@db/db1"));
        assertThat(Values.display(l.get("both"))).isEqualTo("[\"mysql://root@db/db1\", \"mysql://root@db/db2\"]");
    }

    @Test
    void cycleIsADiagnostic() {
        assertThatThrownBy(() -> locals("locals {\n  a = local.b\n  b = \"${local.c}\"\n  c = local.a\n}\n"))
                .isInstanceOfSatisfying(DiagnosticException.class, e -> assertThat(Hcl.messages(e)).isEqualTo(
                        "t.hcl:2:3: cycle in locals: local.a -> local.b -> local.c -> local.a"));
        assertThatThrownBy(() -> locals("locals {\n  a = local.a\n}\n"))
                .hasMessage("t.hcl:2:3: cycle in locals: local.a -> local.a");
    }

    @Test
    void duplicateAndUnknownLocals() {
        assertThatThrownBy(() -> locals("locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n"))
                .hasMessage("t.hcl:5:3: duplicate local \"a\": it is already defined on line 2");
        assertThatThrownBy(() -> locals("locals {\n  a = local.nope\n}\n"))
                .hasMessage("t.hcl:2:7: unknown local \"local.nope\"");
    }

    @Test
    void noLocalsBlocksGiveAnEmptyMap() {
        assertThat(locals("x = 1\n")).isEmpty();
    }
}
