package io.atlas4j.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.ArrayType;
import io.atlas4j.schema.ColumnType.BoolType;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.StringType;
import io.atlas4j.schema.ColumnType.UnsupportedType;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.Expr.Literal;
import io.atlas4j.schema.Expr.RawExpr;
import io.atlas4j.schema.ForeignKey.Action;
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
                Arguments.of("posint", "d", "public", "posint", null, null, null, new UnsupportedType("posint")),
                // A user type named like a built-in must not be mistaken for it.
                Arguments.of("text", "c", "public", "text", null, null, null, new UnsupportedType("text")));
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
}
