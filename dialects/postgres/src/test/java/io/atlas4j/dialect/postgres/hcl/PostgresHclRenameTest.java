package io.atlas4j.dialect.postgres.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.atlas4j.diff.Rename;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.schemahcl.HclSchemaFileReader;
import io.atlas4j.schemahcl.SchemaHclResult;
import io.atlas4j.source.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code renamed_from} on table, column and index blocks: read as rename hints beside the realm. */
class PostgresHclRenameTest {

    private static final String FILE = "/t/schema.pg.hcl";

    private static final String RENAMED = """
            schema "app" {}
            table "accounts" {
              schema       = schema.app
              renamed_from = "users"
              column "id" { type = int }
              column "full_name" {
                type         = text
                renamed_from = "name"
              }
              index "accounts_name" {
                columns      = [column.full_name]
                renamed_from = "users_name"
              }
              primary_key { columns = [column.id] }
            }
            table "plain" {
              schema = schema.app
              column "x" { type = int }
              index "plain_x" { columns = [column.x] }
            }
            """;

    @Test
    void readsHintsOfTablesColumnsAndIndexesInDocumentOrder() {
        SchemaHclResult result = Pg.result(RENAMED);
        assertThat(result.renames()).containsExactly(
                Rename.table("app", "accounts", "users"),
                Rename.column("app", "accounts", "full_name", "name"),
                Rename.index("app", "accounts", "accounts_name", "users_name"));
    }

    @Test
    void theRealmIsTheDesiredOneWithNewNames() {
        SchemaHclResult result = Pg.result(RENAMED);
        var table = result.realm().schema("app").orElseThrow().table("accounts").orElseThrow();
        assertThat(table.column("full_name")).isPresent();
        assertThat(table.index("accounts_name")).isPresent();
        assertThat(result.realm().schema("app").orElseThrow().table("users")).isEmpty();
    }

    @Test
    void writingAReadRealmPrintsNoHint() {
        assertThat(Pg.write(Pg.read(RENAMED))).doesNotContain("renamed_from");
    }

    @Test
    void documentsWithoutHintsHaveNone() {
        assertThat(Pg.result("schema \"s\" {}\ntable \"t\" {\n schema = schema.s\n column \"a\" { type = int }\n}\n").renames())
                .isEmpty();
    }

    @Test
    void theSchemaFileReaderReturnsTheHints(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema.hcl");
        Files.writeString(file, RENAMED);
        assertThat(new HclSchemaFileReader().renames("postgres", List.of(file), Map.of()))
                .containsExactlyElementsOf(Pg.result(RENAMED).renames());
    }

    static Stream<Arguments> errors() {
        String head = "schema \"s\" {}\n"; // line 1
        return Stream.of(
                Arguments.of("table renamed from itself",
                        head + "table \"t\" {\n  schema = schema.s\n  renamed_from = \"t\"\n  column \"a\" { type = int }\n}\n",
                        FILE + ":4:3: table \"t\" cannot be renamed from itself"),
                Arguments.of("column renamed from itself",
                        head + "table \"t\" {\n  schema = schema.s\n  column \"a\" {\n    type = int\n    renamed_from = \"a\"\n  }\n}\n",
                        FILE + ":6:5: column \"a\" cannot be renamed from itself"),
                Arguments.of("index renamed from itself",
                        head + "table \"t\" {\n  schema = schema.s\n  column \"a\" { type = int }\n"
                                + "  index \"i\" {\n    columns = [column.a]\n    renamed_from = \"i\"\n  }\n}\n",
                        FILE + ":7:5: index \"i\" cannot be renamed from itself"),
                Arguments.of("not a string",
                        head + "table \"t\" {\n  schema = schema.s\n  renamed_from = [\"x\"]\n  column \"a\" { type = int }\n}\n",
                        FILE + ":4:18: attribute \"renamed_from\" must be a string"),
                Arguments.of("empty",
                        head + "table \"t\" {\n  schema = schema.s\n  renamed_from = \"\"\n  column \"a\" { type = int }\n}\n",
                        FILE + ":4:3: renamed_from of table \"t\" must not be empty"),
                Arguments.of("not on a primary key",
                        head + "table \"t\" {\n  schema = schema.s\n  column \"a\" { type = int }\n"
                                + "  primary_key {\n    columns = [column.a]\n    renamed_from = \"pk\"\n  }\n}\n",
                        FILE + ":7:5: unsupported attribute \"renamed_from\" in primary_key"),
                Arguments.of("not on a view column",
                        head + "view \"v\" {\n  schema = schema.s\n  column \"a\" {\n    type = int\n    renamed_from = \"b\"\n  }\n"
                                + "  as = \"SELECT 1 AS a\"\n}\n",
                        FILE + ":6:5: unsupported attribute \"renamed_from\" in column \"a\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void badHintsAreErrorsWithPositions(String name, String hcl, String expected) {
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> Pg.read(hcl));
        assertThat(e).as("no error for %s", name).isNotNull();
        assertThat(e.diagnostics()).extracting(Diagnostic::toString).anySatisfy(d -> assertThat(d).startsWith(expected));
    }
}
