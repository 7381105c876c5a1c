package io.atlas4j.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.StringType;
import io.atlas4j.schema.Expr.Literal;
import io.atlas4j.schema.ForeignKey.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaModelTest {

    private static final ColumnType INT = new IntegerType(32, false);
    private static final ColumnType TEXT = new StringType(StringType.Kind.TEXT, 0);

    private static Table users() {
        return new Table("users",
                List.of(Column.of("id", INT, false), Column.of("name", TEXT, true),
                        new Column("team_id", INT, true, Optional.of(new Literal("1")), List.of(new Comment("owner")))),
                Optional.of(PrimaryKey.of("users_pkey", "id")),
                List.of(new Index("users_name", true, List.of(IndexPart.column("name").descending()),
                        List.of(new IndexPredicate("(name IS NOT NULL)")))),
                List.of(new ForeignKey("users_team_fk", List.of("team_id"), "public", "teams", List.of("id"),
                        Action.NO_ACTION, Action.CASCADE)),
                List.of(new Check("users_name_check", "(length(name) > 0)")),
                List.of(new Comment("people")));
    }

    static Stream<Arguments> tableLookups() {
        return Stream.of(
                Arguments.of("column id", (Function<Table, Optional<?>>) t -> t.column("id"), true),
                Arguments.of("column team_id", (Function<Table, Optional<?>>) t -> t.column("team_id"), true),
                Arguments.of("column ID (names are case-sensitive)", (Function<Table, Optional<?>>) t -> t.column("ID"), false),
                Arguments.of("column missing", (Function<Table, Optional<?>>) t -> t.column("missing"), false),
                Arguments.of("index users_name", (Function<Table, Optional<?>>) t -> t.index("users_name"), true),
                Arguments.of("index users_pkey is not an index", (Function<Table, Optional<?>>) t -> t.index("users_pkey"), false),
                Arguments.of("fk users_team_fk", (Function<Table, Optional<?>>) t -> t.foreignKey("users_team_fk"), true),
                Arguments.of("fk missing", (Function<Table, Optional<?>>) t -> t.foreignKey("users_name"), false),
                Arguments.of("check users_name_check", (Function<Table, Optional<?>>) t -> t.check("users_name_check"), true),
                Arguments.of("check missing", (Function<Table, Optional<?>>) t -> t.check("x"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableLookups")
    void tableLookupsFindChildrenByName(String label, Function<Table, Optional<?>> lookup, boolean found) {
        assertThat(lookup.apply(users()).isPresent()).isEqualTo(found);
    }

    @Test
    void lookupsReturnTheNamedNode() {
        Table t = users();
        assertThat(t.column("team_id").orElseThrow().defaultValue()).contains(new Literal("1"));
        assertThat(t.column("team_id").orElseThrow().comment()).contains("owner");
        assertThat(t.comment()).contains("people");
        assertThat(t.index("users_name").orElseThrow().predicate()).contains("(name IS NOT NULL)");
        assertThat(t.index("users_name").orElseThrow().columns()).containsExactly("name");
        assertThat(t.primaryKey().orElseThrow().columns()).containsExactly("id");
        Realm realm = new Realm(List.of(Schema.of("public", t), Schema.of("other")));
        assertThat(realm.table("public", "users")).contains(t);
        assertThat(realm.table("other", "users")).isEmpty();
        assertThat(realm.schema("nope")).isEmpty();
    }

    static Stream<Arguments> equality() {
        Table base = users();
        return Stream.of(
                Arguments.of("rebuilt identical", users(), true),
                Arguments.of("other column order", new Table(base.name(), reversed(base.columns()), base.primaryKey(),
                        base.indexes(), base.foreignKeys(), base.checks(), base.attrs()), false),
                Arguments.of("nullable flipped", new Table(base.name(), List.of(Column.of("id", INT, true),
                        base.columns().get(1), base.columns().get(2)), base.primaryKey(), base.indexes(),
                        base.foreignKeys(), base.checks(), base.attrs()), false),
                Arguments.of("no comment", new Table(base.name(), base.columns(), base.primaryKey(), base.indexes(),
                        base.foreignKeys(), base.checks(), List.of()), false),
                Arguments.of("ascending index", new Table(base.name(), base.columns(), base.primaryKey(),
                        List.of(new Index("users_name", true, List.of(IndexPart.column("name")),
                                base.indexes().get(0).attrs())), base.foreignKeys(), base.checks(), base.attrs()), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equality")
    void recordsCompareByValue(String label, Table other, boolean equal) {
        assertThat(users().equals(other)).isEqualTo(equal);
        if (equal) {
            assertThat(users().hashCode()).isEqualTo(other.hashCode());
        }
    }

    static Stream<Arguments> duplicates() {
        Column id = Column.of("id", INT, false);
        return Stream.of(
                Arguments.of("columns", (Runnable) () -> Table.of("t", id, id), "duplicate column \"id\" in table t"),
                Arguments.of("tables", (Runnable) () -> Schema.of("s", Table.of("t"), Table.of("t")), "duplicate table \"t\" in schema s"),
                Arguments.of("schemas", (Runnable) () -> new Realm(List.of(Schema.of("s"), Schema.of("s"))), "duplicate schema \"s\" in realm"),
                Arguments.of("fk arity", (Runnable) () -> new ForeignKey("f", List.of("a", "b"), "s", "t", List.of("a"),
                        Action.NO_ACTION, Action.NO_ACTION), "2 columns reference 1 columns"),
                Arguments.of("empty pk", (Runnable) () -> new PrimaryKey("pk", List.of()), "has no parts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicates")
    void invalidGraphsAreRejected(String label, Runnable build, String message) {
        assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void listsAreCopiedAndImmutable() {
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", INT, false)));
        Table t = new Table("t", columns, Optional.empty(), List.of(), List.of(), List.of(), List.of());
        columns.add(Column.of("other", INT, false));
        assertThat(t.columns()).hasSize(1);
        assertThatThrownBy(() -> t.columns().add(Column.of("x", INT, false))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void attrsAreFoundAndReplacedByClass() {
        List<Attr> attrs = List.of(new Comment("a"), new IndexType("btree"));
        assertThat(Attrs.find(attrs, IndexType.class)).contains(new IndexType("btree"));
        assertThat(Attrs.find(attrs, IndexPredicate.class)).isEmpty();
        assertThat(Attrs.replaceOrAppend(attrs, new Comment("b"))).containsExactly(new Comment("b"), new IndexType("btree"));
        assertThat(Attrs.replaceOrAppend(attrs, new Materialized())).containsExactly(new Comment("a"), new IndexType("btree"), new Materialized());
    }

    private static <T> List<T> reversed(List<T> in) {
        List<T> out = new ArrayList<>(in);
        java.util.Collections.reverse(out);
        return out;
    }
}
