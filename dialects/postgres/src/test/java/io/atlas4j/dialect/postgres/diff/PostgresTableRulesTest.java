package io.atlas4j.dialect.postgres.diff;

import static io.atlas4j.dialect.postgres.diff.PgFixtures.INT;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.TEXT;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.col;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.diff.DiffException;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.dialect.postgres.PostgresAttrs.Deferrable;
import io.atlas4j.dialect.postgres.PostgresAttrs.NoInherit;
import io.atlas4j.dialect.postgres.PostgresAttrs.Partition;
import io.atlas4j.dialect.postgres.PostgresAttrs.PartitionKey;
import io.atlas4j.dialect.postgres.PostgresAttrs.RowSecurity;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.ForeignKey.Action;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.SchemaChange;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PostgreSQL table, check, foreign key and schema rules (§3.8, §3.9, §3.15) and generated index names. */
class PostgresTableRulesTest {

    private static Table attrs(Attr... attrs) {
        return table("t", List.of(col("a", INT), col("b", INT)), List.of(), List.of(attrs));
    }

    private static Table checks(Check... checks) {
        return new Table("t", List.of(col("a", INT), col("b", INT)), Optional.empty(), List.of(), List.of(),
                List.of(checks), List.of());
    }

    private static Table fks(ForeignKey... fks) {
        return new Table("t", List.of(col("a", INT)), Optional.empty(), List.of(), List.of(fks), List.of(), List.of());
    }

    private static ForeignKey fk(Action onUpdate, Action onDelete, Attr... attrs) {
        return new ForeignKey("f", List.of("a"), "public", "u", List.of("id"), onUpdate, onDelete, List.of(attrs));
    }

    private static Partition range(String... columns) {
        return new Partition(Partition.Strategy.RANGE,
                Stream.of(columns).map(c -> new PartitionKey(Optional.of(c), Optional.empty())).toList());
    }

    private static Partition byExpr(String expr) {
        return new Partition(Partition.Strategy.RANGE, List.of(new PartitionKey(Optional.empty(), Optional.of(expr))));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("comment added", attrs(), attrs(new Comment("c")),
                        List.of("ModifyAttr Optional.empty -> Optional[Comment[text=c]]")),
                Arguments.of("comment changed", attrs(new Comment("a")), attrs(new Comment("b")),
                        List.of("ModifyAttr Optional[Comment[text=a]] -> Optional[Comment[text=b]]")),
                Arguments.of("comment removed", attrs(new Comment("a")), attrs(),
                        List.of("ModifyAttr Optional[Comment[text=a]] -> Optional.empty")),
                Arguments.of("same partition", attrs(range("a")), attrs(range("a")), List.of()),
                Arguments.of("partition expression up to parentheses", attrs(byExpr("(a + b)")), attrs(byExpr("a + b")),
                        List.of()),
                Arguments.of("row security enabled", attrs(), attrs(new RowSecurity(true, false)),
                        List.of("ModifyAttr Optional[RowSecurity[enabled=false, enforced=false]] -> "
                                + "Optional[RowSecurity[enabled=true, enforced=false]]")),
                Arguments.of("disabled row security is none", attrs(new RowSecurity(false, false)), attrs(), List.of()),
                Arguments.of("check expression", checks(new Check("c1", "(a > 0)")), checks(new Check("c1", "(a > 1)")),
                        List.of("ModifyCheck c1 [PARTS]")),
                Arguments.of("check up to parentheses", checks(new Check("c1", "(a > 0)")), checks(new Check("c1", "a > 0")),
                        List.of()),
                Arguments.of("check no inherit", checks(new Check("c1", "(a > 0)")),
                        checks(new Check("c1", "(a > 0)", List.of(new NoInherit()))), List.of("ModifyCheck c1 [ATTR]")),
                Arguments.of("E84 modify checks", checks(new Check("c1", "(a > 0)"), new Check("c2", "(b > 0)"),
                                new Check("c3", "(a < b)")),
                        checks(new Check("c1", "(a > 1)"), new Check("c2", "(b > 1)"), new Check("c3", "(a < b)")),
                        List.of("ModifyCheck c1 [PARTS]", "ModifyCheck c2 [PARTS]")),
                Arguments.of("E85 renamed check", checks(new Check("c3", "(a < b)")), checks(new Check("c4", "(a < b)")),
                        List.of("DropCheck c3", "AddCheck c4")),
                Arguments.of("E82 NO ACTION is NO ACTION", fks(fk(Action.NO_ACTION, Action.NO_ACTION)),
                        fks(fk(Action.NO_ACTION, Action.NO_ACTION)), List.of()),
                Arguments.of("E82 RESTRICT is not NO ACTION", fks(fk(Action.NO_ACTION, Action.RESTRICT)),
                        fks(fk(Action.NO_ACTION, Action.NO_ACTION)), List.of("ModifyForeignKey f [DELETE_ACTION]")),
                Arguments.of("E80 both actions", fks(fk(Action.SET_NULL, Action.NO_ACTION)),
                        fks(fk(Action.NO_ACTION, Action.CASCADE)),
                        List.of("ModifyForeignKey f [UPDATE_ACTION, DELETE_ACTION]")),
                Arguments.of("deferrable", fks(fk(Action.NO_ACTION, Action.NO_ACTION)),
                        fks(fk(Action.NO_ACTION, Action.NO_ACTION, new Deferrable(true))), List.of("ModifyForeignKey f [ATTR]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tableChange(String name, Table from, Table to, List<String> expected) {
        assertThat(PgFixtures.diffTable(from, to)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> partitionErrors() {
        return Stream.of(
                Arguments.of(attrs(), attrs(range("a")), "adding a partition key to table \"t\""),
                Arguments.of(attrs(range("a")), attrs(), "dropping the partition key of table \"t\""),
                Arguments.of(attrs(range("a")), attrs(range("b")), "changing the partition key of table \"t\""),
                Arguments.of(attrs(range("a")), attrs(new Partition(Partition.Strategy.LIST, range("a").keys())),
                        "changing the partition key"));
    }

    @ParameterizedTest
    @MethodSource("partitionErrors")
    void partitionKeysCannotChange(Table from, Table to, String message) {
        assertThatThrownBy(() -> PgFixtures.diffTable(from, to)).isInstanceOf(DiffException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> schemaComments() {
        return Stream.of(
                Arguments.of("public", "standard public schema", null, List.of()),
                Arguments.of("public", null, "standard public schema", List.of()),
                Arguments.of("public", "standard public schema", "mine", List.of("ModifySchema")),
                Arguments.of("other", "standard public schema", null, List.of("ModifySchema")),
                Arguments.of("s", null, "comment", List.of("ModifySchema")),
                Arguments.of("s", "old", "new", List.of("ModifySchema")),
                Arguments.of("s", "same", "same", List.of()));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("schemaComments")
    void schemaComments(String schema, String from, String to, List<String> expected) {
        List<Attr> a = from == null ? List.of() : List.of(new Comment(from));
        List<Attr> b = to == null ? List.of() : List.of(new Comment(to));
        List<SchemaChange> changes = PostgresDiffer.create().diffSchema(
                new Schema(schema, List.of(), List.of(), List.of(), List.of(), List.of(), a),
                new Schema(schema, List.of(), List.of(), List.of(), List.of(), List.of(), b), DiffOptions.DEFAULT);
        assertThat(changes.stream().map(c -> c.getClass().getSimpleName())).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> generatedNames() {
        return Stream.of(
                Arguments.of("t_c_key", List.of("c"), true),
                Arguments.of("t_a_b_key", List.of("a", "b"), true),
                Arguments.of("t_c_key1", List.of("c"), true),
                Arguments.of("t_c_key12", List.of("c"), true),
                Arguments.of("t_c_key0", List.of("c"), false),
                Arguments.of("t_c_keyx", List.of("c"), false),
                Arguments.of("t_c_idx", List.of("c"), false),
                Arguments.of("t_b_key", List.of("c"), false),
                Arguments.of("custom", List.of("c"), false));
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @MethodSource("generatedNames")
    void generatedIndexNames(String name, List<String> columns, boolean generated) {
        Index index = new Index(name, true, columns.stream().map(IndexPart::column).toList(), List.of());
        assertThat(new PostgresDiffRules().isGeneratedIndexName(Table.of("t"), index)).isEqualTo(generated);
    }

    @ParameterizedTest(name = "expression parts: {0}")
    @MethodSource("generatedNames")
    void expressionIndexesAreNotGenerated(String name, List<String> columns, boolean generated) {
        Index index = new Index(name, true, List.of(IndexPart.expr("lower(c)")), List.of());
        assertThat(new PostgresDiffRules().isGeneratedIndexName(Table.of("t"), index)).isFalse();
    }

    static Stream<Arguments> e72() {
        Index inspected = new Index("t_c_key", true, List.of(IndexPart.column("c")),
                List.of(new IndexConstraint(IndexConstraint.Kind.UNIQUE)));
        return Stream.of(
                Arguments.of("unnamed unique index matches", inspected,
                        new Index("", true, List.of(IndexPart.column("c")), List.of()), List.of()),
                Arguments.of("a plain index does not", inspected,
                        new Index("", false, List.of(IndexPart.column("c")), List.of()),
                        List.of("DropIndex t_c_key", "AddIndex ")),
                Arguments.of("a named index does not", inspected,
                        new Index("mine", true, List.of(IndexPart.column("c")), List.of()),
                        List.of("DropIndex t_c_key", "AddIndex mine")));
    }

    @ParameterizedTest(name = "E72: {0}")
    @MethodSource("e72")
    void generatedNamesMatchUnnamedIndexes(String name, Index current, Index desired, List<String> expected) {
        Table from = table("t", List.of(col("c", TEXT)), List.of(current), List.of());
        Table to = table("t", List.of(col("c", TEXT)), List.of(desired), List.of());
        assertThat(PgFixtures.diffTable(from, to)).containsExactlyElementsOf(expected);
    }
}
