package io.atlas4j.dialect.postgres.diff;

import static io.atlas4j.dialect.postgres.diff.PgFixtures.BIGINT;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.INT;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.TEXT;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.diff.DiffException;
import io.atlas4j.diff.DiffRules.TablePair;
import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.ArrayType;
import io.atlas4j.schema.ColumnType.DecimalType;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.StringType;
import io.atlas4j.schema.ColumnType.TimeType;
import io.atlas4j.schema.ColumnType.UnsupportedType;
import io.atlas4j.schema.ColumnType.UserTypeRef;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.Expr.Literal;
import io.atlas4j.schema.Expr.RawExpr;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.ChangeKind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PostgreSQL column rules: what changed between two columns of the same name (§3.6). */
class PostgresColumnRulesTest {

    private static final PostgresDiffRules RULES = new PostgresDiffRules();

    private static TablePair pair(String fromSchema, String toSchema) {
        return new TablePair(fromSchema, Table.of("t"), toSchema, Table.of("t"));
    }

    private static ColumnType varchar(int n) {
        return new StringType(StringType.Kind.VARCHAR, n);
    }

    private static Column nullable(Column c) {
        return new Column(c.name(), c.type(), true, c.defaultValue(), c.attrs());
    }

    static Stream<Arguments> changes() {
        Identity byDefault = new Identity(Identity.Generation.BY_DEFAULT, 1, 1);
        return Stream.of(
                Arguments.of("same integer", col("c", INT), col("c", INT), Set.of()),
                Arguments.of("24-bit and 32-bit integers spell integer", col("c", new IntegerType(24, false)),
                        col("c", INT), Set.of()),
                Arguments.of("integer to bigint", col("c", INT), col("c", BIGINT), Set.of(ChangeKind.TYPE)),
                Arguments.of("varchar size", col("c", varchar(10)), col("c", varchar(20)), Set.of(ChangeKind.TYPE)),
                Arguments.of("numeric precision", col("c", new DecimalType(10, 2)), col("c", new DecimalType(10, 3)),
                        Set.of(ChangeKind.TYPE)),
                Arguments.of("timestamp(6) is timestamp",
                        col("c", new TimeType(TimeType.Kind.TIMESTAMP, OptionalInt.of(6))),
                        col("c", new TimeType(TimeType.Kind.TIMESTAMP, OptionalInt.empty())), Set.of()),
                Arguments.of("text to varchar", col("c", TEXT), col("c", varchar(0)), Set.of(ChangeKind.TYPE)),
                Arguments.of("array element", col("c", new ArrayType(INT)), col("c", new ArrayType(BIGINT)),
                        Set.of(ChangeKind.TYPE)),
                Arguments.of("same array", col("c", new ArrayType(TEXT)), col("c", new ArrayType(TEXT)), Set.of()),
                Arguments.of("enum renamed", col("c", new EnumRef("public", "a")), col("c", new EnumRef("public", "b")),
                        Set.of(ChangeKind.TYPE)),
                Arguments.of("enum in another schema", col("c", new EnumRef("public", "a")),
                        col("c", new EnumRef("test", "a")), Set.of(ChangeKind.TYPE)),
                Arguments.of("enum without schema on one side", col("c", new EnumRef("", "a")),
                        col("c", new EnumRef("public", "a")), Set.of()),
                Arguments.of("domain by name", col("c", new UserTypeRef("public", "d")),
                        col("c", new UserTypeRef("public", "d")), Set.of()),
                Arguments.of("enum to text", col("c", new EnumRef("public", "a")), col("c", TEXT), Set.of(ChangeKind.TYPE)),
                Arguments.of("unsupported types by spelling", col("c", new UnsupportedType("INTERVAL")),
                        col("c", new UnsupportedType("interval")), Set.of()),
                Arguments.of("serial to integer", col("c", new SerialType(32, "")), col("c", INT),
                        Set.of(ChangeKind.TYPE)),
                Arguments.of("integer to bigserial", col("c", INT), col("c", new SerialType(64, "")),
                        Set.of(ChangeKind.TYPE)),
                Arguments.of("smallserial to serial", col("c", new SerialType(16, "")), col("c", new SerialType(32, "")),
                        Set.of(ChangeKind.TYPE)),
                Arguments.of("serial sequence name is not the type", col("c", new SerialType(32, "")),
                        col("c", new SerialType(32, "t_c_seq")), Set.of()),
                Arguments.of("nextval default of a serial transition is not a default change",
                        col("c", INT, new RawExpr("nextval('t_c_seq'::regclass)")), col("c", new SerialType(32, "")),
                        Set.of(ChangeKind.TYPE)),
                Arguments.of("serial to integer with a real default", col("c", new SerialType(32, "")),
                        col("c", INT, new Literal("0")), Set.of(ChangeKind.TYPE, ChangeKind.DEFAULT)),
                Arguments.of("collation added", col("c", TEXT), col("c", TEXT, new Collation("ja-x-icu")),
                        Set.of(ChangeKind.TYPE)),
                Arguments.of("collation changed", col("c", TEXT, new Collation("C")), col("c", TEXT, new Collation("POSIX")),
                        Set.of(ChangeKind.TYPE)),
                Arguments.of("default cast trimmed", col("c", varchar(0), new RawExpr("'unknown'::character varying")),
                        col("c", varchar(0), new Literal("'unknown'")), Set.of()),
                Arguments.of("json default cast trimmed", col("c", TEXT, new RawExpr("'{}'::json")),
                        col("c", TEXT, new Literal("'{}'")), Set.of()),
                Arguments.of("sized cast trimmed", col("c", TEXT, new RawExpr("'a'::character varying(10)")),
                        col("c", TEXT, new RawExpr("'a'")), Set.of()),
                Arguments.of("unquoted and quoted literal", col("c", TEXT, new Literal("unknown")),
                        col("c", TEXT, new Literal("'unknown'")), Set.of()),
                Arguments.of("literal changed", col("c", INT, new Literal("1")), col("c", INT, new Literal("0")),
                        Set.of(ChangeKind.DEFAULT)),
                Arguments.of("default added", col("c", INT), col("c", INT, new Literal("1")), Set.of(ChangeKind.DEFAULT)),
                Arguments.of("default dropped", col("c", INT, new Literal("1")), col("c", INT), Set.of(ChangeKind.DEFAULT)),
                Arguments.of("different raw expressions without a connection",
                        col("c", TEXT, new RawExpr("now()")), col("c", TEXT, new RawExpr("CURRENT_TIMESTAMP")),
                        Set.of(ChangeKind.DEFAULT)),
                Arguments.of("a raw expression is not its quoted text", col("c", TEXT, new RawExpr("now()")),
                        col("c", TEXT, new Literal("'now()'")), Set.of(ChangeKind.DEFAULT)),
                Arguments.of("identity added", col("c", INT), col("c", INT, byDefault), Set.of(ChangeKind.ATTR)),
                Arguments.of("identity dropped", col("c", INT, byDefault), col("c", INT), Set.of(ChangeKind.ATTR)),
                Arguments.of("identity start", col("c", INT, byDefault),
                        col("c", INT, new Identity(Identity.Generation.BY_DEFAULT, 1024, 1)), Set.of(ChangeKind.ATTR)),
                Arguments.of("identity generation", col("c", INT, new Identity(Identity.Generation.ALWAYS, 10, 10)),
                        col("c", INT, new Identity(Identity.Generation.BY_DEFAULT, 10, 10)), Set.of(ChangeKind.ATTR)),
                Arguments.of("generation dropped", col("c", INT, new GeneratedExpr("id + 1", true)), col("c", INT),
                        Set.of(ChangeKind.GENERATED)),
                Arguments.of("generation equal up to parentheses", col("c", INT, new GeneratedExpr("(id + 1)", true)),
                        col("c", INT, new GeneratedExpr("id + 1", true)), Set.of()),
                Arguments.of("comment is the engine's", col("c", INT, new Comment("a")), col("c", INT), Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void columnChange(String name, Column from, Column to, Set<ChangeKind> expected) {
        assertThat(RULES.columnChange(pair("public", "public"), from, to)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaScoped")
    void schemaToSchemaAlignsTypeReferences(String name, ColumnType from, ColumnType to, boolean changed) {
        assertThat(RULES.columnChange(pair("other", "public"), col("c", from), col("c", to)).contains(ChangeKind.TYPE))
                .isEqualTo(changed);
    }

    static Stream<Arguments> schemaScoped() {
        return Stream.of(
                Arguments.of("own-schema enum", new EnumRef("other", "e"), new EnumRef("public", "e"), false),
                Arguments.of("third-schema enum", new EnumRef("third", "e"), new EnumRef("public", "e"), true),
                Arguments.of("own-schema domain array", new ArrayType(new UserTypeRef("other", "d")),
                        new ArrayType(new UserTypeRef("public", "d")), false));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("adding a generation expression", col("c", INT),
                        col("c", INT, new GeneratedExpr("id + 1", true)), "to a generated column is not supported"),
                Arguments.of("changing a generation expression", col("c", INT, new GeneratedExpr("1", true)),
                        col("c", INT, new GeneratedExpr("2", true)), "generation expression of column \"c\""),
                Arguments.of("nullable serial", col("c", INT), nullable(col("c", new SerialType(32, ""))),
                        "is serial and cannot be nullable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errors(String name, Column from, Column to, String message) {
        assertThatThrownBy(() -> RULES.columnChange(pair("public", "public"), from, to))
                .isInstanceOf(DiffException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void throughTheDiffer(String name, Column from, Column to, Set<ChangeKind> expected) {
        // The engine adds COMMENT and NULL; the rules' kinds reach the ModifyColumn unchanged.
        List<String> changes = PgFixtures.diffTable(Table.of("t", from), Table.of("t", to));
        Set<ChangeKind> all = ChangeKind.none();
        all.addAll(expected);
        if (from.comment().isPresent() != to.comment().isPresent()) {
            all.add(ChangeKind.COMMENT);
        }
        assertThat(changes).isEqualTo(all.isEmpty() ? List.of()
                : List.of("ModifyColumn c " + new java.util.TreeSet<>(all)));
    }
}
