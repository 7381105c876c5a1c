package io.atlas4j.dialect.postgres.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.DecimalType;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.JsonType;
import io.atlas4j.schema.ColumnType.StringType;
import io.atlas4j.schema.ColumnType.UuidType;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Trailing casts and default operator classes, the two lookup tables of the PostgreSQL rules. */
class DefaultValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'a'::character varying|'a'",
        "'a'::character varying(10)|'a'",
        "'{}'::json|'{}'",
        "'1.5'::numeric(10,2)|'1.5'",
        "'{1}'::integer[]|'{1}'",
        "'on'::\"public\".\"state\"|'on'",
        "'on'::public.state|'on'",
        "'2020-01-01'::timestamp without time zone|'2020-01-01'",
        "'1'::text::integer|'1'",
        "now()|now()",
        "nextval('s'::regclass)|nextval('s'::regclass)",
        "a::int + 1|a::int + 1",
        "'a::b'|'a::b'",
    })
    void trimCast(String sql, String trimmed) {
        assertThat(DefaultValues.trimCast(sql)).isEqualTo(trimmed);
    }

    static Stream<Arguments> opclasses() {
        ColumnType int8 = new IntegerType(64, false);
        ColumnType text = new StringType(StringType.Kind.TEXT, 0);
        ColumnType varchar = new StringType(StringType.Kind.VARCHAR, 10);
        ColumnType bpchar = new StringType(StringType.Kind.CHAR, 3);
        return Stream.of(
                Arguments.of("", int8, "int8_ops", true),
                Arguments.of("btree", int8, "pg_catalog.int8_ops", true),
                Arguments.of("hash", int8, "int8_ops", true),
                Arguments.of("btree", new SerialType(32, ""), "int4_ops", true),
                Arguments.of("btree", text, "text_ops", true),
                Arguments.of("btree", varchar, "varchar_ops", true),
                Arguments.of("btree", varchar, "text_ops", true),
                Arguments.of("btree", bpchar, "bpchar_ops", true),
                Arguments.of("btree", bpchar, "text_ops", false),
                Arguments.of("btree", text, "text_pattern_ops", false),
                Arguments.of("btree", new DecimalType(0, 0), "numeric_ops", true),
                Arguments.of("btree", new UuidType(), "uuid_ops", true),
                Arguments.of("btree", new EnumRef("public", "e"), "enum_ops", true),
                Arguments.of("brin", int8, "int8_minmax_ops", true),
                Arguments.of("brin", int8, "int8_bloom_ops", false),
                Arguments.of("gin", new JsonType(true), "jsonb_ops", true),
                Arguments.of("gin", new JsonType(true), "jsonb_path_ops", false),
                Arguments.of("gin", new JsonType(false), "jsonb_ops", false),
                Arguments.of("gist", int8, "gist_int8_ops", false),
                Arguments.of("btree", new ColumnType.UnsupportedType("point"), "point_ops", false));
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @MethodSource("opclasses")
    void defaultOpClasses(String method, ColumnType type, String opclass, boolean isDefault) {
        assertThat(DefaultOpClasses.isDefault(method, Optional.of(type), opclass)).isEqualTo(isDefault);
    }
}
