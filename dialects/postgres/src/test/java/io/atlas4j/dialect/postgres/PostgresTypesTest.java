package io.atlas4j.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.ArrayType;
import io.atlas4j.schema.ColumnType.BinaryType;
import io.atlas4j.schema.ColumnType.BoolType;
import io.atlas4j.schema.ColumnType.DecimalType;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.ColumnType.FloatType;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.JsonType;
import io.atlas4j.schema.ColumnType.StringType;
import io.atlas4j.schema.ColumnType.TimeType;
import io.atlas4j.schema.ColumnType.UnsupportedType;
import io.atlas4j.schema.ColumnType.UserTypeRef;
import io.atlas4j.schema.ColumnType.UuidType;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PostgresTypesTest {

    private static final OptionalInt DEFAULT = OptionalInt.empty();

    /** raw spelling, expected kind, canonical spelling (format_type's). */
    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("integer", new IntegerType(32, false), "integer"),
                Arguments.of("int", new IntegerType(32, false), "integer"),
                Arguments.of("int4", new IntegerType(32, false), "integer"),
                Arguments.of("smallint", new IntegerType(16, false), "smallint"),
                Arguments.of("int2", new IntegerType(16, false), "smallint"),
                Arguments.of("bigint", new IntegerType(64, false), "bigint"),
                Arguments.of("INT8", new IntegerType(64, false), "bigint"),
                Arguments.of("numeric(10,2)", new DecimalType(10, 2), "numeric(10,2)"),
                Arguments.of("numeric( 10 , 2 )", new DecimalType(10, 2), "numeric(10,2)"),
                Arguments.of("decimal(7)", new DecimalType(7, 0), "numeric(7,0)"),
                Arguments.of("numeric", new DecimalType(0, 0), "numeric"),
                Arguments.of("numeric(3,-1)", new DecimalType(3, -1), "numeric(3,-1)"),
                Arguments.of("real", new FloatType(32), "real"),
                Arguments.of("float4", new FloatType(32), "real"),
                Arguments.of("float(24)", new FloatType(32), "real"),
                Arguments.of("float(25)", new FloatType(64), "double precision"),
                Arguments.of("double precision", new FloatType(64), "double precision"),
                Arguments.of("float8", new FloatType(64), "double precision"),
                Arguments.of("character varying(255)", new StringType(StringType.Kind.VARCHAR, 255), "character varying(255)"),
                Arguments.of("varchar(20)", new StringType(StringType.Kind.VARCHAR, 20), "character varying(20)"),
                Arguments.of("character varying", new StringType(StringType.Kind.VARCHAR, 0), "character varying"),
                Arguments.of("character(3)", new StringType(StringType.Kind.CHAR, 3), "character(3)"),
                Arguments.of("char", new StringType(StringType.Kind.CHAR, 1), "character(1)"),
                Arguments.of("bpchar(2)", new StringType(StringType.Kind.CHAR, 2), "character(2)"),
                Arguments.of("text", new StringType(StringType.Kind.TEXT, 0), "text"),
                Arguments.of("boolean", new BoolType(), "boolean"),
                Arguments.of("bool", new BoolType(), "boolean"),
                Arguments.of("timestamp without time zone", new TimeType(TimeType.Kind.TIMESTAMP, DEFAULT), "timestamp"),
                Arguments.of("timestamp", new TimeType(TimeType.Kind.TIMESTAMP, DEFAULT), "timestamp"),
                Arguments.of("timestamp(6) without time zone", new TimeType(TimeType.Kind.TIMESTAMP, DEFAULT), "timestamp"),
                Arguments.of("timestamp(3) without time zone", new TimeType(TimeType.Kind.TIMESTAMP, OptionalInt.of(3)), "timestamp(3)"),
                Arguments.of("timestamp(0) with time zone", new TimeType(TimeType.Kind.TIMESTAMP_TZ, OptionalInt.of(0)), "timestamptz(0)"),
                Arguments.of("timestamp with time zone", new TimeType(TimeType.Kind.TIMESTAMP_TZ, DEFAULT), "timestamptz"),
                Arguments.of("timestamptz", new TimeType(TimeType.Kind.TIMESTAMP_TZ, DEFAULT), "timestamptz"),
                Arguments.of("timestamptz(2)", new TimeType(TimeType.Kind.TIMESTAMP_TZ, OptionalInt.of(2)), "timestamptz(2)"),
                Arguments.of("date", new TimeType(TimeType.Kind.DATE, DEFAULT), "date"),
                Arguments.of("time without time zone", new TimeType(TimeType.Kind.TIME, DEFAULT), "time"),
                Arguments.of("time(4) with time zone", new TimeType(TimeType.Kind.TIME_TZ, OptionalInt.of(4)), "timetz(4)"),
                Arguments.of("timetz", new TimeType(TimeType.Kind.TIME_TZ, DEFAULT), "timetz"),
                Arguments.of("bytea", new BinaryType(0), "bytea"),
                Arguments.of("json", new JsonType(false), "json"),
                Arguments.of("jsonb", new JsonType(true), "jsonb"),
                Arguments.of("uuid", new UuidType(), "uuid"),
                Arguments.of("integer[]", new ArrayType(new IntegerType(32, false)), "integer[]"),
                Arguments.of("character varying(10)[]", new ArrayType(new StringType(StringType.Kind.VARCHAR, 10)), "character varying(10)[]"),
                Arguments.of("text[][]", new ArrayType(new StringType(StringType.Kind.TEXT, 0)), "text[]"),
                Arguments.of("interval", new UnsupportedType("interval"), "interval"),
                Arguments.of("inet[]", new ArrayType(new UnsupportedType("inet")), "inet[]"),
                Arguments.of("_int4", new ArrayType(new IntegerType(32, false)), "integer[]"),
                Arguments.of("_timestamptz", new ArrayType(new TimeType(TimeType.Kind.TIMESTAMP_TZ, DEFAULT)), "timestamptz[]"),
                Arguments.of("int[]", new ArrayType(new IntegerType(32, false)), "integer[]"),
                Arguments.of("integer[3][4]", new ArrayType(new IntegerType(32, false)), "integer[]"),
                Arguments.of("varchar(100) ARRAY", new ArrayType(new StringType(StringType.Kind.VARCHAR, 100)), "character varying(100)[]"),
                Arguments.of("varchar(100) [10][]", new ArrayType(new StringType(StringType.Kind.VARCHAR, 100)), "character varying(100)[]"),
                Arguments.of("character_varying(255)", new StringType(StringType.Kind.VARCHAR, 255), "character varying(255)"),
                Arguments.of("_varchar", new ArrayType(new StringType(StringType.Kind.VARCHAR, 0)), "character varying[]"),
                Arguments.of("text array", new ArrayType(new StringType(StringType.Kind.TEXT, 0)), "text[]"),
                Arguments.of("float", new FloatType(64), "double precision"),
                Arguments.of("float(1)", new FloatType(32), "real"),
                Arguments.of("decimal", new DecimalType(0, 0), "numeric"),
                Arguments.of("double_precision", new FloatType(64), "double precision"),
                Arguments.of("serial", new SerialType(32, ""), "serial"),
                Arguments.of("serial4", new SerialType(32, ""), "serial"),
                Arguments.of("serial2", new SerialType(16, ""), "smallserial"),
                Arguments.of("smallserial", new SerialType(16, ""), "smallserial"),
                Arguments.of("serial8", new SerialType(64, ""), "bigserial"),
                Arguments.of("BIGSERIAL", new SerialType(64, ""), "bigserial"),
                Arguments.of("bit", new UnsupportedType("bit(1)"), "bit(1)"),
                Arguments.of("bit(8)", new UnsupportedType("bit(8)"), "bit(8)"),
                Arguments.of("varbit", new UnsupportedType("bit varying"), "bit varying"),
                Arguments.of("varbit(5)", new UnsupportedType("bit varying(5)"), "bit varying(5)"),
                Arguments.of("bit varying(5)", new UnsupportedType("bit varying(5)"), "bit varying(5)"),
                Arguments.of("bit_varying(5)", new UnsupportedType("bit varying(5)"), "bit varying(5)"),
                Arguments.of("interval(6)", new UnsupportedType("interval"), "interval"),
                Arguments.of("interval(3)", new UnsupportedType("interval(3)"), "interval(3)"),
                Arguments.of("INTERVAL YEAR TO MONTH", new UnsupportedType("interval year to month"), "interval year to month"),
                Arguments.of("interval day to second(2)", new UnsupportedType("interval day to second(2)"), "interval day to second(2)"),
                Arguments.of("interval second", new UnsupportedType("interval second"), "interval second"),
                Arguments.of("interval[]", new ArrayType(new UnsupportedType("interval")), "interval[]"),
                Arguments.of("cidr", new UnsupportedType("cidr"), "cidr"),
                Arguments.of("inet", new UnsupportedType("inet"), "inet"),
                Arguments.of("macaddr", new UnsupportedType("macaddr"), "macaddr"),
                Arguments.of("macaddr8", new UnsupportedType("macaddr8"), "macaddr8"),
                Arguments.of("money", new UnsupportedType("money"), "money"),
                Arguments.of("int4range", new UnsupportedType("int4range"), "int4range"),
                Arguments.of("tstzmultirange", new UnsupportedType("tstzmultirange"), "tstzmultirange"),
                Arguments.of("tsvector", new UnsupportedType("tsvector"), "tsvector"),
                Arguments.of("TSQUERY", new UnsupportedType("tsquery"), "tsquery"),
                Arguments.of("oid", new UnsupportedType("oid"), "oid"),
                Arguments.of("regclass", new UnsupportedType("regclass"), "regclass"),
                Arguments.of("xml", new UnsupportedType("xml"), "xml"),
                Arguments.of("point", new UnsupportedType("point"), "point"),
                Arguments.of("polygon", new UnsupportedType("polygon"), "polygon"),
                Arguments.of("circle", new UnsupportedType("circle"), "circle"),
                Arguments.of("box[]", new ArrayType(new UnsupportedType("box")), "box[]"),
                Arguments.of("trigger", new UnsupportedType("trigger"), "trigger"),
                Arguments.of("\"char\"", new UnsupportedType("\"char\""), "\"char\""),
                Arguments.of("bpchar", new UnsupportedType("bpchar"), "bpchar"),
                Arguments.of("interval(7)", new UnsupportedType("interval(7)"), "interval(7)"),
                Arguments.of("interval year(2)", new UnsupportedType("interval year(2)"), "interval year(2)"),
                Arguments.of("s1.\"My Type\"", new UserTypeRef("s1", "My Type"), "s1.\"My Type\""),
                Arguments.of("S1.Pair[]", new ArrayType(new UserTypeRef("s1", "pair")), "s1.pair[]"),
                Arguments.of("citext", new UnsupportedType("citext"), "citext"),
                Arguments.of("integer(3)", new UnsupportedType("integer(3)"), "integer(3)"),
                Arguments.of("timestamp(7)", new UnsupportedType("timestamp(7)"), "timestamp(7)"),
                Arguments.of("public.mood", new UserTypeRef("public", "mood"), "public.mood"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void parsesAndFormatsCanonically(String raw, ColumnType expected, String canonical) {
        ColumnType parsed = PostgresTypes.parse(raw);
        assertThat(parsed).isEqualTo(expected);
        assertThat(PostgresTypes.format(parsed)).isEqualTo(canonical);
        assertThat(PostgresTypes.parse(PostgresTypes.format(parsed))).isEqualTo(parsed);
    }

    static Stream<Arguments> enumRefs() {
        return Stream.of(
                Arguments.of(new EnumRef("public", "mood"), "public.mood"),
                Arguments.of(new EnumRef("My Schema", "Mood"), "\"My Schema\".\"Mood\""),
                Arguments.of(new ArrayType(new EnumRef("s1", "status")), "s1.status[]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("enumRefs")
    void enumReferencesAreQualified(ColumnType type, String formatted) {
        assertThat(PostgresTypes.format(type)).isEqualTo(formatted);
    }

    @Test
    void userTypeReferencesAreQualified() {
        assertThat(PostgresTypes.format(new UserTypeRef("My Schema", "pos_int"))).isEqualTo("\"My Schema\".pos_int");
    }

    @Test
    void unsignedIntegersHaveNoSpelling() {
        assertThatThrownBy(() -> PostgresTypes.format(new IntegerType(32, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsigned");
    }
}
