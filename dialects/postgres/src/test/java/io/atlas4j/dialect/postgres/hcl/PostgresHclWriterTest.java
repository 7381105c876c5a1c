package io.atlas4j.dialect.postgres.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.dialect.postgres.PostgresObjects.Domain;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexType;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schemahcl.SchemaHclWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Model → the HCL Atlas's {@code schema inspect} prints. */
class PostgresHclWriterTest {

    private static final ColumnType INT = new ColumnType.IntegerType(32, false);

    @Test
    void writesTablesThenSchemasLikeAtlasInspect() {
        Table users = new Table("users", List.of(
                new Column("id", INT, false, Optional.empty(), List.of(new Identity(Identity.Generation.ALWAYS, 1, 1))),
                new Column("name", new ColumnType.StringType(ColumnType.StringType.Kind.VARCHAR, 255), true,
                        Optional.of(new Expr.Literal("'it''s'")), List.of(new Comment("display name"))),
                new Column("price", new ColumnType.DecimalType(10, 2), false, Optional.of(new Expr.Literal("1.5")), List.of()),
                new Column("created", new ColumnType.TimeType(ColumnType.TimeType.Kind.TIMESTAMP_TZ, OptionalInt.empty()),
                        false, Optional.of(new Expr.RawExpr("now()")), List.of()),
                Column.of("tags", new ColumnType.ArrayType(new ColumnType.StringType(ColumnType.StringType.Kind.TEXT, 0)), true),
                Column.of("status", new ColumnType.EnumRef("public", "status"), false),
                Column.of("boss", INT, true)),
                Optional.of(PrimaryKey.of("users_pkey", "id")),
                List.of(new Index("users_name_idx", false, List.of(IndexPart.column("name").descending(), IndexPart.expr("lower(name)")),
                        List.of(new IndexType("btree")))),
                List.of(new ForeignKey("users_boss_fk", List.of("boss"), "public", "users", List.of("id"),
                        ForeignKey.Action.NO_ACTION, ForeignKey.Action.SET_NULL)),
                List.of(new Check("price_check", "(price > (0)::numeric)")),
                List.of(new Comment("people")));
        Schema pub = new Schema("public", List.of(users), List.of(), List.of(), List.of(),
                List.of(new EnumType("status", List.of("on", "off"))), List.of(new Comment("standard public schema")));
        assertThat(Pg.write(new Realm(List.of(pub)))).isEqualTo("""
                table "users" {
                  schema  = schema.public
                  comment = "people"
                  column "id" {
                    null = false
                    type = integer
                    identity {
                      generated = ALWAYS
                    }
                  }
                  column "name" {
                    null    = true
                    type    = character_varying(255)
                    default = "it's"
                    comment = "display name"
                  }
                  column "price" {
                    null    = false
                    type    = numeric(10,2)
                    default = 1.5
                  }
                  column "created" {
                    null    = false
                    type    = timestamptz
                    default = sql("now()")
                  }
                  column "tags" {
                    null = true
                    type = sql("text[]")
                  }
                  column "status" {
                    null = false
                    type = enum.status
                  }
                  column "boss" {
                    null = true
                    type = integer
                  }
                  primary_key {
                    columns = [column.id]
                  }
                  foreign_key "users_boss_fk" {
                    columns     = [column.boss]
                    ref_columns = [column.id]
                    on_update   = NO_ACTION
                    on_delete   = SET_NULL
                  }
                  index "users_name_idx" {
                    on {
                      column = column.name
                      desc   = true
                    }
                    on {
                      expr = "lower(name)"
                    }
                  }
                  check "price_check" {
                    expr = "(price > (0)::numeric)"
                  }
                }
                enum "status" {
                  schema = schema.public
                  values = ["on", "off"]
                }
                schema "public" {
                  comment = "standard public schema"
                }
                """);
    }

    @Test
    void qualifiesTablesWhoseNamesCollide() {
        Table a = Table.of("users", Column.of("id", INT, false));
        Table b = new Table("users", List.of(Column.of("id", INT, false), Column.of("aid", INT, false)), Optional.empty(),
                List.of(), List.of(new ForeignKey("fk", List.of("aid"), "a", "users", List.of("id"),
                        ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE)), List.of(), List.of());
        String hcl = Pg.write(new Realm(List.of(Schema.of("a", a), Schema.of("b", b))));
        assertThat(hcl).contains("table \"a\" \"users\" {", "table \"b\" \"users\" {",
                "ref_columns = [table.a.users.column.id]");
        assertThat(Pg.read(hcl)).isEqualTo(new Realm(List.of(Schema.of("a", a), Schema.of("b", b))));
    }

    @Test
    void writesPostgresObjectsAfterTablesAndRealmObjectsBeforeSchemas() {
        Table t = Table.of("t", Column.of("a", new ColumnType.UserTypeRef("public", "pos"), false));
        Schema s = new Schema("public", List.of(t), List.of(), List.of(), List.of(), List.of(
                new io.atlas4j.dialect.postgres.PostgresObjects.Policy("t", "p", false, "SELECT", List.of("PUBLIC", "alice"),
                        Optional.of("(a > 0)"), Optional.empty(), List.of()),
                new Domain("pos", INT, false, Optional.of("1"), List.of(new Check("pos_check", "(VALUE > 0)")),
                        List.of(new Comment("positive")))), List.of());
        Realm realm = new Realm(List.of(s), List.of(
                new io.atlas4j.dialect.postgres.PostgresObjects.EventTrigger("e", "sql_drop", List.of(), "public.f", List.of()),
                new io.atlas4j.dialect.postgres.PostgresObjects.Extension("hstore", "public", "1.8", List.of())));
        assertThat(Pg.write(realm)).isEqualTo("""
                table "t" {
                  schema = schema.public
                  column "a" {
                    null = false
                    type = domain.pos
                  }
                }
                domain "pos" {
                  schema  = schema.public
                  type    = integer
                  null    = false
                  default = 1
                  comment = "positive"
                  check "pos_check" {
                    expr = "(VALUE > 0)"
                  }
                }
                policy "p" {
                  on    = table.t
                  as    = RESTRICTIVE
                  for   = SELECT
                  to    = [PUBLIC, "alice"]
                  using = "(a > 0)"
                }
                extension "hstore" {
                  schema  = schema.public
                  version = "1.8"
                }
                event_trigger "e" {
                  on      = sql_drop
                  execute = function.f
                }
                schema "public" {
                }
                """);
    }

    @Test
    void writesAnEmptySchemaAsAnEmptyBlock() {
        assertThat(Pg.write(new Realm(List.of(Schema.of("main"))))).isEqualTo("schema \"main\" {\n}\n");
    }

    @Test
    void writesTriggerBodiesItCannotParseAsAs() {
        Table t = new Table("t", List.of(Column.of("a", INT, false)), Optional.empty(), List.of(), List.of(), List.of(),
                List.of(), List.of(new Trigger("tr", Trigger.Timing.AFTER, List.of("INSERT"), false, Optional.empty(),
                        "EXECUTE FUNCTION f(1)", List.of())));
        assertThat(Pg.write(new Realm(List.of(Schema.of("public", t))))).contains("""
                trigger "tr" {
                  on  = table.t
                  for = STATEMENT
                  as  = "EXECUTE FUNCTION f(1)"
                  after {
                    insert = true
                  }
                }
                """);
    }

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of(new ColumnType.IntegerType(16, false), "smallint"),
                Arguments.of(new ColumnType.IntegerType(64, false), "bigint"),
                Arguments.of(new ColumnType.StringType(ColumnType.StringType.Kind.VARCHAR, 0), "character_varying"),
                Arguments.of(new ColumnType.StringType(ColumnType.StringType.Kind.CHAR, 10), "character(10)"),
                Arguments.of(new ColumnType.StringType(ColumnType.StringType.Kind.TEXT, 0), "text"),
                Arguments.of(new ColumnType.TimeType(ColumnType.TimeType.Kind.TIME_TZ, OptionalInt.of(3)), "timetz(3)"),
                Arguments.of(new ColumnType.TimeType(ColumnType.TimeType.Kind.TIMESTAMP, OptionalInt.empty()), "timestamp"),
                Arguments.of(new ColumnType.TimeType(ColumnType.TimeType.Kind.TIME, OptionalInt.of(0)), "time(0)"),
                Arguments.of(new ColumnType.TimeType(ColumnType.TimeType.Kind.DATE, OptionalInt.empty()), "date"),
                Arguments.of(new ColumnType.FloatType(32), "real"),
                Arguments.of(new ColumnType.FloatType(64), "double_precision"),
                Arguments.of(new ColumnType.DecimalType(0, 0), "numeric"),
                Arguments.of(new ColumnType.BoolType(), "boolean"),
                Arguments.of(new ColumnType.BinaryType(0), "bytea"),
                Arguments.of(new ColumnType.JsonType(false), "json"),
                Arguments.of(new SerialType(32, ""), "serial"),
                Arguments.of(new SerialType(16, "t_a_seq"), "smallserial"),
                Arguments.of(new ColumnType.UnsupportedType("bit(2)"), "bit(2)"),
                Arguments.of(new ColumnType.UnsupportedType("inet"), "inet"),
                Arguments.of(new ColumnType.UnsupportedType("interval day to second(3)"), "day_to_second(3)"),
                Arguments.of(new ColumnType.UnsupportedType("geometry(Point,4326)"), "sql(\"geometry(Point,4326)\")"),
                Arguments.of(new ColumnType.UserTypeRef("public", "money2"), "sql(\"public.money2\")"),
                Arguments.of(new ColumnType.UserTypeRef("public", "pos"), "domain.pos"),
                Arguments.of(new ColumnType.ArrayType(INT), "sql(\"integer[]\")"),
                Arguments.of(new ColumnType.EnumRef("public", "e"), "enum.e"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("types")
    void spellsTypes(ColumnType type, String hcl) {
        Schema s = new Schema("public", List.of(Table.of("t", Column.of("a", type, false))), List.of(), List.of(),
                List.of(), List.of(new Domain("pos", INT, true, Optional.empty(), List.of(), List.of())), List.of());
        assertThat(Pg.write(new Realm(List.of(s)))).contains("    type = " + hcl + "\n");
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of(new Expr.Literal("'x'"), "\"x\""),
                Arguments.of(new Expr.Literal("'a\"b'"), "\"a\\\"b\""),
                Arguments.of(new Expr.Literal("'${x}'"), "\"$${x}\""),
                Arguments.of(new Expr.Literal("42"), "42"),
                Arguments.of(new Expr.Literal("-1.5"), "-1.5"),
                Arguments.of(new Expr.Literal("false"), "false"),
                Arguments.of(new Expr.Literal("'x'::text"), "sql(\"'x'::text\")"),
                Arguments.of(new Expr.RawExpr("nextval('s'::regclass)"), "sql(\"nextval('s'::regclass)\")"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("defaults")
    void spellsDefaults(Expr e, String hcl) {
        assertThat(SchemaHclWriter.defaultValue(e)).isEqualTo(hcl);
    }
}
