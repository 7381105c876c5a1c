package io.atlas4j.dialect.postgres.plan;

import static io.atlas4j.dialect.postgres.plan.Fx.BIGINT;
import static io.atlas4j.dialect.postgres.plan.Fx.BOOL;
import static io.atlas4j.dialect.postgres.plan.Fx.INT;
import static io.atlas4j.dialect.postgres.plan.Fx.TEXT;
import static io.atlas4j.dialect.postgres.plan.Fx.col;
import static io.atlas4j.dialect.postgres.plan.Fx.comment;
import static io.atlas4j.dialect.postgres.plan.Fx.fk;
import static io.atlas4j.dialect.postgres.plan.Fx.index;
import static io.atlas4j.dialect.postgres.plan.Fx.lit;
import static io.atlas4j.dialect.postgres.plan.Fx.modCol;
import static io.atlas4j.dialect.postgres.plan.Fx.modify;
import static io.atlas4j.dialect.postgres.plan.Fx.nullCol;
import static io.atlas4j.dialect.postgres.plan.Fx.raw;
import static io.atlas4j.dialect.postgres.plan.Fx.table;
import static io.atlas4j.dialect.postgres.plan.Fx.varchar;
import static io.atlas4j.dialect.postgres.plan.Fx.withDefault;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresAttrs;
import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.dialect.postgres.PostgresObjects;
import io.atlas4j.migrate.format.DirFormat;
import io.atlas4j.migrate.format.MigrationWriter;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanMode;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlanPrinter;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.IndexType;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.change.AttrChange;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.Clause;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.SchemaChange.AddObject;
import io.atlas4j.schema.change.SchemaChange.AddTable;
import io.atlas4j.schema.change.SchemaChange.DropObject;
import io.atlas4j.schema.change.SchemaChange.DropTable;
import io.atlas4j.schema.change.SchemaChange.ModifyObject;
import io.atlas4j.schema.change.TableChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests: the PostgreSQL acceptance cases of spec §9 as hand-built change lists, printed as a
 * migration file (and, where the spec lists reverses, as a down file) and compared with
 * {@code src/test/resources/plan/<case>.sql}. The golden files were written by hand from the spec text;
 * {@code -Datlas4j.golden.update=true} rewrites them (review the diff before keeping it).
 */
class PostgresPlannerGoldenTest {

    private static final Path DIR = Path.of("src/test/resources/plan");
    private static final boolean UPDATE = Boolean.getBoolean("atlas4j.golden.update");
    private static final PlanOptions S = PlanOptions.SCHEMA;
    private static final PlanOptions R = PlanOptions.REALM;
    private static final PlanPrinter PRINTER = new PlanPrinter();

    /** How the plan is printed. */
    enum Form { FILE, APPLY }

    /** One golden case. */
    record Case(String id, PlanOptions options, boolean down, Form form, List<SchemaChange> changes) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static Case c(String id, PlanOptions o, SchemaChange... changes) {
        return new Case(id, o, false, Form.FILE, List.of(changes));
    }

    private static Case down(String id, PlanOptions o, SchemaChange... changes) {
        return new Case(id, o, true, Form.FILE, List.of(changes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGolden(Case c) throws IOException {
        Plan plan = new PostgresPlanner().plan("golden", c.changes(), c.options());
        // The file forms are what migrate diff writes: Atlas's own file, and golang-migrate's down file for
        // the reverse statements.
        String actual = c.form() == Form.APPLY ? PRINTER.apply(plan)
                : MigrationWriter.files(DirFormat.ATLAS, plan, "1", null).get(0).content();
        check(c.id() + ".sql", actual);
        if (c.down()) {
            check(c.id() + ".down.sql", MigrationWriter.files(DirFormat.GOLANG_MIGRATE, plan, "1", null).get(1).content());
        }
    }

    private static void check(String file, String actual) throws IOException {
        Path p = DIR.resolve(file);
        if (UPDATE) {
            Files.writeString(p, actual);
            return;
        }
        assertThat(p).as("golden file %s", p).exists();
        assertThat(actual).as(file).isEqualTo(Files.readString(p));
    }

    // ------------------------------------------------------------------ fixtures

    private static Schema schema(String name, String comment) {
        return new Schema(name, List.of(), List.of(), List.of(), List.of(), List.of(),
                comment == null ? List.of() : List.of(comment(comment)));
    }

    private static Table one(String name, Column... cols) {
        return table(name).cols(cols).build();
    }

    private static EnumType enumType(String name, String... values) {
        return new EnumType(name, List.of(values));
    }

    private static ColumnType enumRef(String schema, String name) {
        return new ColumnType.EnumRef(schema, name);
    }

    private static ColumnType.TimeType timestamp(int p) {
        return new ColumnType.TimeType(ColumnType.TimeType.Kind.TIMESTAMP, OptionalInt.of(p));
    }

    private static Identity identity(Identity.Generation g, long start, long inc) {
        return new Identity(g, start, inc);
    }

    private static Index unique(String name, String... cols) {
        return new Index(name, true, Stream.of(cols).map(IndexPart::column).toList(), List.of());
    }

    private static Index uniqueConstraint(String name, String... cols) {
        return new Index(name, true, Stream.of(cols).map(IndexPart::column).toList(),
                List.of(new IndexConstraint(IndexConstraint.Kind.UNIQUE)));
    }

    private static Index withAttrs(Index i, io.atlas4j.schema.Attr... attrs) {
        List<io.atlas4j.schema.Attr> all = new java.util.ArrayList<>(i.attrs());
        all.addAll(List.of(attrs));
        return new Index(i.name(), i.unique(), i.parts(), all);
    }

    private static Column serial(String name, int bits, String seq) {
        return col(name, new SerialType(bits, seq));
    }

    static Stream<Case> cases() {
        return Stream.of(schemas(), tables(), columns(), indexes(), keys(), enums(), objects(), options())
                .flatMap(s -> s);
    }

    // ------------------------------------------------------------------ 9.1 schemas

    private static Stream<Case> schemas() {
        return Stream.of(
                c("E001", R,
                        new SchemaChange.AddSchema(schema("other", null), Set.of()),
                        new AddTable("public", one("users", col("id", INT))),
                        new AddTable("other", one("posts", col("id", INT)))),
                down("E002", R, new SchemaChange.AddSchema(schema("public", "public schema"), Set.of())),
                c("E002-if-not-exists", R, new SchemaChange.AddSchema(schema("test", null), Set.of(Clause.IF_NOT_EXISTS))),
                c("E003", R, new SchemaChange.DropSchema(schema("atlas", null), Set.of())),
                c("E003-if-exists", R, new SchemaChange.DropSchema(schema("atlas", null), Set.of(Clause.IF_EXISTS))),
                down("E004", R, new SchemaChange.ModifySchema(schema("modify1", "comment"),
                        List.of(new AttrChange(Optional.empty(), Optional.of(comment("comment")))))),
                down("E004-modify", R, new SchemaChange.ModifySchema(schema("modify2", "new"),
                        List.of(new AttrChange(Optional.of(comment("old")), Optional.of(comment("new")))))),
                c("E006", S,
                        new DropTable("public", one("posts", col("id", INT))),
                        new AddTable("public", one("users", col("id", INT)))));
    }

    // ------------------------------------------------------------------ 9.2 tables

    private static Stream<Case> tables() {
        Table users = table("users").cols(col("id", BIGINT)).pk(PrimaryKey.of("", "id")).build();
        Table t1 = table("t1").cols(col("a", INT), col("b", INT), col("id", INT)).pk(PrimaryKey.of("", "id"))
                .fk(fk("fk1", "a", "t2", "a")).fk(fk("fk2", "a", "t2", "a"))
                .check(new Check("ck1", "a > 0")).check(new Check("ck2", "a > 0")).build();
        Table posts11 = table("posts")
                .cols(col("id", INT, identity(Identity.Generation.BY_DEFAULT, 1, 1)), nullCol("text", TEXT),
                        col("directions", new ColumnType.ArrayType(enumRef("public", "direction"))),
                        col("states", new ColumnType.ArrayType(enumRef("", "state"))))
                .check(new Check("id_nonzero", "\"id\" > 0"))
                .check(new Check("text_len", "length(\"text\") > 0", List.of(new PostgresAttrs.NoInherit())))
                .check(new Check("a_in_b", "(a) in (b)"))
                .attr(new PostgresAttrs.Partition(PostgresAttrs.Partition.Strategy.HASH,
                        List.of(new PostgresAttrs.PartitionKey(Optional.of("text"), Optional.empty()))))
                .build();
        Table posts13 = table("posts").cols(col("id", INT)).attr(comment("a8m's posts"))
                .index(withAttrs(index("idx", "id"), comment("a8m's index"))).build();
        Table usersRef = one("users", col("id", BIGINT));
        Table posts17 = table("posts").cols(col("id", BIGINT), nullCol("author_id", BIGINT))
                .fk(fk("author", "author_id", "users", "id")).build();
        Table comments17 = table("comments").cols(col("id", BIGINT), nullCol("post_id", BIGINT))
                .fk(fk("comment", "post_id", "posts", "id")).build();
        Table users18 = table("users").cols(col("id", BIGINT), nullCol("workplace_id", BIGINT))
                .fk(fk("workplace", "workplace_id", "workplaces", "id")).build();
        Table workplaces18 = table("workplaces").cols(col("id", BIGINT), nullCol("owner_id", BIGINT))
                .fk(fk("owner", "owner_id", "users", "id")).build();
        Table posts19 = table("posts").cols(col("id", INT), col("author_id", INT))
                .fk(fk("author", "author_id", "users", "id")).build();
        Table posts19b = table("posts").cols(col("id", INT), col("author_id", INT)).build();
        return Stream.of(
                c("E007", S, new AddTable("public", users)),
                c("E008", S.indented("  "), new AddTable("public", t1)),
                c("E009", S, new AddTable("public", one("users", col("id", INT, identity(Identity.Generation.BY_DEFAULT, 1, 1))))),
                c("E009-start", S, new AddTable("public", one("users", col("id", INT, identity(Identity.Generation.BY_DEFAULT, 1024, 1))))),
                c("E009-increment", S, new AddTable("public", one("users", col("id", INT, identity(Identity.Generation.BY_DEFAULT, 1, 2))))),
                c("E009-both", S, new AddTable("public", one("users", col("id", INT, identity(Identity.Generation.BY_DEFAULT, 100, 2))))),
                c("E010", S, new AddTable("public", one("posts", col("id", INT), col("nid", INT, new GeneratedExpr("id+1", true))))),
                c("E011", R, new AddObject("public", enumType("direction", "NORTH", "SOUTH")), new AddTable("", posts11)),
                c("E012", S, new AddTable("public", one("users", withDefault(col("id", TEXT), raw("random_id(10)"))))),
                down("E013", S, new DropTable("public", posts13)),
                down("E013-realm", R, new DropTable("private", posts13)),
                c("E013-cascade", S, new DropTable("public", one("users", col("id", INT)), Set.of(Clause.CASCADE))),
                c("E015", S, new DropTable("public", one("t1", col("id", INT))), new AddTable("public", one("t2", col("id", INT)))),
                c("E016", S, new DropTable("public", one("users", col("id", INT))), new AddTable("public", one("users", col("id", BIGINT)))),
                c("E017", S, new AddTable("public", comments17), new AddTable("public", posts17), new AddTable("public", usersRef)),
                c("E018", S, new AddTable("public", users18), new AddTable("public", workplaces18)),
                c("E019", S, new DropTable("public", one("users", col("id", INT))),
                        modify("public", posts19, posts19b, new TableChange.DropForeignKey(posts19.foreignKeys().get(0)))),
                c("E019-both", S, new DropTable("public", one("users", col("id", INT))), new DropTable("public", posts19)),
                down("E020", S, new SchemaChange.RenameTable("public", one("t1", col("id", INT)), one("t2", col("id", INT)))),
                down("E022", R, modify("public", one("users", col("id", INT)),
                        new TableChange.ModifyAttr(new AttrChange(Optional.empty(), Optional.of(comment("foo")))))),
                down("E022-change", R, modify("public", one("users", col("id", INT)),
                        new TableChange.ModifyAttr(new AttrChange(Optional.of(comment("bar")), Optional.of(comment("foo")))))),
                c("E022-remove", S, modify("public", one("users", col("id", INT)),
                        new TableChange.ModifyAttr(new AttrChange(Optional.of(comment("foo")), Optional.empty())))));
    }

    // ------------------------------------------------------------------ 9.3 columns

    private static Stream<Case> columns() {
        Table users = one("users", col("id", INT));
        Column name29 = new Column("name", varchar(255), false, Optional.of(lit("logged_in")), List.of(comment("foo")));
        Column last29 = new Column("last", varchar(255), false, Optional.of(raw("'logged_in'")), List.of(comment("bar")));
        Column nick = nullCol("nick", TEXT);
        Column nick2 = withDefault(col("nick", TEXT), lit("a8m"));
        Column one = withDefault(col("one", TEXT), lit("'one'"));
        Column two = withDefault(col("two", TEXT), lit("'two'"));
        Column id36 = col("id", INT, identity(Identity.Generation.BY_DEFAULT, 1, 1));
        Column id36b = col("id", INT, identity(Identity.Generation.BY_DEFAULT, 1024, 1));
        Table posts = one("posts", col("id", INT));
        return Stream.of(
                down("E029", S, modify("public", users, new TableChange.AddColumn(name29), new TableChange.AddColumn(last29))),
                c("E031", S, modify("public", one("t", col("id", INT), col("c", TEXT)), new TableChange.DropColumn(col("c", TEXT)))),
                c("E033", S, modify("public", one("t", col("c", INT)), modCol(col("c", INT), col("c", BIGINT), ChangeKind.TYPE))),
                down("E034", S, modify("public", users, modCol(nick, nick2, ChangeKind.NULL, ChangeKind.DEFAULT))),
                c("E035", S, modify("public", users,
                        modCol(withDefault(col("name", varchar(0)), lit("unknown")), withDefault(col("name", varchar(0)), lit("anonymous")), ChangeKind.DEFAULT),
                        modCol(withDefault(col("age", INT), lit("1")), withDefault(col("age", INT), lit("0")), ChangeKind.DEFAULT),
                        modCol(withDefault(col("active", BOOL), lit("true")), withDefault(col("active", BOOL), lit("false")), ChangeKind.DEFAULT),
                        new TableChange.DropColumn(withDefault(col("bpchar", new ColumnType.StringType(ColumnType.StringType.Kind.CHAR, 1)), lit("foo"))))),
                down("E036", S, modify("public", users,
                        modCol(one, col("one", TEXT), ChangeKind.DEFAULT),
                        modCol(two, col("two", TEXT), ChangeKind.DEFAULT),
                        modCol(id36, id36b, ChangeKind.ATTR))),
                down("E038", S, modify("public", users,
                        modCol(col("state", TEXT, comment("bar")), col("state", TEXT, comment("foo")), ChangeKind.COMMENT))),
                down("E038-enum", R,
                        new ModifyObject("public", enumType("state", "on", "off"), enumType("state", "on", "off", "unknown")),
                        modify("public", users, modCol(col("state", enumRef("public", "state"), comment("foo")),
                                col("state", enumRef("public", "state")), ChangeKind.COMMENT))),
                down("E039", S, modify("public", one("t1", col("a", INT)), new TableChange.RenameColumn(col("a", INT), col("b", INT)))),
                c("E040", R, modify("s1", one("t1", col("a", INT)), new TableChange.AddColumn(col("c", INT)),
                        new TableChange.RenameColumn(col("a", INT), col("b", INT)))),
                c("E041", S, modify("public", users, modCol(col("name", INT, identity(Identity.Generation.ALWAYS, 10, 10)),
                        col("name", INT, identity(Identity.Generation.BY_DEFAULT, 10, 10)), ChangeKind.ATTR))),
                c("E042", S, modify("public", posts, modCol(col("c1", INT, new GeneratedExpr("id+1", true)), col("c1", INT),
                        ChangeKind.GENERATED))),
                down("E043", R, modify("public", posts,
                        modCol(serial("c1", 16, ""), col("c1", INT, new ConvertUsing("c1::int")), ChangeKind.TYPE, ChangeKind.DEFAULT),
                        modCol(serial("c2", 32, "previous_name"), col("c2", INT), ChangeKind.TYPE, ChangeKind.DEFAULT))),
                c("E044", R, modify("public", posts,
                        modCol(col("c1", INT), serial("c1", 32, ""), ChangeKind.TYPE, ChangeKind.DEFAULT),
                        modCol(col("c2", INT), serial("c2", 64, ""), ChangeKind.TYPE, ChangeKind.DEFAULT))),
                c("E044-no-qualifier", S, modify("public", posts,
                        modCol(col("c1", INT), serial("c1", 32, ""), ChangeKind.TYPE, ChangeKind.DEFAULT),
                        modCol(col("c2", INT), serial("c2", 64, ""), ChangeKind.TYPE, ChangeKind.DEFAULT))),
                down("E045", R, modify("public", posts,
                        modCol(serial("c1", 16, ""), serial("c1", 32, ""), ChangeKind.TYPE),
                        modCol(serial("c2", 32, ""), serial("c2", 64, ""), ChangeKind.TYPE))),
                down("E046", S, modify("public", users, modCol(col("name", TEXT),
                        col("name", TEXT, new io.atlas4j.schema.Collation("ja-x-icu")), ChangeKind.TYPE))));
    }

    // ------------------------------------------------------------------ 9.4 indexes

    private static Stream<Case> indexes() {
        Table users = one("users", col("id", INT), col("name", TEXT), col("a", INT), col("b", INT), col("nickname", TEXT));
        Index idKey = index("id_key", false, List.of(IndexPart.column("id").descending()), new IndexPredicate("success"),
                comment("comment"));
        Index brin = index("id_brin", false, List.of(IndexPart.column("id").descending()), new IndexType("BRIN"),
                new PostgresAttrs.IndexStorageParams(false, 2));
        Index brinDefault = index("id_brin", false, List.of(IndexPart.column("id").descending()), new IndexType("BRIN"),
                new PostgresAttrs.IndexStorageParams(false, 128));
        Index opclass = index("operator_class", false, List.of(
                new IndexPart(new IndexPart.ColumnKey("id"), false, List.of(new PostgresAttrs.OpClass("int8_bloom_ops", List.of()))),
                IndexPart.column("id"),
                new IndexPart(new IndexPart.ColumnKey("id"), false,
                        List.of(new PostgresAttrs.OpClass("int8_minmax_multi_ops", List.of("values_per_range=8"))))),
                new IndexType("BRIN"));
        Index i60 = index("i", "c");
        Index i60u = unique("i", "c");
        Index name62 = withAttrs(index("users_name", "name"), new IndexPredicate("active"));
        Index name62b = withAttrs(index("users_name", "name"), new IndexPredicate("(active AND (name <> ''::text))"));
        Table t71 = table("t").cols(col("a", INT), col("b", INT)).index(index("ab", "a", "b")).index(index("a1", "a")).build();
        Table talks = table("talks").cols(col("speaker", TEXT), col("during", new ColumnType.UnsupportedType("tsrange")))
                .index(new Index("excl_speaker_during", false, List.of(
                        new IndexPart(new IndexPart.ColumnKey("speaker"), false, List.of(new PostgresAttrs.ExcludeOperator("="))),
                        new IndexPart(new IndexPart.ColumnKey("during"), false, List.of(new PostgresAttrs.ExcludeOperator("&&")))),
                        List.of(new IndexConstraint(IndexConstraint.Kind.EXCLUDE), new IndexType("gist"))))
                .build();
        return Stream.of(
                down("E052", S, modify("public", users, new TableChange.AddIndex(idKey))),
                c("E053", S, modify("public", one("t2", col("id", INT)), new TableChange.AddIndex(unique("t2_id", "id")))),
                down("E054", S, modify("public", users, new TableChange.DropIndex(index("name_index", "name")))),
                c("E054-realm", R, modify("public", users, new TableChange.DropIndex(index("name_index", "name")))),
                c("E055", S, modify("public", users, new TableChange.AddIndex(brin))),
                c("E055-default", S, modify("public", users, new TableChange.AddIndex(brinDefault))),
                c("E056", S, modify("public", users, new TableChange.AddIndex(withAttrs(index("include_key", "id"),
                        new IndexInclude(List.of("a", "b")))))),
                c("E057", S, modify("public", users, new TableChange.AddIndex(opclass))),
                c("E058", S, modify("public", users,
                        new TableChange.AddIndex(unique("nulls_distinct", "id")),
                        new TableChange.AddIndex(withAttrs(unique("nulls_not_distinct", "id"), new PostgresAttrs.NullsNotDistinct())),
                        new TableChange.AddIndex(withAttrs(uniqueConstraint("unique_const", "id"), new PostgresAttrs.NullsNotDistinct())))),
                down("E059", S, modify("public", users,
                        new TableChange.DropIndex(index("drop_con", "id"), Set.of(Clause.CONCURRENTLY)),
                        new TableChange.AddIndex(index("add_con", "id"), Set.of(Clause.CONCURRENTLY)))),
                c("E060", S, modify("public", one("t", col("c", INT)), new TableChange.ModifyIndex(i60, i60u, Set.of(ChangeKind.UNIQUE)))),
                c("E062", S, modify("public", users, new TableChange.ModifyIndex(name62, name62b, Set.of(ChangeKind.ATTR)))),
                down("E063", S, modify("public", one("t1", col("a", INT)),
                        new TableChange.RenameIndex(index("a", "a"), index("b", "a")))),
                c("E063-realm", R, modify("s1", one("t1", col("a", INT)),
                        new TableChange.RenameIndex(index("a", "a"), index("b", "a")))),
                down("E064", S, modify("public", users, new TableChange.ModifyIndex(withAttrs(index("id_key", "id"), comment("foo")),
                        withAttrs(index("id_key", "id"), comment("bar")), Set.of(ChangeKind.COMMENT)))),
                down("E068", S, modify("public", users, new TableChange.DropIndex(uniqueConstraint("users_nickname_key", "nickname")))),
                c("E068-both", S, modify("public", users,
                        new TableChange.DropIndex(uniqueConstraint("users_nickname_key", "nickname")),
                        new TableChange.DropIndex(uniqueConstraint("users_name_last_key", "name", "a")))),
                c("E069", S, modify("public", users, new TableChange.AddIndex(uniqueConstraint("users_nickname_key", "nickname")))),
                c("E070", S, new AddTable("public", talks)),
                c("E071", S, modify("public", t71, new TableChange.DropColumn(col("a", INT)),
                        new TableChange.DropIndex(index("ab", "a", "b")), new TableChange.DropIndex(index("a1", "a")))));
    }

    // ------------------------------------------------------------------ 9.5-9.7 keys and checks

    private static Stream<Case> keys() {
        Table users = one("users", col("id", INT), nullCol("c", INT));
        ForeignKey owner = new ForeignKey("owner_id", List.of("author_id"), "", "users", List.of("id"),
                ForeignKey.Action.SET_NULL, ForeignKey.Action.NO_ACTION);
        ForeignKey owner2 = new ForeignKey("owner_id", List.of("author_id"), "", "users", List.of("id"),
                ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE);
        ForeignKey petsFk = new ForeignKey("pets_user_id_fkey", List.of("user_id"), "", "users", List.of("id"),
                ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE);
        PrimaryKey pk75 = new PrimaryKey("users_pkey", List.of(IndexPart.column("email")), List.of(new IndexInclude(List.of("last"))));
        Table t1 = one("t1", col("a", INT), col("b", INT));
        return Stream.of(
                down("E073", S, modify("public", users, new TableChange.AddPrimaryKey(PrimaryKey.of("", "id")))),
                down("E074", R, modify("test", users, new TableChange.DropPrimaryKey(PrimaryKey.of("users_pkey", "id")))),
                down("E075", S, modify("public", one("users", col("email", TEXT), col("last", TEXT)),
                        one("users", col("name", TEXT), col("last", TEXT)),
                        new TableChange.DropColumn(col("email", TEXT)), new TableChange.AddColumn(col("name", TEXT)),
                        new TableChange.ModifyPrimaryKey(pk75, PrimaryKey.of("", "name"), Set.of(ChangeKind.PARTS, ChangeKind.ATTR)))),
                c("E076", S, modify("public", users, new TableChange.ModifyPrimaryKey(PrimaryKey.of("users_pkey", "id"),
                        new PrimaryKey("users_pkey", List.of(IndexPart.column("id")), List.of(new IndexInclude(List.of("c")))),
                        Set.of(ChangeKind.ATTR)))),
                c("E078", S, modify("public", one("posts", col("id", INT)), new TableChange.AddColumn(col("author_id", INT)),
                        new TableChange.AddForeignKey(fk("author", "author_id", "users", "id")))),
                c("E078-not-valid", S, modify("public", one("posts", col("id", INT), col("author_id", INT)),
                        new TableChange.AddForeignKey(fk("author", "author_id", "users", "id"), Set.of(Clause.NOT_VALID)))),
                down("E079", S, modify("public", one("pets", col("id", INT), col("user_id", INT)), new TableChange.DropForeignKey(petsFk))),
                c("E080", S, modify("public", one("posts", col("id", INT), col("author_id", INT)),
                        new TableChange.ModifyForeignKey(owner, owner2, Set.of(ChangeKind.UPDATE_ACTION, ChangeKind.DELETE_ACTION)))),
                c("E081", S, modify("public", one("t1", col("t2_id", INT)), new TableChange.ModifyForeignKey(
                        fk("fk", "t2_id", "t2", "id"), fk("fk", "t2_id", "t2", "ref_id"), Set.of(ChangeKind.REF_COLUMN)))),
                c("E084", S, modify("public", t1,
                        new TableChange.ModifyCheck(new Check("c1", "a > 0"), new Check("c1", "a > 1"), Set.of()),
                        new TableChange.ModifyCheck(new Check("c2", "b > 0"), new Check("c2", "b > 1"), Set.of()))),
                c("E085", S, modify("public", t1,
                        new TableChange.DropCheck(new Check("c3", "a < b")), new TableChange.AddCheck(new Check("c4", "a < b")))),
                c("E086", S, modify("public", one("users", col("id", INT)),
                        new TableChange.AddColumn(col("name", TEXT)),
                        new TableChange.DropCheck(new Check("id_nonzero", "\"id\" <> 0")),
                        new TableChange.AddCheck(new Check("name_not_empty", "\"name\" <> ''")),
                        new TableChange.AddCheck(new Check("positive_id", "\"id\" > 0", List.of(new NotValid()))),
                        new TableChange.ModifyCheck(new Check("id_iseven", "\"id\" % 2 = 0"), new Check("id_iseven", "(\"id\") % 2 = 0"),
                                Set.of()))),
                c("E088-irreversible", S, modify("public", one("t", col("a", INT)), new TableChange.AddCheck(new Check("", "a > 0")))));
    }

    // ------------------------------------------------------------------ 9.8 enums

    private static Stream<Case> enums() {
        EnumType status = enumType("status", "active", "inactive");
        Table users92 = one("users", withDefault(col("type", enumRef("public", "status")), lit("inactive")));
        Table users93 = one("users", col("state", TEXT), col("status", TEXT), col("dc1", enumRef("public", "de")),
                col("dc2", enumRef("public", "de")));
        return Stream.of(
                c("E089", S.indented("  "), new AddObject("public", status), new AddTable("public", users92)),
                c("E089-default", S, modify("public", users92, modCol(withDefault(col("type", enumRef("public", "status")), lit("active")),
                        withDefault(col("type", enumRef("public", "status")), lit("inactive")), ChangeKind.DEFAULT))),
                c("E089-rename", S, modify("public", users92, new TableChange.RenameColumn(col("type", enumRef("public", "status")),
                        col("renamed", enumRef("public", "status"))))),
                c("E090", R, new ModifyObject("public", enumType("state", "on", "off"), enumType("state", "on", "off", "unknown"))),
                c("E090-before", R, new ModifyObject("public", enumType("state", "on", "off"),
                        enumType("state", "unknown", "null", "on", "off"))),
                c("E090-mixed", R, new ModifyObject("public", enumType("state", "on", "off", "on-off"),
                        enumType("state", "start", "on", "null", "off", "unknown", "on-off"))),
                c("E092", S, new DropObject("public", status),
                        modify("public", users92, new TableChange.DropColumn(users92.columns().get(0)),
                                new TableChange.AddColumn(withDefault(col("int", INT), lit("1"))))),
                c("E093", R, new DropObject("public", enumType("de", "x")),
                        modify("public", users93,
                                modCol(col("state", TEXT), col("state", enumRef("public", "state")), ChangeKind.TYPE),
                                modCol(col("status", TEXT), col("status", enumRef("test", "status")), ChangeKind.TYPE),
                                new TableChange.DropColumn(col("dc1", enumRef("public", "de"))),
                                new TableChange.DropColumn(col("dc2", enumRef("public", "de")))),
                        new AddObject("public", enumType("state", "on", "off")),
                        new AddObject("test", enumType("status", "a", "b"))),
                c("E094", R, new DropObject("public", enumType("state", "on")),
                        new DropTable("public", one("t1", col("state", enumRef("public", "state")))),
                        new DropTable("public", one("t2", col("state", enumRef("public", "state"))))),
                c("E095", S, new AddObject("ignored", enumType("enum", "a")),
                        new AddTable("test1", one("posts", col("c1", enumRef("test2", "enum"))))),
                down("E096", S, new SchemaChange.RenameObject("public", enumType("a", "x"), enumType("b", "x"))));
    }

    // ------------------------------------------------------------------ 9.9 objects

    private static Stream<Case> objects() {
        Func audit = new Func("audit_users_changes", List.of(), "trigger", " BEGIN RETURN OLD; END; ", "plpgsql", List.of());
        Table users97 = table("users").cols(col("id", INT)).trigger(new Trigger("users_delete_audit", Trigger.Timing.AFTER,
                List.of("DELETE"), true, Optional.empty(), "EXECUTE FUNCTION \"audit_users_changes\"()", List.of())).build();
        PostgresObjects.Domain zip = new PostgresObjects.Domain("us_postal_code", TEXT, true, Optional.empty(),
                List.of(new Check("us_postal_code_check", "(VALUE ~ '^\\d{5}$'::text) OR (VALUE ~ '^\\d{5}-\\d{4}$'::text)")), List.of());
        PostgresObjects.Domain username = new PostgresObjects.Domain("username", TEXT, false, Optional.of("'anonymous'"),
                List.of(new Check("username_length", "length(VALUE) > 3")), List.of());
        Table users98 = one("users", col("name", new ColumnType.UserTypeRef("public", "username")),
                col("zip", new ColumnType.UserTypeRef("public", "us_postal_code")));
        PostgresObjects.Composite address = new PostgresObjects.Composite("address",
                List.of(nullCol("street", TEXT), nullCol("city", TEXT)), List.of());
        PostgresObjects.Policy policy = new PostgresObjects.Policy("users", "tenant_isolation", true, "ALL", List.of(),
                Optional.of("tenant_id = (current_setting('app.current_tenant'::text))::integer"), Optional.empty(), List.of());
        Table users101 = one("users", col("id", INT), col("tenant_id", INT));
        return Stream.of(
                c("E097", S, new AddTable("public", users97), new SchemaChange.AddFunc("public", audit)),
                c("E098", R, new AddTable("public", users98), new AddObject("public", zip), new AddObject("public", username)),
                c("E099", S, new AddTable("public", one("users", col("addr", new ColumnType.UserTypeRef("public", "address")))),
                        new AddObject("public", address)),
                c("E100", R, new AddTable("public", one("places", col("location", new ColumnType.UnsupportedType("geometry(point,4326)")))),
                        new SchemaChange.AddRealmObject(new PostgresObjects.Extension("postgis", "public", "3.4.2", List.of()))),
                c("E101", S, new AddObject("public", policy), modify("public", users101,
                        new TableChange.ModifyAttr(new AttrChange(Optional.empty(), Optional.of(new PostgresAttrs.RowSecurity(true, false)))))),
                c("E101-table", S, new AddObject("public", policy), new AddTable("public", table("users")
                        .cols(col("id", INT), col("tenant_id", INT)).attr(new PostgresAttrs.RowSecurity(true, false)).build())));
    }

    // ------------------------------------------------------------------ 9.10 options

    private static Stream<Case> options() {
        PlanOptions other = new PlanOptions(Optional.of("other"), "", PlanMode.DEFERRED);
        return Stream.of(
                down("E107", other, new AddTable("d", one("t", col("a", INT)))),
                c("E109", R, new AddTable("s1", one("t1", col("a", INT)))),
                new Case("E113", S.indented("  "), false, Form.APPLY, List.of(new AddTable("public", one("t1", nullCol("id", INT))))));
    }
}
