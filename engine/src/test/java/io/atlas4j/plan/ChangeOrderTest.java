package io.atlas4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.SchemaChange.AddObject;
import io.atlas4j.schema.change.SchemaChange.AddTable;
import io.atlas4j.schema.change.SchemaChange.DropObject;
import io.atlas4j.schema.change.SchemaChange.DropTable;
import io.atlas4j.schema.change.SchemaChange.ModifyTable;
import io.atlas4j.schema.change.TableChange;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeOrderTest {

    private static final ColumnType INT = new ColumnType.IntegerType(32, false);

    private static Table table(String name, ForeignKey... fks) {
        return new Table(name, List.of(Column.of("id", INT, false), Column.of("ref", INT, true)), Optional.empty(),
                List.of(), List.of(fks), List.of(), List.of());
    }

    private static ForeignKey fk(String name, String parent) {
        return new ForeignKey(name, List.of("ref"), "", parent, List.of("id"), ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION);
    }

    private static List<String> describe(List<SchemaChange> changes) {
        return changes.stream().map(ChangeOrderTest::describe).toList();
    }

    private static String describe(SchemaChange c) {
        if (c instanceof AddTable a) {
            return "add " + a.table().name() + a.table().foreignKeys().stream().map(ForeignKey::name).toList();
        }
        if (c instanceof DropTable d) {
            return "drop " + d.table().name();
        }
        if (c instanceof ModifyTable m) {
            return "modify " + m.to().name() + " " + m.changes().stream().map(t -> t.getClass().getSimpleName()).toList();
        }
        if (c instanceof AddObject o) {
            return "add type " + o.object().name();
        }
        if (c instanceof DropObject o) {
            return "drop type " + o.object().name();
        }
        return c.getClass().getSimpleName();
    }

    @Test
    void newTablesComeBeforeDropsAndSchemasFirst() {
        Schema s = new Schema("s", List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        List<SchemaChange> out = ChangeOrder.sort(List.of(new DropTable("s", table("old")), new AddTable("s", table("new")),
                new SchemaChange.AddSchema(s, Set.of())), ChangeOrder.NONE);
        assertThat(describe(out)).containsExactly("AddSchema", "add new[]", "drop old");
    }

    @Test
    void referencedTablesAreCreatedFirst() {
        List<SchemaChange> out = ChangeOrder.sort(List.of(new AddTable("s", table("comments", fk("c", "posts"))),
                new AddTable("s", table("posts", fk("a", "users"))), new AddTable("s", table("users"))), ChangeOrder.NONE);
        assertThat(describe(out)).containsExactly("add users[]", "add posts[a]", "add comments[c]");
    }

    @Test
    void cyclesAreDetachedIntoTrailingForeignKeys() {
        List<SchemaChange> out = ChangeOrder.sort(List.of(new AddTable("s", table("users", fk("w", "workplaces"))),
                new AddTable("s", table("workplaces", fk("o", "users")))), ChangeOrder.NONE);
        assertThat(describe(out)).containsExactly("add users[]", "add workplaces[]", "modify users [AddForeignKey]",
                "modify workplaces [AddForeignKey]");
    }

    @Test
    void selfReferencesStayInline() {
        List<SchemaChange> out = ChangeOrder.sort(List.of(new AddTable("s", table("nodes", fk("parent", "nodes")))), ChangeOrder.NONE);
        assertThat(describe(out)).containsExactly("add nodes[parent]");
    }

    @Test
    void childrenAreDroppedBeforeParentsAndForeignKeysBeforeTheirParent() {
        List<SchemaChange> out = ChangeOrder.sort(List.of(new DropTable("s", table("users")),
                new DropTable("s", table("posts", fk("a", "users")))), ChangeOrder.NONE);
        assertThat(describe(out)).containsExactly("drop posts", "drop users");
        Table posts = table("posts", fk("a", "users"));
        out = ChangeOrder.sort(List.of(new DropTable("s", table("users")),
                new ModifyTable("s", posts, table("posts"), List.of(new TableChange.DropForeignKey(posts.foreignKeys().get(0))))),
                ChangeOrder.NONE);
        assertThat(describe(out)).containsExactly("modify posts [DropForeignKey]", "drop users");
    }

    @Test
    void aRecreatedTableFollowsItsDrop() {
        List<SchemaChange> out = ChangeOrder.sort(List.of(new DropTable("s", table("users")), new AddTable("s", table("users"))),
                ChangeOrder.NONE);
        assertThat(describe(out)).containsExactly("drop users", "add users[]");
    }

    @Test
    void typesAreCreatedBeforeTheirUsersAndDroppedAfter() {
        Table t = new Table("t", List.of(Column.of("state", new ColumnType.EnumRef("s", "state"), false)), Optional.empty(),
                List.of(), List.of(), List.of(), List.of());
        EnumType e = new EnumType("state", List.of("a"));
        assertThat(describe(ChangeOrder.sort(List.of(new AddTable("s", t), new AddObject("s", e)), ChangeOrder.NONE)))
                .containsExactly("add type state", "add t[]");
        assertThat(describe(ChangeOrder.sort(List.of(new DropObject("s", e), new DropTable("s", t)), ChangeOrder.NONE)))
                .containsExactly("drop t", "drop type state");
        ModifyTable dropColumn = new ModifyTable("s", t, table("t"), List.of(new TableChange.DropColumn(t.columns().get(0))));
        assertThat(describe(ChangeOrder.sort(List.of(new DropObject("s", e), dropColumn), ChangeOrder.NONE)))
                .containsExactly("modify t [DropColumn]", "drop type state");
    }

    @Test
    void triggersFollowTheirFunctionAndViewsFollowTables() {
        Trigger tr = new Trigger("tr", Trigger.Timing.AFTER, List.of("DELETE"), true, Optional.empty(),
                "EXECUTE FUNCTION \"audit\"()", List.of());
        Table users = new Table("users", List.of(Column.of("id", INT, false)), Optional.empty(), List.of(), List.of(),
                List.of(), List.of(), List.of(tr));
        Func f = new Func("audit", List.of(), "trigger", "BEGIN END;", "plpgsql", List.of());
        View v = new View("v", "SELECT id FROM users", List.of());
        List<SchemaChange> out = ChangeOrder.sort(List.of(new SchemaChange.AddView("s", v), new AddTable("s", users),
                new SchemaChange.AddFunc("s", f)), ChangeOrder.NONE);
        assertThat(out).extracting(c -> c.getClass().getSimpleName()).containsExactly("AddFunc", "AddTable", "AddView");
    }

    @Test
    void hooksAddDialectEdges() {
        ChangeOrder.Hooks hooks = new ChangeOrder.Hooks() {
            @Override
            public boolean dependsOn(SchemaChange later, SchemaChange earlier) {
                return later instanceof AddTable a && a.table().name().equals("a") && earlier instanceof AddTable b
                        && b.table().name().equals("b");
            }
        };
        assertThat(describe(ChangeOrder.sort(List.of(new AddTable("s", table("a")), new AddTable("s", table("b"))), hooks)))
                .containsExactly("add b[]", "add a[]");
        assertThat(describe(ChangeOrder.sort(List.of(new AddTable("s", table("a")), new AddTable("s", table("b"))), ChangeOrder.NONE)))
                .containsExactly("add a[]", "add b[]");
    }

    @Test
    void aDroppedSchemaWaitsForChangesToItsTables() {
        Schema s = new Schema("s", List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Table child = table("child", new ForeignKey("f", List.of("ref"), "s", "parent", List.of("id"), ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION));
        List<SchemaChange> out = ChangeOrder.sort(List.of(new SchemaChange.DropSchema(s, Set.of()),
                new ModifyTable("other", child, table("child"), List.of(new TableChange.DropForeignKey(child.foreignKeys().get(0))))),
                ChangeOrder.NONE);
        assertThat(describe(out)).containsExactly("modify child [DropForeignKey]", "DropSchema");
    }

    @Test
    void aTableUsingAnotherTablesRowTypeFollowsIt() {
        Table t = new Table("t", List.of(Column.of("row", new ColumnType.UserTypeRef("s", "u"), false)), Optional.empty(),
                List.of(), List.of(), List.of(), List.of());
        assertThat(describe(ChangeOrder.sort(List.of(new AddTable("s", t), new AddTable("s", table("u"))), ChangeOrder.NONE)))
                .containsExactly("add u[]", "add t[]");
    }

    @Test
    void aDroppedViewGoesBeforeDroppingTheColumnItReads() {
        Table t = table("users");
        View v = new View("v", "SELECT ref FROM users", List.of());
        ModifyTable drop = new ModifyTable("s", t, t, List.of(new TableChange.DropColumn(t.columns().get(1))));
        assertThat(ChangeOrder.sort(List.of(drop, new SchemaChange.DropView("s", v)), ChangeOrder.NONE))
                .extracting(c -> c.getClass().getSimpleName()).containsExactly("DropView", "ModifyTable");
    }
}
