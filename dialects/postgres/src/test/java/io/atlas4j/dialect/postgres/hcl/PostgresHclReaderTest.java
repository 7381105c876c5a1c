package io.atlas4j.dialect.postgres.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresAttrs.Deferrable;
import io.atlas4j.dialect.postgres.PostgresAttrs.ExcludeOperator;
import io.atlas4j.dialect.postgres.PostgresAttrs.IndexStorageParams;
import io.atlas4j.dialect.postgres.PostgresAttrs.NoInherit;
import io.atlas4j.dialect.postgres.PostgresAttrs.NullsNotDistinct;
import io.atlas4j.dialect.postgres.PostgresAttrs.OpClass;
import io.atlas4j.dialect.postgres.PostgresAttrs.Partition;
import io.atlas4j.dialect.postgres.PostgresAttrs.PartitionKey;
import io.atlas4j.dialect.postgres.PostgresAttrs.RowSecurity;
import io.atlas4j.dialect.postgres.PostgresAttrs.SecurityDefiner;
import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.dialect.postgres.PostgresAttrs.Strict;
import io.atlas4j.dialect.postgres.PostgresAttrs.Volatility;
import io.atlas4j.dialect.postgres.PostgresObjects.Aggregate;
import io.atlas4j.dialect.postgres.PostgresObjects.Composite;
import io.atlas4j.dialect.postgres.PostgresObjects.Domain;
import io.atlas4j.dialect.postgres.PostgresObjects.EventTrigger;
import io.atlas4j.dialect.postgres.PostgresObjects.Extension;
import io.atlas4j.dialect.postgres.PostgresObjects.Policy;
import io.atlas4j.dialect.postgres.PostgresTypes;
import io.atlas4j.hcl.Value;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.IndexType;
import io.atlas4j.schema.Materialized;
import io.atlas4j.schema.NullsOrder;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.schemahcl.SchemaHclResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HCL snippets → the model records they denote, one table row per block or attribute. */
class PostgresHclReaderTest {

    private static final String SCHEMA = "schema \"public\" {}\n";
    private static final ColumnType INT = new ColumnType.IntegerType(32, false);
    private static final ColumnType TEXT = new ColumnType.StringType(ColumnType.StringType.Kind.TEXT, 0);

    /** A table "t" with the given body after its schema attribute. */
    private static String table(String body) {
        return SCHEMA + "table \"t\" {\n  schema = schema.public\n" + body + "\n}\n";
    }

    /** The table block alone, for documents that declare the schema themselves. */
    private static String tbl(String body) {
        return table(body).substring(SCHEMA.length());
    }

    private static Table t(Realm r) {
        return r.table("public", "t").orElseThrow();
    }

    private static Column col(Realm r, String name) {
        return t(r).column(name).orElseThrow();
    }

    private static Arguments row(String name, String hcl, Function<Realm, Object> pick, Object expected) {
        return Arguments.of(name, hcl, pick, expected);
    }

    static Stream<Arguments> cases() {
        String ab = "column \"a\" { type = int }\ncolumn \"b\" { type = text }\n";
        return Stream.of(
                row("column without null is NOT NULL", table("column \"a\" { type = int }"),
                        r -> col(r, "a"), Column.of("a", INT, false)),
                row("null = true", table("column \"a\" {\n type = int\n null = true }"),
                        r -> col(r, "a").nullable(), true),
                row("string default is a quoted literal", table("column \"a\" {\n type = text\n default = \"it's\" }"),
                        r -> col(r, "a").defaultValue(), Optional.of(new Expr.Literal("'it''s'"))),
                row("double-quoted string default", table("column \"a\" {\n type = text\n default = \"\\\"x\\\"\" }"),
                        r -> col(r, "a").defaultValue(), Optional.of(new Expr.Literal("'x'"))),
                row("number default", table("column \"a\" {\n type = numeric\n default = 1.50 }"),
                        r -> col(r, "a").defaultValue(), Optional.of(new Expr.Literal("1.5"))),
                row("bool default", table("column \"a\" {\n type = bool\n default = true }"),
                        r -> col(r, "a").defaultValue(), Optional.of(new Expr.Literal("true"))),
                row("sql default is raw", table("column \"a\" {\n type = timestamp(4)\n default = sql(\"CURRENT_TIMESTAMP(4)\") }"),
                        r -> col(r, "a").defaultValue(), Optional.of(new Expr.RawExpr("CURRENT_TIMESTAMP(4)"))),
                row("int", table("column \"a\" { type = int }"), r -> col(r, "a").type(), INT),
                row("varchar(255)", table("column \"a\" { type = varchar(255) }"), r -> col(r, "a").type(),
                        new ColumnType.StringType(ColumnType.StringType.Kind.VARCHAR, 255)),
                row("character_varying(255)", table("column \"a\" { type = character_varying(255) }"),
                        r -> col(r, "a").type(), new ColumnType.StringType(ColumnType.StringType.Kind.VARCHAR, 255)),
                row("char(10)", table("column \"a\" { type = char(10) }"), r -> col(r, "a").type(),
                        new ColumnType.StringType(ColumnType.StringType.Kind.CHAR, 10)),
                row("double_precision", table("column \"a\" { type = double_precision }"), r -> col(r, "a").type(),
                        new ColumnType.FloatType(64)),
                row("numeric(10,2)", table("column \"a\" { type = numeric(10,2) }"), r -> col(r, "a").type(),
                        new ColumnType.DecimalType(10, 2)),
                row("timestamptz(3)", table("column \"a\" { type = timestamptz(3) }"), r -> col(r, "a").type(),
                        new ColumnType.TimeType(ColumnType.TimeType.Kind.TIMESTAMP_TZ, OptionalInt.of(3))),
                row("timestamp(6) is the default precision", table("column \"a\" { type = timestamp(6) }"),
                        r -> col(r, "a").type(), new ColumnType.TimeType(ColumnType.TimeType.Kind.TIMESTAMP, OptionalInt.empty())),
                row("jsonb", table("column \"a\" { type = jsonb }"), r -> col(r, "a").type(), new ColumnType.JsonType(true)),
                row("uuid", table("column \"a\" { type = uuid }"), r -> col(r, "a").type(), new ColumnType.UuidType()),
                row("serial", table("column \"a\" { type = serial }"), r -> col(r, "a").type(), new SerialType(32, "")),
                row("bigserial", table("column \"a\" { type = serial8 }"), r -> col(r, "a").type(), new SerialType(64, "")),
                row("smallserial", table("column \"a\" { type = smallserial }"), r -> col(r, "a").type(), new SerialType(16, "")),
                row("bit(2) kept by its canonical spelling", table("column \"a\" { type = bit(2) }"),
                        r -> col(r, "a").type(), PostgresTypes.parse("bit(2)")),
                row("interval field form", table("column \"a\" { type = day_to_second(3) }"),
                        r -> col(r, "a").type(), PostgresTypes.parse("interval day to second(3)")),
                row("array via sql()", table("column \"a\" { type = sql(\"int[]\") }"), r -> col(r, "a").type(),
                        new ColumnType.ArrayType(INT)),
                row("unknown type via sql()", table("column \"a\" { type = sql(\"geometry(Point,4326)\") }"),
                        r -> col(r, "a").type(), PostgresTypes.parse("geometry(Point,4326)")),
                row("enum reference", SCHEMA + "enum \"status\" {\n schema = schema.public\n values = [\"on\", \"off\"] }\n"
                        + tbl("column \"a\" { type = enum.status }"), r -> col(r, "a").type(),
                        new ColumnType.EnumRef("public", "status")),
                row("identity", table("column \"a\" {\n type = int\n identity {\n generated = ALWAYS\n start = 10\n increment = 10\n }\n}"),
                        r -> col(r, "a").attrs(), List.of(new Identity(Identity.Generation.ALWAYS, 10, 10))),
                row("identity defaults", table("column \"a\" {\n type = int\n identity {}\n}"),
                        r -> col(r, "a").attrs(), List.of(new Identity(Identity.Generation.BY_DEFAULT, 1, 1))),
                row("generated column attribute form is STORED", table("column \"a\" {\n type = int\n as = \"1\" }"),
                        r -> col(r, "a").attrs(), List.of(new GeneratedExpr("1", true))),
                row("generated column block form", table("column \"a\" {\n type = int\n as {\n expr = \"2\"\n type = STORED\n }\n}"),
                        r -> col(r, "a").attrs(), List.of(new GeneratedExpr("2", true))),
                row("column comment and collate", table("column \"a\" {\n type = text\n comment = \"c\"\n collate = \"C\" }"),
                        r -> col(r, "a").attrs(), List.of(new Comment("c"), new Collation("C"))),
                row("primary key columns", table(ab + "primary_key { columns = [column.a, column.b] }"),
                        r -> t(r).primaryKey(), Optional.of(PrimaryKey.of("", "a", "b"))),
                row("named primary key with on parts", table(ab + "primary_key \"pk\" {\n on {\n column = column.a\n desc = true\n }\n}"),
                        r -> t(r).primaryKey(), Optional.of(new PrimaryKey("pk", List.of(IndexPart.column("a").descending())))),
                row("plain index", table(ab + "index \"i\" { columns = [column.a] }"),
                        r -> t(r).index("i").orElseThrow(),
                        new Index("i", false, List.of(IndexPart.column("a")), List.of(new IndexType("btree")))),
                row("unique partial covering index", table(ab + "index \"i\" {\n unique = true\n columns = [column.a]\n where = \"a > 0\"\n include = [column.b]\n}"),
                        r -> t(r).index("i").orElseThrow(), new Index("i", true, List.of(IndexPart.column("a")),
                                List.of(new IndexType("btree"), new IndexPredicate("a > 0"), new IndexInclude(List.of("b"))))),
                row("index type, expression part, operator class", table(ab + "index \"i\" {\n type = GIN\n on {\n expr = \"lower(b)\"\n ops = gin_trgm_ops\n }\n}"),
                        r -> t(r).index("i").orElseThrow(), new Index("i", false,
                                List.of(new IndexPart(new IndexPart.ExprKey("lower(b)"), false, List.of(new OpClass("gin_trgm_ops", List.of())))),
                                List.of(new IndexType("gin")))),
                row("parameterised operator class", table(ab + "index \"i\" {\n type = BRIN\n page_per_range = 8\n on {\n column = column.a\n ops = sql(\"int8_minmax_multi_ops(values_per_range=8)\")\n }\n}"),
                        r -> t(r).index("i").orElseThrow(), new Index("i", false,
                                List.of(new IndexPart(new IndexPart.ColumnKey("a"), false,
                                        List.of(new OpClass("int8_minmax_multi_ops", List.of("values_per_range=8"))))),
                                List.of(new IndexType("brin"), new IndexStorageParams(false, 8)))),
                row("GiST spelled as Atlas prints it", table(ab + "index \"i\" {\n type = GiST\n columns = [column.a]\n}"),
                        r -> t(r).index("i").orElseThrow().attr(IndexType.class), Optional.of(new IndexType("gist"))),
                row("nulls_first on an ascending part", table(ab + "index \"i\" {\n on {\n column = column.a\n nulls_first = true\n }\n}"),
                        r -> t(r).index("i").orElseThrow().parts().get(0).attrs(), List.of(new NullsOrder(true))),
                row("nulls_first on a descending part is the default", table(ab + "index \"i\" {\n on {\n column = column.a\n desc = true\n nulls_first = true\n }\n}"),
                        r -> t(r).index("i").orElseThrow().parts().get(0).attrs(), List.of()),
                row("nulls_distinct = false", table(ab + "index \"i\" {\n unique = true\n columns = [column.a]\n nulls_distinct = false\n}"),
                        r -> t(r).index("i").orElseThrow().attr(NullsNotDistinct.class).isPresent(), true),
                row("unique constraint", table(ab + "unique \"u\" { columns = [column.a] }"),
                        r -> t(r).index("u").orElseThrow(), new Index("u", true, List.of(IndexPart.column("a")),
                                List.of(new IndexType("btree"), new IndexConstraint(IndexConstraint.Kind.UNIQUE)))),
                row("exclude constraint", table(ab + "exclude \"x\" {\n type = GIST\n on {\n column = column.a\n op = \"&&\"\n }\n}"),
                        r -> t(r).index("x").orElseThrow(), new Index("x", false,
                                List.of(new IndexPart(new IndexPart.ColumnKey("a"), false, List.of(new ExcludeOperator("&&")))),
                                List.of(new IndexType("gist"), new IndexConstraint(IndexConstraint.Kind.EXCLUDE)))),
                row("foreign key with bare and string actions",
                        SCHEMA + "table \"p\" {\n schema = schema.public\n column \"id\" { type = int }\n}\n"
                                + tbl("column \"pid\" { type = int }\nforeign_key \"fk\" {\n columns = [column.pid]\n ref_columns = [table.p.column.id]\n on_delete = CASCADE\n on_update = \"SET NULL\"\n}"),
                        r -> t(r).foreignKey("fk").orElseThrow(), new ForeignKey("fk", List.of("pid"), "public", "p",
                                List.of("id"), ForeignKey.Action.SET_NULL, ForeignKey.Action.CASCADE)),
                row("self-referencing deferrable foreign key", table("column \"id\" { type = int }\ncolumn \"pid\" { type = int }\nforeign_key \"fk\" {\n columns = [column.pid]\n ref_columns = [column.id]\n deferrable = INITIALLY_DEFERRED\n}"),
                        r -> t(r).foreignKey("fk").orElseThrow(), new ForeignKey("fk", List.of("pid"), "public", "t",
                                List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION, List.of(new Deferrable(true)))),
                row("check no_inherit", table(ab + "check \"c\" {\n expr = \"a > 0\"\n no_inherit = true\n}"),
                        r -> t(r).checks(), List.of(new Check("c", "a > 0", List.of(new NoInherit())))),
                row("partition by list columns", table(ab + "partition {\n type = LIST\n columns = [column.a]\n}"),
                        r -> t(r).attr(Partition.class), Optional.of(new Partition(Partition.Strategy.LIST,
                                List.of(new PartitionKey(Optional.of("a"), Optional.empty()))))),
                row("partition by range with expressions", table(ab + "partition {\n type = RANGE\n by { column = column.a }\n by { expr = \"b * (a % 2)\" }\n}"),
                        r -> t(r).attr(Partition.class), Optional.of(new Partition(Partition.Strategy.RANGE,
                                List.of(new PartitionKey(Optional.of("a"), Optional.empty()),
                                        new PartitionKey(Optional.empty(), Optional.of("b * (a % 2)")))))),
                row("row security", table(ab + "row_security {\n enabled = true\n}"),
                        r -> t(r).attr(RowSecurity.class), Optional.of(new RowSecurity(true, false))),
                row("table comment", table(ab + "comment = \"hi\""), r -> t(r).comment(), Optional.of("hi")),
                row("schema comment", "schema \"public\" { comment = \"s\" }", r -> r.schema("public").orElseThrow().comment(),
                        Optional.of("s")),
                row("enum", SCHEMA + "enum \"e\" {\n schema = schema.public\n values = [\"a\", \"b\"]\n}",
                        r -> r.schema("public").orElseThrow().enums(), List.of(new EnumType("e", List.of("a", "b")))),
                row("sequence defaults", SCHEMA + "sequence \"s\" { schema = schema.public }",
                        r -> r.schema("public").orElseThrow().objects(Sequence.class), List.of(new Sequence("s",
                                new ColumnType.IntegerType(64, false), 1, 1, 1, Long.MAX_VALUE, 1, false, Optional.empty(), List.of()))),
                row("descending sequence", SCHEMA + "sequence \"s\" {\n schema = schema.public\n type = smallint\n increment = -1\n}",
                        r -> r.schema("public").orElseThrow().objects(Sequence.class), List.of(new Sequence("s",
                                new ColumnType.IntegerType(16, false), -1, -1, Short.MIN_VALUE, -1, 1, false, Optional.empty(), List.of()))),
                row("domain", SCHEMA + "domain \"d\" {\n schema = schema.public\n type = int\n default = 1\n check { expr = \"VALUE > 0\" }\n}",
                        r -> r.schema("public").orElseThrow().objects(Domain.class), List.of(new Domain("d", INT, false,
                                Optional.of("1"), List.of(new Check("", "VALUE > 0")), List.of()))),
                row("domain reference", SCHEMA + "domain \"d\" {\n schema = schema.public\n type = int\n}\n"
                        + tbl("column \"a\" { type = domain.d }"), r -> col(r, "a").type(), new ColumnType.UserTypeRef("public", "d")),
                row("composite", SCHEMA + "composite \"c\" {\n schema = schema.public\n field \"x\" { type = int }\n field \"y\" { type = text }\n}",
                        r -> r.schema("public").orElseThrow().objects(Composite.class), List.of(new Composite("c",
                                List.of(Column.of("x", INT, true), Column.of("y", TEXT, true)), List.of()))),
                row("function", SCHEMA + "function \"f\" {\n schema = schema.public\n lang = PLpgSQL\n arg \"x\" {\n type = int\n default = 2\n }\n"
                        + " return = int\n volatility = IMMUTABLE\n strict = true\n security = DEFINER\n as = \"BEGIN RETURN x; END\"\n}",
                        r -> r.schema("public").orElseThrow().funcs(), List.of(new Func("f",
                                List.of(new FuncArg("x", INT, FuncArg.Mode.IN, Optional.of("2"))), "integer", "BEGIN RETURN x; END",
                                "plpgsql", List.of(new Volatility(Volatility.Kind.IMMUTABLE), new Strict(), new SecurityDefiner())))),
                row("procedure", SCHEMA + "procedure \"p\" {\n schema = schema.public\n lang = SQL\n arg { type = text }\n"
                        + " arg \"o\" {\n type = int\n mode = OUT\n }\n as = \"SELECT 1\"\n}",
                        r -> r.schema("public").orElseThrow().procs(), List.of(new Proc("p",
                                List.of(new FuncArg("", TEXT, FuncArg.Mode.IN, Optional.empty()),
                                        new FuncArg("o", INT, FuncArg.Mode.OUT, Optional.empty())), "SELECT 1", "sql", List.of()))),
                row("aggregate", SCHEMA + "function \"acc\" {\n schema = schema.public\n lang = SQL\n return = int\n as = \"SELECT 1\"\n}\n"
                        + "aggregate \"agg\" {\n schema = schema.public\n arg { type = int }\n state_type = int\n state_func = function.acc\n init_cond = \"0\"\n}",
                        r -> r.schema("public").orElseThrow().objects(Aggregate.class), List.of(new Aggregate("agg",
                                List.of(new FuncArg("", INT, FuncArg.Mode.IN, Optional.empty())), "acc", INT, Optional.empty(),
                                Optional.of("0"), List.of()))),
                row("trigger", SCHEMA + "function \"audit\" {\n schema = schema.public\n lang = PLpgSQL\n return = trigger\n as = \"BEGIN RETURN NEW; END\"\n}\n"
                        + tbl(ab) + "trigger \"trg\" {\n on = table.t\n before {\n insert = true\n update_of = [table.t.column.a, table.t.column.b]\n truncate = true\n }\n"
                        + " for = ROW\n when = \"true\"\n execute { function = function.audit }\n}",
                        r -> t(r).triggers(), List.of(new Trigger("trg", Trigger.Timing.BEFORE,
                                List.of("INSERT", "UPDATE OF \"a\", \"b\"", "TRUNCATE"), true, Optional.of("true"),
                                "EXECUTE FUNCTION public.audit()", List.of()))),
                row("statement trigger instead of", SCHEMA + "function \"audit\" {\n schema = schema.public\n lang = PLpgSQL\n return = trigger\n as = \"x\"\n}\n"
                        + "view \"v\" {\n schema = schema.public\n as = \"SELECT 1\"\n}\n"
                        + "trigger \"trg\" {\n on = view.v\n instead_of {\n update = true\n delete = true\n }\n execute { function = function.audit }\n}",
                        r -> r.schema("public").orElseThrow().view("v").orElseThrow().triggers(), List.of(new Trigger("trg",
                                Trigger.Timing.INSTEAD_OF, List.of("UPDATE", "DELETE"), false, Optional.empty(),
                                "EXECUTE FUNCTION public.audit()", List.of()))),
                row("view", SCHEMA + tbl(ab) + "view \"v\" {\n schema = schema.public\n column \"a\" { type = int }\n"
                        + " as = <<-SQL\n    SELECT a\n    FROM t\n  SQL\n depends_on = [table.t]\n comment = \"v!\"\n}",
                        r -> r.schema("public").orElseThrow().view("v").orElseThrow(), new View("v", "SELECT a\nFROM t",
                                List.of(Column.of("a", INT, false)), List.of(), List.of(new Comment("v!")), List.of())),
                row("materialized view with index", SCHEMA + "materialized \"m\" {\n schema = schema.public\n column \"a\" { type = int }\n"
                        + " as = \"SELECT 1 AS a\"\n index \"m_a\" { columns = [column.a] }\n}",
                        r -> r.schema("public").orElseThrow().view("m").orElseThrow(), new View("m", "SELECT 1 AS a",
                                List.of(Column.of("a", INT, false)), List.of(new Index("m_a", false, List.of(IndexPart.column("a")),
                                        List.of(new IndexType("btree")))), List.of(new Materialized()), List.of())),
                row("policy", SCHEMA + tbl(ab) + "policy \"p\" {\n on = table.t\n for = UPDATE\n to = [\"alice\", PUBLIC]\n"
                        + " using = \"a > 0\"\n check = \"b <> ''\"\n comment = \"pc\"\n}",
                        r -> r.schema("public").orElseThrow().objects(Policy.class), List.of(new Policy("t", "p", true, "UPDATE",
                                List.of("alice", "PUBLIC"), Optional.of("a > 0"), Optional.of("b <> ''"), List.of(new Comment("pc"))))),
                row("policy defaults", SCHEMA + tbl(ab) + "policy \"p\" { on = table.t }",
                        r -> r.schema("public").orElseThrow().objects(Policy.class), List.of(new Policy("t", "p", true, "ALL",
                                List.of("PUBLIC"), Optional.empty(), Optional.empty(), List.of()))),
                row("extension", SCHEMA + "extension \"hstore\" {\n schema = schema.public\n version = \"1.8\"\n}",
                        r -> r.objects(Extension.class), List.of(new Extension("hstore", "public", "1.8", List.of()))),
                row("event trigger", SCHEMA + "function \"f\" {\n schema = schema.public\n lang = PLpgSQL\n return = event_trigger\n as = \"x\"\n}\n"
                        + "event_trigger \"e\" {\n on = ddl_command_start\n tags = [\"CREATE TABLE\", \"DROP TABLE\"]\n execute = function.f\n}",
                        r -> r.objects(EventTrigger.class), List.of(new EventTrigger("e", "ddl_command_start",
                                List.of("CREATE TABLE", "DROP TABLE"), "public.f", List.of()))),
                row("qualified tables and references",
                        "schema \"a\" {}\nschema \"b\" {}\ntable \"a\" \"users\" {\n schema = schema.a\n column \"id\" { type = int }\n}\n"
                                + "table \"b\" \"users\" {\n schema = schema.b\n column \"id\" { type = int }\n column \"aid\" { type = int }\n"
                                + " foreign_key \"fk\" {\n columns = [column.aid]\n ref_columns = [table.a.users.column.id]\n }\n}",
                        r -> r.table("b", "users").orElseThrow().foreignKeys().get(0).refSchema(), "a"),
                row("files may use locals", SCHEMA + "locals { n = 12 }\n" + tbl("column \"a\" {\n type = varchar(local.n)\n}"),
                        r -> col(r, "a").type(), new ColumnType.StringType(ColumnType.StringType.Kind.VARCHAR, 12)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reads(String name, String hcl, Function<Realm, Object> pick, Object expected) {
        assertThat(pick.apply(Pg.read(hcl))).isEqualTo(expected);
    }

    @Test
    void forEachComputesOneTriggerPerTable() {
        String hcl = SCHEMA + "table \"a\" {\n schema = schema.public\n column \"id\" { type = int }\n}\n"
                + "table \"b\" {\n schema = schema.public\n column \"id\" { type = int }\n}\n"
                + "function \"f\" {\n schema = schema.public\n lang = PLpgSQL\n return = trigger\n as = \"x\"\n}\n"
                + "trigger \"audit\" {\n for_each = [table.a, table.b]\n on = each.value\n after { insert = true }\n"
                + " execute { function = function.f }\n}\n"
                + "policy \"p\" {\n for_each = {a = table.a, b = table.b}\n on = each.value\n using = \"${each.key} = 'x'\"\n}\n";
        Realm r = Pg.read(hcl);
        Trigger expected = new Trigger("audit", Trigger.Timing.AFTER, List.of("INSERT"), false, Optional.empty(),
                "EXECUTE FUNCTION public.f()", List.of());
        assertThat(r.table("public", "a").orElseThrow().triggers()).containsExactly(expected);
        assertThat(r.table("public", "b").orElseThrow().triggers()).containsExactly(expected);
        assertThat(r.schema("public").orElseThrow().objects(Policy.class)).extracting(Policy::name, p -> p.using().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.p", "a = 'x'"), org.assertj.core.groups.Tuple.tuple("b.p", "b = 'x'"));
    }

    @Test
    void interpolatedReferencesBecomeNames() {
        String hcl = "schema \"s\" { name = \"sales\" }\ntable \"orders\" {\n schema = schema.s\n column \"amount\" { type = int }\n}\n"
                + "view \"big\" {\n schema = schema.s\n as = <<-SQL\n  SELECT ${table.orders.column.amount.name}\n"
                + "  FROM ${schema.s.name}.${table.orders.name}\n  SQL\n}\n";
        assertThat(Pg.read(hcl).schema("sales").orElseThrow().view("big").orElseThrow().definition())
                .isEqualTo("SELECT amount\nFROM sales.orders");
    }

    @Test
    void aDirectoryContributesItsDirectHclChildrenOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("1.hcl"), SCHEMA + "table \"a\" {\n schema = schema.public\n column \"id\" { type = int }\n}\n");
        java.nio.file.Files.writeString(dir.resolve("2.hcl"), "table \"b\" {\n schema = schema.public\n column \"aid\" { type = int }\n"
                + " foreign_key \"fk\" {\n columns = [column.aid]\n ref_columns = [table.a.column.id]\n }\n}\n");
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not hcl");
        java.nio.file.Files.createDirectory(dir.resolve("sub"));
        java.nio.file.Files.writeString(dir.resolve("sub/3.hcl"), "this is not { valid");
        Realm r = new io.atlas4j.schemahcl.SchemaHclReader(Pg.DIALECT).read(List.of(dir), Map.of()).realm();
        assertThat(r.schema("public").orElseThrow().tables()).extracting(Table::name).containsExactly("a", "b");
    }

    @Test
    void theCodecIsFoundByDialectName() {
        assertThat(io.atlas4j.schemahcl.HclDialects.get("postgres")).isInstanceOf(PostgresHcl.class);
    }

    @Test
    void schemaNameComesFromAVariable() {
        String hcl = "variable \"tenant\" { type = string }\nschema \"tenant\" { name = var.tenant }\n"
                + "table \"t\" {\n schema = schema.tenant\n column \"a\" { type = text\n default = var.tenant }\n}\n";
        Realm r = Pg.result(hcl, Map.of("tenant", Value.of("acme"))).realm();
        assertThat(r.schemas()).extracting(s -> s.name()).containsExactly("acme");
        assertThat(r.table("acme", "t").orElseThrow().column("a").orElseThrow().defaultValue())
                .contains(new Expr.Literal("'acme'"));
    }

    @Test
    void recordsWhereEachObjectIsDeclared() {
        SchemaHclResult r = Pg.result(table("column \"a\" { type = int }\nindex \"i\" { columns = [column.a] }"));
        assertThat(r.position("public").orElseThrow().line()).isEqualTo(1);
        assertThat(r.position("public.t").orElseThrow().line()).isEqualTo(2);
        assertThat(r.position("public.t.a").orElseThrow().line()).isEqualTo(4);
        assertThat(r.position("public.t.i").orElseThrow().line()).isEqualTo(5);
        assertThat(r.position("public.t.i").orElseThrow().uri().toString()).endsWith("schema.pg.hcl");
    }

    @Test
    void readsSeveralFilesAsOneDocument() {
        var reader = new io.atlas4j.schemahcl.SchemaHclReader(Pg.DIALECT);
        Realm r = reader.read(List.of(
                new io.atlas4j.schemahcl.SchemaHclReader.SourceFile(java.net.URI.create("file:///x/1.hcl"),
                        SCHEMA + "table \"a\" {\n schema = schema.public\n column \"id\" { type = int }\n}\n"),
                new io.atlas4j.schemahcl.SchemaHclReader.SourceFile(java.net.URI.create("file:///x/2.hcl"),
                        "table \"b\" {\n schema = schema.public\n column \"aid\" { type = int }\n"
                                + " foreign_key \"fk\" {\n columns = [column.aid]\n ref_columns = [table.a.column.id]\n }\n}\n")),
                Map.of(), java.nio.file.Path.of(".")).realm();
        assertThat(r.table("public", "b").orElseThrow().foreignKeys()).hasSize(1);
    }
}
