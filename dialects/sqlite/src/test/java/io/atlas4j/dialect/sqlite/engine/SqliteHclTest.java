package io.atlas4j.dialect.sqlite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.apply.PlanApplier;
import io.atlas4j.dialect.sqlite.SqliteDialect;
import io.atlas4j.dialect.sqlite.SqliteType;
import io.atlas4j.dialect.sqlite.hcl.SqliteHcl;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schemahcl.HclDialects;
import io.atlas4j.schemahcl.SchemaHclReader;
import io.atlas4j.schemahcl.SchemaHclWriter;
import io.atlas4j.schemahcl.TypeSpec;
import io.atlas4j.state.StateReader;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQLite's HCL codec (schema-hcl.md §7.4, H13, H14, H34): reading, writing, and a round trip through SQLite. */
class SqliteHclTest {

    private static final SqliteHcl HCL = new SqliteHcl();

    /** What {@code schema inspect} prints for the fixture below, after SQLite normalised it. */
    private static final String INSPECTED = """
            table "users" {
              schema = schema.main
              column "id" {
                null           = false
                type           = integer
                auto_increment = true
              }
              column "email" {
                null    = true
                type    = varchar
                default = "none"
              }
              column "score" {
                null    = false
                type    = double_precision
                default = 0
              }
              column "kind" {
                null = false
                type = sql("my type")
              }
              column "v" {
                null = false
                type = int
                as {
                  expr = "id + 1"
                  type = VIRTUAL
                }
              }
              primary_key {
                columns = [column.id]
              }
              index "users_email" {
                unique  = true
                columns = [column.email]
              }
              index "users_lower" {
                where = "score > 0"
                on {
                  expr = "lower(kind)"
                  desc = true
                }
              }
              check "positive" {
                expr = "score >= 0"
              }
            }
            table "posts" {
              schema        = schema.main
              strict        = true
              without_rowid = true
              column "id" {
                null = false
                type = int
              }
              column "author" {
                null = true
                type = integer
              }
              primary_key {
                columns = [column.id]
              }
              foreign_key "author_fk" {
                columns     = [column.author]
                ref_columns = [table.users.column.id]
                on_update   = NO_ACTION
                on_delete   = CASCADE
              }
            }
            schema "main" {
            }
            """;

    @Test
    void h34AnEmptyDatabasePrintsAnEmptyMain() {
        assertThat(new SchemaHclWriter(HCL).write(new Realm(List.of(Schema.of("main"))))).isEqualTo("schema \"main\" {\n}\n");
    }

    @Test
    void isFoundByItsDialectName() {
        assertThat(HclDialects.get("sqlite")).isInstanceOf(SqliteHcl.class);
    }

    @Test
    void h13AnAutoIncrementKeyIsDeclaredInline() {
        Plan plan = plan("""
                table "users" {
                  schema = schema.main
                  column "id" {
                    type           = integer
                    auto_increment = true
                  }
                  primary_key {
                    columns = [column.id]
                  }
                }
                schema "main" {
                }
                """);

        assertThat(plan.statements()).extracting(PlannedStatement::sql)
                .containsExactly("CREATE TABLE `users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT)");
    }

    @Test
    void h14StrictAndWithoutRowid() {
        Plan plan = plan("""
                table "t1" {
                  schema = schema.main
                  column "id" {
                    type = integer
                  }
                  primary_key {
                    columns = [column.id]
                  }
                  strict        = true
                  without_rowid = true
                }
                schema "main" {
                }
                """);

        assertThat(plan.statements()).extracting(PlannedStatement::sql)
                .containsExactly("CREATE TABLE `t1` (`id` integer NOT NULL, PRIMARY KEY (`id`)) WITHOUT ROWID, STRICT");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "int|int|", "double_precision|double precision|", "varchar|varchar|255", "my_type|my_type|", "INTEGER|integer|"})
    void namedTypes(String written, String name, String size) {
        List<String> args = size == null ? List.of() : List.of(size);

        assertThat(HCL.parseType(new TypeSpec.Named(written, args))).isEqualTo(new SqliteType(name, args));
    }

    @Test
    void rawTypesAndTheirSpelling() {
        assertThat(HCL.parseType(new TypeSpec.Raw("MY TYPE(3)"))).isEqualTo(new SqliteType("my type", List.of("3")));
        assertThat(HCL.formatType(new SqliteType("my type", List.of("3")), new Realm(List.of())))
                .isEqualTo(new TypeSpec.Raw("my type(3)"));
        assertThat(HCL.formatType(new SqliteType("double precision", List.of()), new Realm(List.of())))
                .isEqualTo(new TypeSpec.Named("double_precision", List.of()));
    }

    /** HCL → plan → SQLite → inspect → HCL is a fixpoint, and the written HCL plans the same schema again. */
    @Test
    void roundTripThroughSqlite() throws Exception {
        Schema first = build(plan(INSPECTED));
        String written = new SchemaHclWriter(HCL).write(new Realm(List.of(first)));

        assertThat(written).isEqualTo(INSPECTED);
        Schema second = build(plan(written));
        assertThat(Fx.DRIVER.differ().diffSchema(first, second, DiffOptions.DEFAULT)).isEmpty();
    }

    private static Plan plan(String hcl) {
        Realm realm = new SchemaHclReader(HCL).read(List.of(new SchemaHclReader.SourceFile(URI.create("file:///s.hcl"), hcl)),
                Map.of(), Path.of("")).realm();
        return StateReader.planFromEmpty(Fx.DRIVER, realm, Optional.of("main"));
    }

    private static Schema build(Plan plan) throws Exception {
        try (Connection c = Fx.memory()) {
            PlanApplier.apply(new SqliteDialect(), c, plan, true, s -> { });
            return Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
        }
    }
}
