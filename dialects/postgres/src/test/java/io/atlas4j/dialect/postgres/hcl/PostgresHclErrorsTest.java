package io.atlas4j.dialect.postgres.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.source.Diagnostic;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid documents: every error names file:line:col and the cause. */
class PostgresHclErrorsTest {

    private static final String FILE = "/t/schema.pg.hcl";

    static Stream<Arguments> cases() {
        String head = "schema \"public\" {}\n"; // line 1
        String users = "table \"users\" {\n  schema = schema.public\n  column \"id\" { type = int }\n}\n"; // lines 2-5
        return Stream.of(
                Arguments.of("missing table", head + users
                        + "table \"o\" {\n  schema = schema.public\n  column \"uid\" { type = int }\n"
                        + "  foreign_key \"fk\" {\n    columns = [column.uid]\n    ref_columns = [table.nope.column.id]\n  }\n}\n",
                        FILE + ":11:20: table \"nope\" is not defined: reference table.nope does not resolve"),
                Arguments.of("missing column of another table", head + users
                        + "table \"o\" {\n  schema = schema.public\n  column \"uid\" { type = int }\n"
                        + "  foreign_key \"fk\" {\n    columns = [column.uid]\n    ref_columns = [table.users.column.nope]\n  }\n}\n",
                        FILE + ":11:20: column \"nope\" does not exist in table \"users\": reference table.users.column.nope does not resolve"),
                Arguments.of("relative column never falls back to another table", head + users
                        + "table \"b\" {\n  schema = schema.public\n  column \"x\" { type = int }\n"
                        + "  index \"i\" { columns = [column.id] }\n}\n",
                        FILE + ":9:26: column \"id\" does not exist in table \"b\": reference column.id does not resolve"),
                Arguments.of("views that depend on each other", head
                        + "view \"a\" {\n  schema = schema.public\n  as = \"SELECT 1\"\n  depends_on = [view.c]\n}\n"
                        + "view \"b\" {\n  schema = schema.public\n  as = \"SELECT 1\"\n  depends_on = [view.a]\n}\n"
                        + "view \"c\" {\n  schema = schema.public\n  as = \"SELECT 1\"\n  depends_on = [view.b]\n}\n",
                        FILE + ":2:1: cycle in view dependencies: \"a\" -> \"c\" -> \"b\" -> \"a\""),
                Arguments.of("unknown type", head + "table \"t\" {\n  schema = schema.public\n  column \"a\" { type = foo }\n}\n",
                        FILE + ":4:23: unknown type \"foo\" for PostgreSQL; use sql(\"foo\") for a type Atlas4J does not know"),
                Arguments.of("unknown type with arguments", head + "table \"t\" {\n  schema = schema.public\n  column \"a\" { type = varchr(10) }\n}\n",
                        FILE + ":4:23: unknown type \"varchr\""),
                Arguments.of("bad type arguments", head + "table \"t\" {\n  schema = schema.public\n  column \"a\" { type = time(7) }\n}\n",
                        FILE + ":4:23: invalid type time(7)"),
                Arguments.of("bad attribute", head + "table \"t\" {\n  schema = schema.public\n  column \"a\" {\n    type = int\n    colour = \"red\"\n  }\n}\n",
                        FILE + ":6:5: unsupported attribute \"colour\" in column \"a\""),
                Arguments.of("bad child block", head + "table \"t\" {\n  schema = schema.public\n  column \"a\" { type = int }\n  column_group {}\n}\n",
                        FILE + ":5:3: unsupported block \"column_group\" in table \"t\""),
                Arguments.of("unknown top-level block", head + "tabel \"t\" {}\n",
                        FILE + ":2:1: unsupported block \"tabel\" in a postgres schema file"),
                Arguments.of("missing schema", "table \"t\" {\n  schema = schema.app\n  column \"a\" { type = int }\n}\n",
                        FILE + ":2:12: schema \"app\" is not defined: reference schema.app"),
                Arguments.of("table without schema", "table \"t\" {\n  column \"a\" { type = int }\n}\n",
                        FILE + ":1:1: missing attribute \"schema\" in table \"t\""),
                Arguments.of("column without type", head + "table \"t\" {\n  schema = schema.public\n  column \"a\" { null = true }\n}\n",
                        FILE + ":4:3: missing attribute \"type\" in column \"a\""),
                Arguments.of("index without columns", head + "table \"t\" {\n  schema = schema.public\n  column \"a\" { type = int }\n  index \"i\" {}\n}\n",
                        FILE + ":5:3: missing definition for index \"i\""),
                Arguments.of("bad referential action", head + users
                        + "table \"o\" {\n  schema = schema.public\n  column \"uid\" { type = int }\n"
                        + "  foreign_key \"fk\" {\n    columns = [column.uid]\n    ref_columns = [table.users.column.id]\n"
                        + "    on_delete = EXPLODE\n  }\n}\n",
                        FILE + ":12:17: invalid value EXPLODE for attribute \"on_delete\""),
                Arguments.of("partition without type", head + "table \"logs\" {\n  schema = schema.public\n  column \"a\" { type = int }\n"
                        + "  partition { columns = [column.a] }\n}\n",
                        FILE + ":5:3: missing attribute logs.partition.type"),
                Arguments.of("partition with columns and by", head + "table \"logs\" {\n  schema = schema.public\n  column \"a\" { type = int }\n"
                        + "  partition {\n    type = LIST\n    columns = [column.a]\n    by { column = column.a }\n  }\n}\n",
                        FILE + ":5:3: multiple definitions for logs.partition, use \"columns\" or \"by\""),
                Arguments.of("duplicate unqualified tables", "schema \"a\" {}\nschema \"b\" {}\n"
                        + "table \"users\" {\n  schema = schema.a\n  column \"id\" { type = int }\n}\n"
                        + "table \"users\" {\n  schema = schema.b\n  column \"id\" { type = int }\n}\n",
                        FILE + ":7:7: duplicate table \"users\" (first defined at " + FILE + ":3:1); use qualified labels"),
                Arguments.of("execute block on an event trigger", head
                        + "function \"f\" {\n  schema = schema.public\n  lang = PLpgSQL\n  return = event_trigger\n  as = \"x\"\n}\n"
                        + "event_trigger \"e\" {\n  on = ddl_command_start\n  execute {\n    function = function.f\n  }\n}\n",
                        FILE + ":10:3: execute of event_trigger \"e\" is an attribute: execute = function.<name>"),
                Arguments.of("trigger on a missing table", head + "trigger \"tr\" {\n  on = table.ghost\n  after { insert = true }\n"
                        + "  as = \"x\"\n}\n",
                        FILE + ":3:8: table \"ghost\" is not defined"),
                Arguments.of("missing variable", "variable \"def_val\" {\n  type = string\n}\n",
                        FILE + ":1:1: missing value for required variable \"def_val\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsWithPosition(String name, String hcl, String expected) {
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> Pg.read(hcl));
        assertThat(e).as("no error for %s", name).isNotNull();
        assertThat(e.diagnostics()).extracting(Diagnostic::toString).anySatisfy(d -> assertThat(d).startsWith(expected));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "table \"t\" { schema = 1 }",
        "schema \"s\" {}\ntable \"t\" {\n schema = schema.s\n column \"a\" \"b\" { type = int }\n}",
        "schema \"s\" {}\ntable \"t\" {\n schema = schema.s\n column \"a\" { type = int }\n primary_key { columns = [] }\n}",
        "schema \"s\" {}\ntable \"t\" {\n schema = schema.s\n column \"a\" { type = int }\n index \"i\" { columns = 5 }\n}",
        "schema \"s\" {}\ntable \"t\" {\n schema = schema.s\n column \"a\" { type = int }\n check \"c\" { expr = column.a }\n}",
        "schema \"s\" {}\ntable \"t\" {\n schema = schema.s\n column \"a\" { type = varchar(99999999999) }\n}",
        "schema \"s\" {}\ntable \"t\" {\n schema = schema.s\n column \"a\" { type = numeric(\"x\") }\n}",
        "schema \"s\" {}\ntable \"t\" {\n schema = schema.s\n column \"a\" {\n type = int\n default = [1]\n }\n}",
        "schema \"s\" {}\ntable \"t\" {\n schema = schema.s\n column \"a\" { type = int }\n column \"a\" { type = int }\n}",
        "schema \"s\" {}\ntrigger \"x\" {\n for_each = 3\n on = each.value\n}",
        "schema \"s\" {}\nenum \"e\" { schema = schema.s }",
        "schema \"s\" {}\ntable \"t\" {\n schema = schema.s\n column \"a\" { type = enum.nope }\n}",
        "schema \"s\" {}\nsequence \"q\" {\n schema = schema.s\n start = 1.5\n}",
        "schema \"s\" {}\nfunction \"f\" { schema = schema.s }",
        "schema \"s\" {}\npolicy \"p\" { on = view.v }",
        "schema {}",
        "locals { a = local.a }"})
    void invalidDocumentsFailWithDiagnosticsOnly(String hcl) {
        assertThatThrownBy(() -> Pg.read(hcl)).isInstanceOf(DiagnosticException.class)
                .hasMessageStartingWith(FILE + ":");
    }

    @Test
    void reportsAllErrorsOfADocumentAtOnce() {
        String hcl = "schema \"public\" {}\n"
                + "table \"t\" {\n  schema = schema.public\n  column \"a\" { type = foo }\n"
                + "  column \"b\" {\n    type = int\n    nul = true\n  }\n"
                + "  index \"i\" { columns = [column.c] }\n}\n";
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> Pg.read(hcl));
        assertThat(e.diagnostics()).extracting(d -> d.range().line()).containsExactlyInAnyOrder(4, 7, 9);
        assertThat(e.getMessage()).contains(FILE + ":4:", FILE + ":7:", FILE + ":9:");
    }

    @Test
    void projectFilesAreNotSchemaFiles() {
        assertThatThrownBy(() -> Pg.read("env \"dev\" {}\n"))
                .isInstanceOf(Atlas4jException.class)
                .hasMessageContaining("cannot parse project file")
                .hasMessageContaining("as a schema file");
    }

    @Test
    void syntaxErrorsKeepTheirPosition() {
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> Pg.read("schema \"x\" {\n  comment = \n}\n"));
        assertThat(e.getMessage()).startsWith(FILE + ":");
    }
}
