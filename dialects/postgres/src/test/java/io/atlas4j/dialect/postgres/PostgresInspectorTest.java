package io.atlas4j.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresAttrs.IndexStorageParams;
import io.atlas4j.dialect.postgres.PostgresAttrs.Partition;
import io.atlas4j.dialect.postgres.PostgresAttrs.PartitionKey;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.ArrayType;
import io.atlas4j.schema.ColumnType.BoolType;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.StringType;
import io.atlas4j.schema.ColumnType.UnsupportedType;
import io.atlas4j.schema.ColumnType.UserTypeRef;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.Expr.Literal;
import io.atlas4j.schema.Expr.RawExpr;
import io.atlas4j.schema.ForeignKey.Action;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.Trigger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The row-to-model mapping rules of {@link PostgresInspector}, without a server. */
class PostgresInspectorTest {

    private static final ColumnType INT = new IntegerType(32, false);
    private static final ColumnType VARCHAR = new StringType(StringType.Kind.VARCHAR, 10);
    private static final ColumnType TEXT = new StringType(StringType.Kind.TEXT, 0);

    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of("42", INT, new Literal("42")),
                Arguments.of("-1.5", INT, new Literal("-1.5")),
                Arguments.of("'-1'::integer", INT, new Literal("-1")),
                Arguments.of("true", new BoolType(), new Literal("true")),
                Arguments.of("'abc'::character varying", VARCHAR, new Literal("'abc'")),
                Arguments.of("'it''s'::text", VARCHAR, new Literal("'it''s'")),
                Arguments.of("'happy'::s1.mood", new EnumRef("s1", "mood"), new Literal("'happy'")),
                Arguments.of("'{}'::integer[]", new ArrayType(INT), new Literal("'{}'")),
                Arguments.of("now()", INT, new RawExpr("now()")),
                Arguments.of("nextval('t_id_seq'::regclass)", INT, new RawExpr("nextval('t_id_seq'::regclass)")),
                Arguments.of("('a'::text || 'b'::text)", VARCHAR, new RawExpr("('a'::text || 'b'::text)")),
                Arguments.of("'a'::text || 'b'::text", VARCHAR, new RawExpr("'a'::text || 'b'::text")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void defaultsBecomeLiteralsOrRawExpressions(String text, ColumnType type, Expr expected) {
        assertThat(PostgresInspector.defaultExpr(text, type)).contains(expected);
    }

    @Test
    void noDefaultIsEmpty() {
        assertThat(PostgresInspector.defaultExpr(null, INT)).isEqualTo(Optional.empty());
    }

    static Stream<Arguments> columnTypes() {
        return Stream.of(
                Arguments.of("integer", "b", "pg_catalog", "int4", null, null, null, INT),
                Arguments.of("mood", "e", "s1", "mood", null, null, null, new EnumRef("s1", "mood")),
                Arguments.of("mood[]", "b", "s1", "_mood", "e", "s1", "mood", new ArrayType(new EnumRef("s1", "mood"))),
                Arguments.of("integer[]", "b", "pg_catalog", "_int4", "b", "pg_catalog", "int4", new ArrayType(INT)),
                Arguments.of("posint", "d", "public", "posint", null, null, null, new UserTypeRef("public", "posint")),
                Arguments.of("pair[]", "b", "s1", "_pair", "c", "s1", "pair", new ArrayType(new UserTypeRef("s1", "pair"))),
                Arguments.of("floatrange", "r", "public", "floatrange", null, null, null, new UserTypeRef("public", "floatrange")),
                Arguments.of("int4range", "r", "pg_catalog", "int4range", null, null, null, new UnsupportedType("int4range")),
                Arguments.of("interval(3)", "b", "pg_catalog", "interval", null, null, null, new UnsupportedType("interval(3)")),
                // An extension's base type keeps its spelling rather than being mistaken for a built-in.
                Arguments.of("citext", "b", "public", "citext", null, null, null, new UnsupportedType("citext")),
                // A user type named like a built-in must not be mistaken for it.
                Arguments.of("text", "c", "public", "text", null, null, null, new UserTypeRef("public", "text")));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("columnTypes")
    void columnTypesComeFromTheCatalog(String formatted, String typtype, String schema, String name, String elemTyptype,
            String elemSchema, String elemName, ColumnType expected) {
        assertThat(PostgresInspector.columnType(formatted, typtype, schema, name, elemTyptype, elemSchema, elemName))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"a, NO_ACTION", "r, RESTRICT", "c, CASCADE", "n, SET_NULL", "d, SET_DEFAULT"})
    void referentialActions(String code, Action action) {
        assertThat(PostgresInspector.action(code)).isEqualTo(action);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "' SELECT 1;'| SELECT 1",
            "SELECT a FROM t | SELECT a FROM t",
            "' SELECT a\n   FROM t;  '| 'SELECT a\n   FROM t'"})
    void viewDefinitionsLoseTheirSemicolon(String text, String expected) {
        assertThat(PostgresInspector.viewDefinition(text)).isEqualTo(expected);
    }

    static Stream<Arguments> serials() {
        ColumnType bigint = new IntegerType(64, false);
        return Stream.of(
                Arguments.of("t", "id", INT, "nextval('t_id_seq'::regclass)", "t_id_seq", true),
                Arguments.of("t", "id", bigint, "nextval('app.t_id_seq'::regclass)", "t_id_seq", true),
                Arguments.of("T", "Id", INT, "nextval('app.\"T_Id_seq\"'::regclass)", "T_Id_seq", true),
                Arguments.of("t", "id", INT, "nextval('other_seq'::regclass)", "other_seq", false),
                Arguments.of("t", "id", INT, "nextval('t_id_seq'::regclass)", null, false),
                Arguments.of("t", "id", VARCHAR, "nextval('t_id_seq'::regclass)", "t_id_seq", false),
                Arguments.of("t", "id", INT, "(nextval('t_id_seq'::regclass) + 1)", "t_id_seq", false),
                Arguments.of("t", "id", INT, null, "t_id_seq", false));
    }

    @ParameterizedTest(name = "{3} owned {4}: {5}")
    @MethodSource("serials")
    void serialColumnsAreRecognised(String table, String column, ColumnType type, String defaultText, String owned,
            boolean serial) {
        assertThat(PostgresInspector.isSerial(table, column, type, defaultText, owned)).isEqualTo(serial);
    }

    @Test
    void partitionKeysAreColumnsOrExpressions() {
        assertThat(PostgresInspector.partition("LIST (\"Region\", lower(name), id)")).isEqualTo(
                new Partition(Partition.Strategy.LIST, List.of(
                        new PartitionKey(Optional.of("Region"), Optional.empty()),
                        new PartitionKey(Optional.empty(), Optional.of("lower(name)")),
                        new PartitionKey(Optional.of("id"), Optional.empty()))));
        assertThat(PostgresInspector.partition("HASH (id)").strategy()).isEqualTo(Partition.Strategy.HASH);
    }

    @Test
    void brinStorageParametersOnlyWhenSet() {
        assertThat(PostgresInspector.storageParams(List.of())).isNull();
        assertThat(PostgresInspector.storageParams(List.of("fillfactor=70"))).isNull();
        assertThat(PostgresInspector.storageParams(List.of("pages_per_range=16")))
                .isEqualTo(new IndexStorageParams(false, 16));
        assertThat(PostgresInspector.storageParams(List.of("autosummarize=on")))
                .isEqualTo(new IndexStorageParams(true, 128));
    }

    private static String typeRow(String formatted, String schema, String name) {
        return String.join("\u001f", formatted, "b", schema, name, "", "", "");
    }

    @Test
    void routineArgumentsGetModesNamesAndTrailingDefaults() {
        List<String> types = List.of(typeRow("integer", "pg_catalog", "int4"), typeRow("text", "pg_catalog", "text"),
                typeRow("integer", "pg_catalog", "int4"), typeRow("text", "pg_catalog", "text"));
        List<FuncArg> args = PostgresInspectObjects.args(List.of("a", "b", "c", "r"), List.of("i", "i", "b", "o"),
                "'x, y'::text, (1 + 2)", types);
        assertThat(args).containsExactly(
                new FuncArg("a", INT, FuncArg.Mode.IN, Optional.empty()),
                new FuncArg("b", TEXT, FuncArg.Mode.IN, Optional.of("'x, y'::text")),
                new FuncArg("c", INT, FuncArg.Mode.INOUT, Optional.of("(1 + 2)")),
                new FuncArg("r", TEXT, FuncArg.Mode.OUT, Optional.empty()));
        // No names and no modes: every argument is an unnamed input; TABLE columns are not arguments.
        assertThat(PostgresInspectObjects.args(List.of(), List.of(), null, types.subList(0, 1)))
                .containsExactly(new FuncArg("", INT, FuncArg.Mode.IN, Optional.empty()));
        assertThat(PostgresInspectObjects.args(List.of("a", "x"), List.of("i", "t"), null, types.subList(0, 2)))
                .containsExactly(new FuncArg("a", INT, FuncArg.Mode.IN, Optional.empty()));
    }

    @Test
    void triggersComeFromTypeBitsAndDefinition() {
        // ROW | BEFORE | INSERT | UPDATE
        Trigger t = PostgresInspectObjects.trigger("t1", 1 | 2 | 4 | 16,
                "CREATE TRIGGER t1 BEFORE INSERT OR UPDATE OF a ON s.t FOR EACH ROW WHEN ((new.a > 0)) EXECUTE FUNCTION s.f('x')",
                List.of("a"), List.of());
        assertThat(t).isEqualTo(new Trigger("t1", Trigger.Timing.BEFORE, List.of("INSERT", "UPDATE OF \"a\""), true,
                Optional.of("(new.a > 0)"), "EXECUTE FUNCTION s.f('x')", List.of()));
        // statement-level AFTER DELETE OR TRUNCATE
        Trigger s = PostgresInspectObjects.trigger("t2", 8 | 32, "CREATE TRIGGER t2 AFTER DELETE OR TRUNCATE ON t"
                + " FOR EACH STATEMENT EXECUTE FUNCTION f()", List.of(), List.of());
        assertThat(s).isEqualTo(new Trigger("t2", Trigger.Timing.AFTER, List.of("DELETE", "TRUNCATE"), false,
                Optional.empty(), "EXECUTE FUNCTION f()", List.of()));
        assertThat(PostgresInspectObjects.trigger("t3", 1 | 64 | 4, "CREATE TRIGGER t3 INSTEAD OF INSERT ON v"
                + " FOR EACH ROW EXECUTE FUNCTION f()", List.of(), List.of()).timing()).isEqualTo(Trigger.Timing.INSTEAD_OF);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a, b, c|3",
            "f(a, b), 'x,y', \"q,r\", arr[1,2]|4",
            "single|1"})
    void topLevelCommasSplitLists(String text, int parts) {
        assertThat(PostgresInspectObjects.splitTopLevel(text)).hasSize(parts);
    }

    @Test
    void emptyListSplitsToNothing() {
        assertThat(PostgresInspectObjects.splitTopLevel("")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(a > 0)|a > 0", "(a) AND (b)|(a) AND (b)", "((a))|(a)", "a|a"})
    void unwrapsOnePairOfParentheses(String text, String expected) {
        assertThat(PostgresInspectObjects.unwrap(text)).isEqualTo(expected);
    }
}
