package io.atlas4j.diff;

import static io.atlas4j.diff.Fixtures.BIGINT;
import static io.atlas4j.diff.Fixtures.INT;
import static io.atlas4j.diff.Fixtures.TEXT;
import static io.atlas4j.diff.Fixtures.col;
import static io.atlas4j.diff.Fixtures.index;
import static io.atlas4j.diff.Fixtures.indexes;
import static io.atlas4j.diff.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.schema.Comment;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.Materialized;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.RealmObject;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Realm and schema diffs with the generic rules: matching, emission order, skip and concurrency. */
class DiffEngineTest {

    private static final Differ DIFFER = new DiffEngine(DiffRules.generic());

    private record Ext(String name, String version) implements RealmObject {
        @Override
        public String kind() {
            return "extension";
        }
    }

    private static Schema schema(String name, List<Table> tables, List<View> views, List<Func> funcs,
            List<Proc> procs, List<SchemaObject> objects, Comment... attrs) {
        return new Schema(name, tables, views, funcs, procs, objects, List.of(attrs));
    }

    private static Schema schema(String name, Table... tables) {
        return Schema.of(name, tables);
    }

    private static EnumType enumType(String name, String... values) {
        return new EnumType(name, List.of(values));
    }

    private static Func func(String name, String body, FuncArg... args) {
        return new Func(name, List.of(args), "integer", body, "sql", List.of());
    }

    private static FuncArg arg(io.atlas4j.schema.ColumnType type) {
        return new FuncArg("", type, FuncArg.Mode.IN, Optional.empty());
    }

    private static Proc proc(String name, String body) {
        return new Proc(name, List.of(), body, "plpgsql", List.of());
    }

    private static View view(String name, String def, boolean materialized) {
        return new View(name, def, materialized ? List.of(new Materialized()) : List.of());
    }

    private static Sequence sequence(String name, long start) {
        return new Sequence(name, BIGINT, start, 1, 1, Long.MAX_VALUE, 1, false, Optional.empty(), List.of());
    }

    static Stream<Arguments> schemaCases() {
        Table users = table("users", col("id", INT));
        Table posts = table("posts", col("id", INT));
        return Stream.of(
                Arguments.of("tables: drop and modify in current order, then adds",
                        schema("s", table("a", col("x", INT)), table("b", col("x", INT)), table("c", col("x", INT))),
                        schema("s", table("d", col("x", INT)), table("c", col("x", BIGINT)), table("a", col("x", INT))),
                        List.of("DropTable s.b", "ModifyTable s.c [ModifyColumn x [TYPE]]", "AddTable s.d")),
                Arguments.of("schema comment", schema("s", List.of(), List.of(), List.of(), List.of(), List.of()),
                        schema("s", List.of(), List.of(), List.of(), List.of(), List.of(), new Comment("c")),
                        List.of("ModifySchema s 1")),
                Arguments.of("objects: drops and modifies first, then adds; before tables",
                        schema("s", List.of(users), List.of(), List.of(), List.of(),
                                List.of(enumType("e1", "a"), enumType("e2", "a"), sequence("q", 1))),
                        schema("s", List.of(users, posts), List.of(), List.of(), List.of(),
                                List.of(enumType("e3", "a"), enumType("e2", "a", "b"), sequence("q", 1))),
                        List.of("DropObject s.e1", "ModifyObject s.e2", "AddObject s.e3", "AddTable s.posts")),
                Arguments.of("objects of different classes may share a name",
                        schema("s", List.of(), List.of(), List.of(), List.of(), List.of(enumType("x", "a"))),
                        schema("s", List.of(), List.of(), List.of(), List.of(), List.of(sequence("x", 1))),
                        List.of("DropObject s.x", "AddObject s.x")),
                Arguments.of("views: regular to materialized is drop and add; definition change modifies",
                        schema("s", List.of(), List.of(view("v1", "SELECT 1", false), view("v2", "SELECT 1", false),
                                view("v3", "SELECT 1", false)), List.of(), List.of(), List.of()),
                        schema("s", List.of(), List.of(view("v4", "SELECT 4", false), view("v1", "SELECT 1", true),
                                view("v2", " SELECT 2;", false)), List.of(), List.of(), List.of()),
                        List.of("DropView v1", "ModifyView v2", "DropView v3", "AddView v4", "AddView v1")),
                Arguments.of("view definitions equal up to white space and semicolon",
                        schema("s", List.of(), List.of(view("v", "SELECT 1", false)), List.of(), List.of(), List.of()),
                        schema("s", List.of(), List.of(view("v", " SELECT 1;\n", false)), List.of(), List.of(),
                                List.of()),
                        List.of()),
                Arguments.of("materialized view index and view trigger changes modify the view",
                        schema("s", List.of(), List.of(new View("m", "SELECT 1", List.of(),
                                List.of(index("m_a", false, "a")), List.of(new Materialized()), List.of()),
                                view("v", "SELECT 1", false)), List.of(), List.of(), List.of()),
                        schema("s", List.of(), List.of(new View("m", "SELECT 1", List.of(),
                                List.of(index("m_a", true, "a")), List.of(new Materialized()), List.of()),
                                new View("v", "SELECT 1", List.of(), List.of(), List.of(),
                                        List.of(Fixtures.trigger("tr", "f()")))), List.of(), List.of(), List.of()),
                        List.of("ModifyView m", "ModifyView v")),
                Arguments.of("functions by signature, procedures by name",
                        schema("s", List.of(), List.of(), List.of(func("f", "1", arg(INT)), func("g", "1")),
                                List.of(proc("p", "a"), proc("q", "a")), List.of()),
                        schema("s", List.of(), List.of(), List.of(func("f", "1", arg(TEXT)), func("g", "2")),
                                List.of(proc("p", "b"), proc("r", "a")), List.of()),
                        List.of("DropFunc " + func("f", "1", arg(INT)).signature(), "ModifyFunc g()",
                                "AddFunc " + func("f", "1", arg(TEXT)).signature(), "ModifyProc p", "DropProc q",
                                "AddProc r")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaCases")
    void schemaDiff(String name, Schema from, Schema to, List<String> expected) {
        assertThat(Changes.describe(DIFFER.diffSchema(from, to, DiffOptions.DEFAULT)))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void schemaToSchemaCarriesTheDesiredName() {
        // E6: current schema "other" with posts, desired "public" with users.
        List<SchemaChange> changes = DIFFER.diffSchema(schema("other", table("posts", col("id", INT))),
                schema("public", table("users", col("id", INT))), DiffOptions.DEFAULT);
        assertThat(Changes.describe(changes)).containsExactly("DropTable public.posts", "AddTable public.users");
    }

    @Test
    void schemaToSchemaAlignsForeignKeysToOwnSchema() {
        ForeignKey other = new ForeignKey("f", List.of("id"), "other", "users", List.of("id"),
                ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
        ForeignKey pub = new ForeignKey("f", List.of("id"), "public", "users", List.of("id"),
                ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
        Table from = Fixtures.fks(table("posts", col("id", INT)), other);
        Table to = Fixtures.fks(table("posts", col("id", INT)), pub);
        assertThat(DIFFER.diffSchema(schema("other", from), schema("public", to), DiffOptions.DEFAULT)).isEmpty();
        // In one realm the two schemas are different references.
        assertThat(Changes.describe(DIFFER.diffSchema(schema("public", from), schema("public", to),
                DiffOptions.DEFAULT))).containsExactly("ModifyTable public.posts [ModifyForeignKey f [REF_COLUMN, REF_TABLE]]");
    }

    @Test
    void realmOrder() {
        Schema kept = schema("kept", table("t", col("a", INT)));
        Schema keptChanged = schema("kept", table("t", col("a", BIGINT)));
        Schema added = new Schema("added", List.of(table("t2", col("a", INT))), List.of(view("v", "SELECT 1", false)),
                List.of(func("f", "1")), List.of(proc("p", "1")), List.of(enumType("e", "a")), List.of());
        Realm from = new Realm(List.of(schema("gone"), kept), List.of(new Ext("x", "1"), new Ext("y", "1")));
        Realm to = new Realm(List.of(added, keptChanged), List.of(new Ext("y", "2"), new Ext("z", "1")));
        assertThat(Changes.describe(DIFFER.diffRealm(from, to, DiffOptions.DEFAULT))).containsExactly(
                "DropRealmObject x", "ModifyRealmObject y", "AddRealmObject z",
                "DropSchema gone",
                "ModifyTable kept.t [ModifyColumn a [TYPE]]",
                "AddSchema added", "AddObject added.e", "AddFunc f()", "AddProc p", "AddTable added.t2", "AddView v");
    }

    @Test
    void sameRealmIsNoChange() {
        Realm r = new Realm(List.of(schema("a", table("t", col("x", INT))), schema("b")), List.of(new Ext("x", "1")));
        assertThat(DIFFER.diffRealm(r, r, DiffOptions.DEFAULT)).isEmpty();
    }

    static Stream<Arguments> skipCases() {
        Schema from = schema("s", table("t", col("a", INT), col("b", INT)), table("gone", col("a", INT)));
        Schema to = schema("s", table("t", col("a", BIGINT)), table("new", col("a", INT)));
        return Stream.of(
                Arguments.of(Set.of(), List.of("ModifyTable s.t [ModifyColumn a [TYPE], DropColumn b]",
                        "DropTable s.gone", "AddTable s.new")),
                Arguments.of(Set.of(SchemaChange.DropTable.class),
                        List.of("ModifyTable s.t [ModifyColumn a [TYPE], DropColumn b]", "AddTable s.new")),
                Arguments.of(Set.of(TableChange.DropColumn.class),
                        List.of("ModifyTable s.t [ModifyColumn a [TYPE]]", "DropTable s.gone", "AddTable s.new")),
                Arguments.of(Set.of(TableChange.DropColumn.class, TableChange.ModifyColumn.class),
                        List.of("DropTable s.gone", "AddTable s.new")),
                Arguments.of(Set.of(SchemaChange.ModifyTable.class, SchemaChange.AddTable.class),
                        List.of("DropTable s.gone")));
    }

    @ParameterizedTest(name = "skip {0}")
    @MethodSource("skipCases")
    void skip(Set<Class<?>> skip, List<String> expected) {
        Schema from = schema("s", table("t", col("a", INT), col("b", INT)), table("gone", col("a", INT)));
        Schema to = schema("s", table("t", col("a", BIGINT)), table("new", col("a", INT)));
        assertThat(Changes.describe(DIFFER.diffSchema(from, to, new DiffOptions(skip, false, false))))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void skipAppliesToRealmChanges() {
        Realm from = new Realm(List.of(schema("a"), schema("b")));
        Realm to = new Realm(List.of(schema("b"), schema("c", table("t", col("x", INT)))));
        assertThat(Changes.describe(DIFFER.diffRealm(from, to,
                new DiffOptions(Set.of(SchemaChange.DropSchema.class, SchemaChange.AddSchema.class), false, false))))
                .containsExactly("AddTable c.t");
    }

    static Stream<Arguments> concurrentCases() {
        return Stream.of(
                Arguments.of(false, false, List.of("DropIndex old", "AddIndex new")),
                Arguments.of(true, false, List.of("DropIndex old", "AddIndex new [CONCURRENTLY]")),
                Arguments.of(false, true, List.of("DropIndex old [CONCURRENTLY]", "AddIndex new")),
                Arguments.of(true, true, List.of("DropIndex old [CONCURRENTLY]", "AddIndex new [CONCURRENTLY]")));
    }

    @ParameterizedTest(name = "create={0} drop={1}")
    @MethodSource("concurrentCases")
    void concurrentIndexesOfExistingTables(boolean create, boolean drop, List<String> expected) {
        Table t = table("t", col("a", INT));
        Schema from = schema("s", indexes(t, index("old", false, "a")));
        Schema to = schema("s", indexes(t, index("new", false, "a")), indexes(table("added", col("a", INT)),
                index("added_a", false, "a")));
        List<SchemaChange> changes = DIFFER.diffSchema(from, to, new DiffOptions(Set.of(), create, drop));
        assertThat(changes).hasSize(2);
        assertThat(((SchemaChange.ModifyTable) changes.get(0)).changes().stream().map(Changes::describe))
                .containsExactlyElementsOf(expected);
        // Indexes of a new table are created with it, never concurrently.
        assertThat(((SchemaChange.AddTable) changes.get(1)).clauses()).isEmpty();
    }

    @Test
    void constraintIndexesAreNeverConcurrent() {
        Table t = table("t", col("a", INT));
        io.atlas4j.schema.Index unique = index("u", true, List.of(IndexPart.column("a")),
                new IndexConstraint(IndexConstraint.Kind.UNIQUE));
        List<SchemaChange> changes = DIFFER.diffSchema(schema("s", t), schema("s", indexes(t, unique)),
                new DiffOptions(Set.of(), true, true));
        assertThat(Changes.describe(changes)).containsExactly("ModifyTable s.t [AddIndex u]");
    }
}
