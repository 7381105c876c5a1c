package io.atlas4j.diff;

import static io.atlas4j.diff.Changes.describe;
import static io.atlas4j.diff.Fixtures.BIGINT;
import static io.atlas4j.diff.Fixtures.INT;
import static io.atlas4j.diff.Fixtures.TEXT;
import static io.atlas4j.diff.Fixtures.col;
import static io.atlas4j.diff.Fixtures.fk;
import static io.atlas4j.diff.Fixtures.fks;
import static io.atlas4j.diff.Fixtures.index;
import static io.atlas4j.diff.Fixtures.indexes;
import static io.atlas4j.diff.Fixtures.pk;
import static io.atlas4j.diff.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Declared renames ({@code renamed_from} hints in {@link DiffOptions#renames()}): E20, E39, E40, E63. */
class DiffRenameTest {

    private static final Differ DIFFER = new DiffEngine(DiffRules.generic());

    private static List<String> realm(Schema from, Schema to, Rename... hints) {
        return describe(DIFFER.diffRealm(new Realm(List.of(from)), new Realm(List.of(to)),
                DiffOptions.DEFAULT.withRenames(List.of(hints))));
    }

    @Test
    void tableRenameIsARenameThenTheDiffOfThePair() {
        Table t1 = table("t1", col("a", INT));
        Table t2 = table("t2", col("a", INT), col("b", TEXT));
        List<SchemaChange> changes = DIFFER.diffRealm(new Realm(List.of(Schema.of("s", t1))),
                new Realm(List.of(Schema.of("s", t2))), DiffOptions.DEFAULT.withRenames(List.of(Rename.table("s", "t2", "t1"))));
        assertThat(describe(changes)).containsExactly("RenameTable s.t1->t2", "ModifyTable s.t2 [AddColumn b]");
        SchemaChange.RenameTable r = (SchemaChange.RenameTable) changes.get(0);
        assertThat(r.from()).isSameAs(t1);
        assertThat(r.to()).isSameAs(t2);
    }

    @Test
    void tableRenameWithoutOtherChangesIsOnlyTheRename() {
        assertThat(realm(Schema.of("s", table("t1", col("a", INT))), Schema.of("s", table("t2", col("a", INT))),
                Rename.table("s", "t2", "t1"))).containsExactly("RenameTable s.t1->t2");
    }

    @Test
    void withoutHintsARenamedTableIsDroppedAndAdded() {
        assertThat(realm(Schema.of("s", table("t1", col("a", INT))), Schema.of("s", table("t2", col("a", INT)))))
                .containsExactly("DropTable s.t1", "AddTable s.t2");
    }

    @Test
    void columnRenameAlone() {
        List<SchemaChange> changes = DIFFER.diffRealm(new Realm(List.of(Schema.of("s", table("t1", col("a", INT))))),
                new Realm(List.of(Schema.of("s", table("t1", col("b", INT))))),
                DiffOptions.DEFAULT.withRenames(List.of(Rename.column("s", "t1", "b", "a"))));
        assertThat(describe(changes)).containsExactly("ModifyTable s.t1 [RenameColumn a->b]");
        TableChange.RenameColumn r = (TableChange.RenameColumn) ((SchemaChange.ModifyTable) changes.get(0)).changes().get(0);
        assertThat(r.from().name()).isEqualTo("a");
        assertThat(r.to().name()).isEqualTo("b");
    }

    @Test
    void columnRenameWithOtherChangesModifiesTheColumnUnderItsCurrentNameFirst() {
        Column a = col("a", INT);
        Column b = col("b", BIGINT, true, new Comment("renamed"));
        List<SchemaChange> changes = DIFFER.diffRealm(new Realm(List.of(Schema.of("s", table("t1", a)))),
                new Realm(List.of(Schema.of("s", table("t1", b)))),
                DiffOptions.DEFAULT.withRenames(List.of(Rename.column("s", "t1", "b", "a"))));
        List<TableChange> nested = ((SchemaChange.ModifyTable) changes.get(0)).changes();
        assertThat(nested).extracting(Changes::describe)
                .containsExactly("ModifyColumn a [COMMENT, NULL, TYPE]", "RenameColumn a->b");
        TableChange.ModifyColumn m = (TableChange.ModifyColumn) nested.get(0);
        assertThat(m.from()).isSameAs(a);
        // The planner alters before it renames: the modification names the column as it is now.
        assertThat(m.to()).isEqualTo(new Column("a", BIGINT, true, b.defaultValue(), b.attrs()));
    }

    @Test
    void indexesKeysAndForeignKeysFollowARenamedColumn() {
        Table parent = pk(table("p", col("id", INT)), new PrimaryKey("", List.of(IndexPart.column("id")), List.of()));
        Table parent2 = pk(table("p", col("pid", INT)), new PrimaryKey("", List.of(IndexPart.column("pid")), List.of()));
        Table child = fks(indexes(table("c", col("x", INT)), index("c_x", false, "x")),
                fk("c_fk", "x", "p", "id", ForeignKey.Action.NO_ACTION));
        Table child2 = fks(indexes(table("c", col("y", INT)), index("c_x", false, "y")),
                fk("c_fk", "y", "p", "pid", ForeignKey.Action.NO_ACTION));
        assertThat(realm(Schema.of("public", parent, child), Schema.of("public", parent2, child2),
                Rename.column("public", "p", "pid", "id"), Rename.column("public", "c", "y", "x")))
                .containsExactly("ModifyTable public.p [RenameColumn id->pid]", "ModifyTable public.c [RenameColumn x->y]");
    }

    @Test
    void checksAndIndexExpressionsFollowARenamedColumn() {
        Table t1 = indexes(Fixtures.checks(table("t", col("name", TEXT)), new Check("t_name", "(name <> ''::text)", List.of())),
                index("t_lower", false, List.of(new IndexPart(new IndexPart.ExprKey("lower(name)"), false, List.of())),
                        new IndexPredicate("(name <> 'name'::text)")));
        Table t2 = indexes(Fixtures.checks(table("t", col("Full", TEXT)), new Check("t_name", "(\"Full\" <> ''::text)", List.of())),
                index("t_lower", false, List.of(new IndexPart(new IndexPart.ExprKey("lower(\"Full\")"), false, List.of())),
                        new IndexPredicate("(\"Full\" <> 'name'::text)")));
        assertThat(realm(Schema.of("s", t1), Schema.of("s", t2), Rename.column("s", "t", "Full", "name")))
                .containsExactly("ModifyTable s.t [RenameColumn name->Full]");
        // A real change to the check is still one, after the rename: it names the column by its new name.
        Table t3 = Fixtures.checks(table("t", col("Full", TEXT)), new Check("t_name", "(\"Full\" <> 'x'::text)", List.of()));
        assertThat(realm(Schema.of("s", indexes(t1)), Schema.of("s", t3), Rename.column("s", "t", "Full", "name")))
                .containsExactly("ModifyTable s.t [RenameColumn name->Full]", "ModifyTable s.t [ModifyCheck t_name [PARTS]]");
    }

    @Test
    void whatNamesARenamedColumnByItsNewNameFollowsTheRenameInASecondModification() {
        Table t1 = indexes(table("t", col("a", INT), col("x", INT)), index("t_x", false, "x"));
        Table t2 = indexes(table("t", col("b", BIGINT), col("c", INT)), index("t_b", true, "b"));
        List<SchemaChange> changes = DIFFER.diffRealm(new Realm(List.of(Schema.of("s", t1))), new Realm(List.of(Schema.of("s", t2))),
                DiffOptions.DEFAULT.withRenames(List.of(Rename.column("s", "t", "b", "a"))));
        assertThat(describe(changes)).containsExactly(
                "ModifyTable s.t [ModifyColumn a [TYPE], RenameColumn a->b, DropColumn x, AddColumn c, DropIndex t_x]",
                "ModifyTable s.t [AddIndex t_b]");
        assertThat(changes).allSatisfy(c -> assertThat(((SchemaChange.ModifyTable) c).to()).isSameAs(t2));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a > 0|b > 0",
        "\"a\" > 0|b > 0",
        "'a' = a|'a' = b",
        "'it''s a' = a|'it''s a' = b",
        "a::a|b::a",
        "ab + a_1 + t.a|ab + a_1 + t.b",
        "A > 0|A > 0"})
    void renamedColumnsInExpressions(String expr, String expected) {
        assertThat(Renames.renameColumns(expr, java.util.Map.of("a", "b"))).isEqualTo(expected);
    }

    @Test
    void foreignKeysFollowARenamedTable() {
        Table users = table("users", col("id", INT));
        Table accounts = table("accounts", col("id", INT));
        Table posts = fks(table("posts", col("uid", INT)), fk("posts_fk", "uid", "users", "id", ForeignKey.Action.CASCADE));
        Table posts2 = fks(table("posts", col("uid", INT)), fk("posts_fk", "uid", "accounts", "id", ForeignKey.Action.CASCADE));
        assertThat(realm(Schema.of("public", users, posts), Schema.of("public", accounts, posts2),
                Rename.table("public", "accounts", "users")))
                .containsExactly("RenameTable public.users->accounts");
        // Without the hint the reference changes too.
        assertThat(realm(Schema.of("public", users, posts), Schema.of("public", accounts, posts2)))
                .contains("ModifyTable public.posts [ModifyForeignKey posts_fk [REF_COLUMN, REF_TABLE]]");
    }

    @Test
    void columnRenameInARenamedTable() {
        assertThat(realm(Schema.of("s", table("t1", col("a", INT))), Schema.of("s", table("t2", col("b", INT))),
                Rename.table("s", "t2", "t1"), Rename.column("s", "t2", "b", "a")))
                .containsExactly("RenameTable s.t1->t2", "ModifyTable s.t2 [RenameColumn a->b]");
    }

    @Test
    void indexRename() {
        Table t1 = indexes(table("t", col("a", INT)), index("a_idx", false, "a"));
        Table t2 = indexes(table("t", col("a", INT)), index("b_idx", false, "a"));
        assertThat(realm(Schema.of("s", t1), Schema.of("s", t2), Rename.index("s", "t", "b_idx", "a_idx")))
                .containsExactly("ModifyTable s.t [RenameIndex a_idx->b_idx]");
        assertThat(realm(Schema.of("s", t1), Schema.of("s", t2)))
                .containsExactly("ModifyTable s.t [DropIndex a_idx, AddIndex b_idx]");
    }

    @Test
    void indexRenameWithANewCommentRenamesThenComments() {
        Table t1 = indexes(table("t", col("a", INT)), index("a_idx", false, "a"));
        Table t2 = indexes(table("t", col("a", INT)),
                index("b_idx", false, List.of(IndexPart.column("a")), new Comment("c")));
        assertThat(realm(Schema.of("s", t1), Schema.of("s", t2), Rename.index("s", "t", "b_idx", "a_idx")))
                .containsExactly("ModifyTable s.t [RenameIndex a_idx->b_idx, ModifyIndex b_idx [COMMENT]]");
    }

    @Test
    void renamedIndexWithOtherPartsIsDroppedAndAdded() {
        Table t1 = indexes(table("t", col("a", INT), col("c", INT)), index("a_idx", false, "a"));
        Table t2 = indexes(table("t", col("a", INT), col("c", INT)), index("b_idx", true, "a", "c"));
        assertThat(realm(Schema.of("s", t1), Schema.of("s", t2), Rename.index("s", "t", "b_idx", "a_idx")))
                .containsExactly("ModifyTable s.t [DropIndex a_idx, AddIndex b_idx]");
    }

    static Stream<Arguments> unmatched() {
        Schema from = Schema.of("s", table("t1", col("a", INT)), table("keep", col("k", INT)));
        Schema to = Schema.of("s", table("t2", col("a", INT)), table("keep", col("k", INT)));
        List<String> dropAdd = List.of("DropTable s.t1", "AddTable s.t2");
        return Stream.of(
                Arguments.of("old table missing", from, to, Rename.table("s", "t2", "nope"), dropAdd),
                Arguments.of("new table already current", from, to, Rename.table("s", "keep", "t1"), dropAdd),
                Arguments.of("new table not desired", from, to, Rename.table("s", "t3", "t1"), dropAdd),
                Arguments.of("other schema", from, to, Rename.table("other", "t2", "t1"), dropAdd),
                Arguments.of("old column missing", Schema.of("s", table("t", col("a", INT))),
                        Schema.of("s", table("t", col("b", INT))), Rename.column("s", "t", "b", "x"),
                        List.of("ModifyTable s.t [DropColumn a, AddColumn b]")),
                Arguments.of("new column already current", Schema.of("s", table("t", col("a", INT), col("b", INT))),
                        Schema.of("s", table("t", col("b", INT))), Rename.column("s", "t", "b", "a"),
                        List.of("ModifyTable s.t [DropColumn a]")),
                Arguments.of("column of another table", Schema.of("s", table("t", col("a", INT))),
                        Schema.of("s", table("t", col("b", INT))), Rename.column("s", "u", "b", "a"),
                        List.of("ModifyTable s.t [DropColumn a, AddColumn b]")),
                Arguments.of("old index missing", Schema.of("s", indexes(table("t", col("a", INT)), index("i", false, "a"))),
                        Schema.of("s", indexes(table("t", col("a", INT)), index("j", false, "a"))), Rename.index("s", "t", "j", "x"),
                        List.of("ModifyTable s.t [DropIndex i, AddIndex j]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unmatched")
    void hintsThatDoNotMatchAreIgnored(String name, Schema from, Schema to, Rename hint, List<String> expected) {
        assertThat(realm(from, to, hint)).containsExactlyElementsOf(expected);
    }

    @Test
    void aSkippedRenameClassFallsBackToDropAndAdd() {
        Schema from = Schema.of("s", table("t1", col("a", INT)), indexes(table("u", col("x", INT)), index("i", false, "x")));
        Schema to = Schema.of("s", table("t2", col("a", INT)), indexes(table("u", col("y", INT)), index("j", false, "y")));
        List<Rename> hints = List.of(Rename.table("s", "t2", "t1"), Rename.column("s", "u", "y", "x"),
                Rename.index("s", "u", "j", "i"));
        DiffOptions skipAll = new DiffOptions(Set.of(SchemaChange.RenameTable.class, TableChange.RenameColumn.class,
                TableChange.RenameIndex.class), false, false, hints);
        assertThat(describe(DIFFER.diffRealm(new Realm(List.of(from)), new Realm(List.of(to)), skipAll)))
                .containsExactly("DropTable s.t1", "ModifyTable s.u [DropColumn x, AddColumn y, DropIndex i, AddIndex j]",
                        "AddTable s.t2");
        // Skipping the drop of the table leaves the add alone: the hint is not used either.
        DiffOptions skipRenameAndDrop = new DiffOptions(Set.of(SchemaChange.RenameTable.class, SchemaChange.DropTable.class),
                false, false, hints);
        assertThat(describe(DIFFER.diffRealm(new Realm(List.of(from)), new Realm(List.of(to)), skipRenameAndDrop)))
                .containsExactly("ModifyTable s.u [RenameColumn x->y, RenameIndex i->j]", "AddTable s.t2");
    }

    @Test
    void skippingModifyTableKeepsTheTableRename() {
        DiffOptions options = new DiffOptions(Set.of(SchemaChange.ModifyTable.class), false, false,
                List.of(Rename.table("s", "t2", "t1")));
        assertThat(describe(DIFFER.diffRealm(new Realm(List.of(Schema.of("s", table("t1", col("a", INT))))),
                new Realm(List.of(Schema.of("s", table("t2", col("a", INT), col("b", INT))))), options)))
                .containsExactly("RenameTable s.t1->t2");
    }

    @Test
    void schemaScopeAppliesHintsWhateverTheSchemaNames() {
        List<SchemaChange> changes = DIFFER.diffSchema(Schema.of("public", table("t1", col("a", INT))),
                Schema.of("app", table("t2", col("a", INT))), DiffOptions.DEFAULT.withRenames(List.of(Rename.table("other", "t2", "t1"))));
        assertThat(describe(changes)).containsExactly("RenameTable app.t1->t2");
    }

    @Test
    void aHintCannotRenameFromItself() {
        assertThatThrownBy(() -> Rename.column("s", "t", "a", "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("renamed from itself");
    }

    @Test
    void theThreeArgumentOptionsHaveNoHints() {
        assertThat(new DiffOptions(Set.of(), true, false).renames()).isEmpty();
        assertThat(DiffOptions.DEFAULT.renames()).isEmpty();
        assertThat(DiffOptions.DEFAULT.withRenames(List.of(Rename.table("s", "b", "a"))).renames()).hasSize(1);
    }
}
