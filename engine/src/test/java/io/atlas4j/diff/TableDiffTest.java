package io.atlas4j.diff;

import static io.atlas4j.diff.Fixtures.BIGINT;
import static io.atlas4j.diff.Fixtures.INT;
import static io.atlas4j.diff.Fixtures.TEXT;
import static io.atlas4j.diff.Fixtures.attrs;
import static io.atlas4j.diff.Fixtures.checks;
import static io.atlas4j.diff.Fixtures.col;
import static io.atlas4j.diff.Fixtures.fk;
import static io.atlas4j.diff.Fixtures.fks;
import static io.atlas4j.diff.Fixtures.index;
import static io.atlas4j.diff.Fixtures.indexes;
import static io.atlas4j.diff.Fixtures.pk;
import static io.atlas4j.diff.Fixtures.table;
import static io.atlas4j.diff.Fixtures.trigger;
import static io.atlas4j.diff.Fixtures.triggers;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.ForeignKey.Action;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.NullsOrder;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One table, current vs desired, through the generic rules: the nested changes expected. */
class TableDiffTest {

    private static final Table T = table("t", col("a", INT), col("b", TEXT, true));

    private static Column withDefault(Column c, String sql) {
        return new Column(c.name(), c.type(), c.nullable(), Optional.of(new Expr.RawExpr(sql)), c.attrs());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("same table", T, T, List.of()),
                Arguments.of("column order is not a change", T,
                        table("t", col("b", TEXT, true), col("a", INT)), List.of()),
                Arguments.of("drop and add columns", T, table("t", col("a", INT), col("c", INT)),
                        List.of("DropColumn b", "AddColumn c")),
                Arguments.of("type", T, table("t", col("a", BIGINT), col("b", TEXT, true)),
                        List.of("ModifyColumn a [TYPE]")),
                Arguments.of("nullability", T, table("t", col("a", INT, true), col("b", TEXT, true)),
                        List.of("ModifyColumn a [NULL]")),
                Arguments.of("comment added", T,
                        table("t", col("a", INT, false, new Comment("x")), col("b", TEXT, true)),
                        List.of("ModifyColumn a [COMMENT]")),
                Arguments.of("empty comment equals no comment",
                        table("t", col("a", INT, false, new Comment(""))), table("t", col("a", INT)), List.of()),
                Arguments.of("default added", T,
                        table("t", withDefault(col("a", INT), "1"), col("b", TEXT, true)),
                        List.of("ModifyColumn a [DEFAULT]")),
                Arguments.of("default changed", table("t", withDefault(col("a", INT), "1")),
                        table("t", withDefault(col("a", INT), "2")), List.of("ModifyColumn a [DEFAULT]")),
                Arguments.of("identity", table("t", col("a", INT)),
                        table("t", col("a", INT, false, new Identity(Identity.Generation.ALWAYS, 1, 1))),
                        List.of("ModifyColumn a [ATTR]")),
                Arguments.of("generated", table("t", col("a", INT, false, new GeneratedExpr("b + 1", true))),
                        table("t", col("a", INT)), List.of("ModifyColumn a [GENERATED]")),
                Arguments.of("generated equal up to parentheses",
                        table("t", col("a", INT, false, new GeneratedExpr("b + 1", true))),
                        table("t", col("a", INT, false, new GeneratedExpr("(b + 1)", true))), List.of()),
                Arguments.of("collation", table("t", col("a", TEXT)),
                        table("t", col("a", TEXT, false, new Collation("C"))), List.of("ModifyColumn a [COLLATE]")),
                Arguments.of("several kinds at once", T,
                        table("t", col("a", BIGINT, true, new Comment("c")), col("b", TEXT, true)),
                        List.of("ModifyColumn a [COMMENT, NULL, TYPE]")),
                Arguments.of("table comment added", T, attrs(T, new Comment("x")),
                        List.of("ModifyAttr Comment false->true")),
                Arguments.of("table comment dropped", attrs(T, new Comment("x")), T,
                        List.of("ModifyAttr Comment true->false")),
                Arguments.of("add primary key", T, pk(T, PrimaryKey.of("t_pkey", "a")),
                        List.of("AddPrimaryKey [a]")),
                Arguments.of("drop primary key", pk(T, PrimaryKey.of("t_pkey", "a")), T,
                        List.of("DropPrimaryKey [a]")),
                Arguments.of("primary key parts", pk(T, PrimaryKey.of("t_pkey", "a")),
                        pk(T, PrimaryKey.of("t_pkey", "a", "b")), List.of("ModifyPrimaryKey [PARTS]")),
                Arguments.of("primary key name alone is not a change", pk(T, PrimaryKey.of("t_pkey", "a")),
                        pk(T, PrimaryKey.of("other", "a")), List.of()),
                Arguments.of("add and drop index", indexes(T, index("i1", false, "a")),
                        indexes(T, index("i2", false, "a")), List.of("DropIndex i1", "AddIndex i2")),
                Arguments.of("index uniqueness", indexes(T, index("i", false, "a")),
                        indexes(T, index("i", true, "a")), List.of("ModifyIndex i [UNIQUE]")),
                Arguments.of("index parts", indexes(T, index("i", false, "a")),
                        indexes(T, index("i", false, "a", "b")), List.of("ModifyIndex i [PARTS]")),
                Arguments.of("index part order", indexes(T, index("i", false, "a", "b")),
                        indexes(T, index("i", false, "b", "a")), List.of("ModifyIndex i [PARTS]")),
                Arguments.of("index part direction", indexes(T, index("i", false, "a")),
                        indexes(T, index("i", false, List.of(IndexPart.column("a").descending()))),
                        List.of("ModifyIndex i [PARTS]")),
                Arguments.of("index part attrs", indexes(T, index("i", false, "a")),
                        indexes(T, index("i", false,
                                List.of(new IndexPart(new IndexPart.ColumnKey("a"), false, List.of(new NullsOrder(true)))))),
                        List.of("ModifyIndex i [PARTS]")),
                Arguments.of("index column vs expression", indexes(T, index("i", false, "a")),
                        indexes(T, index("i", false, List.of(IndexPart.expr("a")))), List.of("ModifyIndex i [PARTS]")),
                Arguments.of("index expressions equal up to parentheses",
                        indexes(T, index("i", false, List.of(IndexPart.expr("lower(b)")))),
                        indexes(T, index("i", false, List.of(IndexPart.expr("(lower(b))")))), List.of()),
                Arguments.of("index predicate", indexes(T, index("i", false, List.of(IndexPart.column("a")))),
                        indexes(T, index("i", false, List.of(IndexPart.column("a")), new IndexPredicate("a > 0"))),
                        List.of("ModifyIndex i [ATTR]")),
                Arguments.of("index comment", indexes(T, index("i", false, List.of(IndexPart.column("a")))),
                        indexes(T, index("i", false, List.of(IndexPart.column("a")), new Comment("c"))),
                        List.of("ModifyIndex i [COMMENT]")),
                Arguments.of("E71 dropping a column lists its indexes too",
                        indexes(T, index("ab", false, "a", "b"), index("a1", false, "a")),
                        table("t", col("b", TEXT, true)), List.of("DropColumn a", "DropIndex ab", "DropIndex a1")),
                Arguments.of("add and drop foreign key", fks(T, fk("f1", "a", "u", "id", Action.CASCADE)),
                        fks(T, fk("f2", "a", "u", "id", Action.CASCADE)),
                        List.of("DropForeignKey f1", "AddForeignKey f2")),
                Arguments.of("foreign key delete action", fks(T, fk("f", "a", "u", "id", Action.CASCADE)),
                        fks(T, fk("f", "a", "u", "id", Action.SET_NULL)), List.of("ModifyForeignKey f [DELETE_ACTION]")),
                Arguments.of("foreign key update action", fks(T, fk("f", "a", "u", "id", Action.CASCADE)),
                        fks(T, new ForeignKey("f", List.of("a"), "public", "u", List.of("id"), Action.RESTRICT,
                                Action.CASCADE)), List.of("ModifyForeignKey f [UPDATE_ACTION]")),
                Arguments.of("foreign key ref column", fks(T, fk("f", "a", "u", "id", Action.CASCADE)),
                        fks(T, fk("f", "a", "u", "ref_id", Action.CASCADE)), List.of("ModifyForeignKey f [REF_COLUMN]")),
                Arguments.of("foreign key ref table", fks(T, fk("f", "a", "u", "id", Action.CASCADE)),
                        fks(T, fk("f", "a", "v", "id", Action.CASCADE)),
                        List.of("ModifyForeignKey f [REF_COLUMN, REF_TABLE]")),
                Arguments.of("foreign key column", fks(T, fk("f", "a", "u", "id", Action.CASCADE)),
                        fks(T, fk("f", "b", "u", "id", Action.CASCADE)), List.of("ModifyForeignKey f [COLUMN]")),
                Arguments.of("named check changed", checks(T, new Check("c1", "a > 0")),
                        checks(T, new Check("c1", "a > 1")), List.of("ModifyCheck c1 [PARTS]")),
                Arguments.of("named check equal up to parentheses", checks(T, new Check("c1", "a > 0")),
                        checks(T, new Check("c1", "(a > 0)")), List.of()),
                Arguments.of("check renamed is drop and add", checks(T, new Check("c3", "a < b")),
                        checks(T, new Check("c4", "a < b")), List.of("DropCheck c3", "AddCheck c4")),
                Arguments.of("unnamed check matched by expression", checks(T, new Check("", "(a > 0)")),
                        checks(T, new Check("", "a > 0")), List.of()),
                Arguments.of("named current matches unnamed desired by expression",
                        checks(T, new Check("t_a_check", "(a > 0)")), checks(T, new Check("", "a > 0")), List.of()),
                Arguments.of("unnamed check changed is drop and add", checks(T, new Check("", "a > 0")),
                        checks(T, new Check("", "a > 1")), List.of("DropCheck (a > 0)", "AddCheck (a > 1)")),
                Arguments.of("check attrs", checks(T, new Check("c", "a > 0")),
                        checks(T, new Check("c", "a > 0", List.of(new Comment("x")))), List.of("ModifyCheck c [ATTR]")),
                Arguments.of("triggers", triggers(T, trigger("t1", "f1()"), trigger("t2", "f()")),
                        triggers(T, trigger("t2", "g()"), trigger("t3", "f()")),
                        List.of("DropTrigger t1", "ModifyTrigger t2", "AddTrigger t3")),
                Arguments.of("emission order inside a table",
                        fks(indexes(pk(table("t", col("a", INT), col("b", INT)), PrimaryKey.of("p", "a")),
                                index("i", false, "b")), fk("f", "b", "u", "id", Action.CASCADE)),
                        checks(attrs(table("t", col("a", BIGINT), col("c", INT)), new Comment("x")),
                                new Check("k", "c > 0")),
                        List.of("ModifyAttr Comment false->true", "AddCheck k", "ModifyColumn a [TYPE]", "DropColumn b",
                                "AddColumn c", "DropPrimaryKey [a]", "DropIndex i", "DropForeignKey f")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diff(String name, Table from, Table to, List<String> expected) {
        List<io.atlas4j.schema.change.SchemaChange> changes = new DiffEngine(DiffRules.generic())
                .diffSchema(Schema.of("public", from), Schema.of("public", to), DiffOptions.DEFAULT);
        List<String> nested = changes.isEmpty() ? List.of()
                : ((io.atlas4j.schema.change.SchemaChange.ModifyTable) changes.get(0)).changes().stream()
                        .map(Changes::describe).toList();
        assertThat(nested).containsExactlyElementsOf(expected);
        assertThat(changes).hasSize(expected.isEmpty() ? 0 : 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedNames")
    void generatedIndexNames(String name, Index current, Index desired, List<String> expected) {
        DiffRules rules = new DiffRules() {
            @Override
            public boolean isGeneratedIndexName(Table table, Index index) {
                return index.name().startsWith(table.name() + "_") && index.name().endsWith("_key");
            }
        };
        List<io.atlas4j.schema.change.SchemaChange> changes = new DiffEngine(rules).diffSchema(
                Schema.of("public", indexes(T, current)), Schema.of("public", indexes(T, desired)), DiffOptions.DEFAULT);
        assertThat(changes.stream().flatMap(c -> ((io.atlas4j.schema.change.SchemaChange.ModifyTable) c).changes()
                .stream()).map(Changes::describe)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> generatedNames() {
        return Stream.of(
                Arguments.of("generated name matches unnamed equal index", index("t_a_key", true, "a"),
                        index("", true, "a"), List.of()),
                Arguments.of("uniqueness must match", index("t_a_key", true, "a"), index("", false, "a"),
                        List.of("DropIndex t_a_key", "AddIndex ")),
                Arguments.of("parts must match", index("t_a_key", true, "a"), index("", true, "b"),
                        List.of("DropIndex t_a_key", "AddIndex ")),
                Arguments.of("a made-up name needs the rule", index("custom", true, "a"), index("", true, "a"),
                        List.of("DropIndex custom", "AddIndex ")));
    }
}
