package io.atlas4j.dialect.sqlite.engine;

import static io.atlas4j.dialect.sqlite.engine.Fx.col;
import static io.atlas4j.dialect.sqlite.engine.Fx.table;
import static io.atlas4j.dialect.sqlite.engine.Fx.withDefault;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.sqlite.SqliteAttrs;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQLite's diff rules and normalisation (engine.md §3.6–3.10, E33, E37, E51, E72, E82). */
class SqliteDiffTest {

    private static List<TableChange> diff(Table from, Table to) {
        List<SchemaChange> changes = Fx.DRIVER.differ().diffSchema(Schema.of("main", from), Schema.of("main", to),
                DiffOptions.DEFAULT);
        if (changes.isEmpty()) {
            return List.of();
        }
        assertThat(changes).hasSize(1);
        return ((SchemaChange.ModifyTable) changes.get(0)).changes();
    }

    @ParameterizedTest(name = "{0} -> {1}: changed={2}")
    @CsvSource({
        "varchar(10), varchar(20), false",
        "int, bigint, false",
        "integer, int8, false",
        "varchar, text, false",
        "text, integer, true",
        "real, decimal, true",
        "'', blob, false",
        "my type, my type, false",
        "my type, other type, true",
        "bool, boolean, false"})
    void e33TypesCompareByKind(String from, String to, boolean changed) {
        List<TableChange> changes = diff(table("t", col("c", from)), table("t", col("c", to)));

        if (changed) {
            assertThat(changes).singleElement().isInstanceOfSatisfying(TableChange.ModifyColumn.class,
                    m -> assertThat(m.kinds()).containsExactly(ChangeKind.TYPE));
        } else {
            assertThat(changes).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} vs {1}: changed={2}")
    @CsvSource(delimiter = '|', value = {
        "'a'|\"a\"|false", "'a'|'b'|true", "0|0|false", "'it''s'|\"it's\"|false", "(hex(1))|hex(1)|false"})
    void e37DefaultsCompareUnquoted(String from, String to, boolean changed) {
        Table a = table("t", withDefault(col("c", "text"), expr(from)));
        Table b = table("t", withDefault(col("c", "text"), expr(to)));

        assertThat(diff(a, b).isEmpty()).isEqualTo(!changed);
    }

    private static Expr expr(String s) {
        return s.startsWith("(") || s.startsWith("hex") ? new Expr.RawExpr(s) : new Expr.Literal(s);
    }

    @Test
    void generatedColumnsAndAutoIncrementAreCompared() {
        Column plain = col("c", "int");
        Column virtual = col("c", "int", new GeneratedExpr("a + 1", false));
        Column wrapped = col("c", "int", new GeneratedExpr("(a + 1)", false));
        Column stored = col("c", "int", new GeneratedExpr("a + 1", true));

        assertThat(diff(table("t", virtual), table("t", wrapped))).isEmpty();
        assertThat(diff(table("t", virtual), table("t", stored))).singleElement()
                .isInstanceOfSatisfying(TableChange.ModifyColumn.class, m -> assertThat(m.kinds()).containsExactly(ChangeKind.GENERATED));
        assertThat(diff(table("t", plain), table("t", virtual))).hasSize(1);
        assertThat(diff(table("t", plain), table("t", col("c", "int", new SqliteAttrs.AutoIncrement(0))))).singleElement()
                .isInstanceOfSatisfying(TableChange.ModifyColumn.class, m -> assertThat(m.kinds()).containsExactly(ChangeKind.ATTR));
    }

    @Test
    void e51ColumnOrderIsNotAChange() {
        assertThat(diff(table("t", col("a", "int"), col("b", "int")), table("t", col("b", "int"), col("a", "int")))).isEmpty();
    }

    @Test
    void predicatesEqualUpToOuterParentheses() {
        Table a = indexed(new Index("i", false, List.of(IndexPart.column("a")), List.of(new IndexPredicate("a > 0"))));
        Table b = indexed(new Index("i", false, List.of(IndexPart.column("a")), List.of(new IndexPredicate("(a > 0)"))));
        Table c = indexed(new Index("i", false, List.of(IndexPart.column("a")), List.of(new IndexPredicate("a > 1"))));

        assertThat(diff(a, b)).isEmpty();
        assertThat(diff(a, c)).singleElement().isInstanceOfSatisfying(TableChange.ModifyIndex.class,
                m -> assertThat(m.kinds()).containsExactly(ChangeKind.ATTR));
    }

    @Test
    void e72AutoIndexesMatchTheirPlannedNames() {
        Table auto = indexed(new Index("sqlite_autoindex_t_1", true, List.of(IndexPart.column("a")), List.of()));
        Table named = indexed(new Index("t_a", true, List.of(IndexPart.column("a")), List.of()));
        Table other = indexed(new Index("other", true, List.of(IndexPart.column("a")), List.of()));

        assertThat(diff(auto, named)).isEmpty();
        assertThat(diff(named, auto)).isEmpty();
        assertThat(diff(auto, other)).hasSize(2);
    }

    @Test
    void numericForeignKeySymbolsTakeTheDesiredName() {
        ForeignKey numeric = new ForeignKey("0", List.of("p"), "main", "p", List.of("id"), ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION);
        ForeignKey named = new ForeignKey("fk", List.of("p"), "main", "p", List.of("id"), ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION);
        ForeignKey elsewhere = new ForeignKey("fk", List.of("q"), "main", "p", List.of("id"), ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION);

        assertThat(diff(referencing(numeric), referencing(named))).isEmpty();
        assertThat(diff(referencing(numeric), referencing(elsewhere))).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("DropForeignKey", "AddForeignKey");
        // A named current key is never renamed: that is a real change of symbol.
        assertThat(diff(referencing(named), referencing(numeric))).hasSize(2);
    }

    @Test
    void numericSymbolsFollowTheKeyNotItsPosition() {
        // SQLite numbers keys backwards from the last declared: declaring them in another order swaps the ids.
        ForeignKey p0 = fk("0", "p");
        ForeignKey q1 = fk("1", "q");
        Table current = new Table("c", List.of(col("p", "int"), col("q", "int")), Optional.empty(), List.of(),
                List.of(p0, q1), List.of(), List.of());
        Table desired = new Table("c", current.columns(), Optional.empty(), List.of(), List.of(fk("1", "p"), fk("0", "q")),
                List.of(), List.of());

        assertThat(diff(current, desired)).isEmpty();
    }

    private static ForeignKey fk(String name, String column) {
        return new ForeignKey(name, List.of(column), "main", "p", List.of("id"), ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION);
    }

    @Test
    void e82AnUnspecifiedActionIsNoAction() {
        ForeignKey restrict = new ForeignKey("fk", List.of("p"), "main", "p", List.of("id"), ForeignKey.Action.RESTRICT,
                ForeignKey.Action.NO_ACTION);
        ForeignKey none = new ForeignKey("fk", List.of("p"), "main", "p", List.of("id"), ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION);

        assertThat(diff(referencing(none), referencing(none))).isEmpty();
        assertThat(diff(referencing(restrict), referencing(none))).singleElement()
                .isInstanceOfSatisfying(TableChange.ModifyForeignKey.class,
                        m -> assertThat(m.kinds()).containsExactly(ChangeKind.UPDATE_ACTION));
    }

    @Test
    void tableOptionsAreAttributeChanges() {
        Table plain = table("t", col("a", "int"));
        Table strict = new Table("t", plain.columns(), Optional.empty(), List.of(), List.of(), List.of(),
                List.of(new SqliteAttrs.Strict()));

        assertThat(diff(plain, strict)).singleElement().isInstanceOf(TableChange.ModifyAttr.class);
        assertThat(diff(strict, strict)).isEmpty();
    }

    private static Table indexed(Index index) {
        return new Table("t", List.of(col("a", "int")), Optional.empty(), List.of(index), List.of(), List.of(), List.of());
    }

    private static Table referencing(ForeignKey fk) {
        return new Table("c", List.of(col("p", "int"), col("q", "int")), Optional.empty(), List.of(), List.of(fk), List.of(),
                List.of());
    }

    @Test
    void unchangedKindsAreNotReported() {
        assertThat(diff(table("t", col("c", "int")), table("t", col("c", "int")))).isEmpty();
    }
}
