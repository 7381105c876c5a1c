package io.atlas4j.dialect.sqlite.engine;

import static io.atlas4j.dialect.sqlite.engine.Fx.col;
import static io.atlas4j.dialect.sqlite.engine.Fx.nullCol;
import static io.atlas4j.dialect.sqlite.engine.Fx.table;
import static io.atlas4j.dialect.sqlite.engine.Fx.withDefault;
import static io.atlas4j.dialect.sqlite.engine.Fx.withPk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dialect.sqlite.SqliteAttrs;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanException;
import io.atlas4j.plan.PlanMode;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.schema.Check;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQLite planner against the statement shapes of engine.md §4.6 and the SQLite acceptance cases of §9:
 * each case is a change list and the exact statements (one per line, {@code -- comment} lines included).
 */
class SqlitePlannerTest {

    private static final Table USERS = withPk(table("users", col("id", "bigint")), "id");

    static Stream<Arguments> cases() {
        Table t1 = table("t1", col("id", "int"));
        Table t2 = table("t2", col("id", "int"));
        Table posts = new Table("posts", List.of(col("id", "integer"), nullCol("text", "text")), Optional.empty(),
                List.of(), List.of(), List.of(new Check("", "text <> ''"), new Check("positive_id", "id <> 0")),
                List.of(new SqliteAttrs.WithoutRowId(), new SqliteAttrs.Strict()));
        Table autoPosts = withPk(table("posts", col("id", "integer", new SqliteAttrs.AutoIncrement(1024)),
                nullCol("text", "text")), "id");
        Table usersWithName = withPk(table("users", col("id", "bigint"), nullCol("name", "text")), "id");
        Table tOld = table("t", col("id", "int"), col("c", "text"));
        Table tNew = table("t", col("id", "int"));
        Table nickOld = table("users", col("id", "int"), nullCol("nick", "text"));
        Table nickNew = table("users", col("id", "int"), withDefault(col("nick", "text"), new Expr.Literal("'a8m'")));
        Table c1Old = table("users", nullCol("c1", "varchar(255)"));
        Table c2New = table("users", col("c2", "bigint"));
        Table exprDefault = table("users", col("id", "bigint"),
                withDefault(col("name", "text"), new Expr.RawExpr("NOW()::TEXT")));
        Table unameOld = table("users", col("id", "bigint"), col("uname", "text"));
        Column nid = col("nid", "bigint", new GeneratedExpr("1", true));
        Table nameNew = table("users", col("id", "bigint"), col("name", "text"), nid);
        Index t2Id = new Index("t2_id", true, List.of(IndexPart.column("id")), List.of());
        Table usersIdx = new Table("users", List.of(col("id", "int"), col("name", "text")), Optional.empty(),
                List.of(new Index("name_index", false, List.of(IndexPart.column("name")), List.of())), List.of(), List.of(),
                List.of());
        Index a = new Index("a", false, List.of(IndexPart.column("a")), List.of());
        Index b = new Index("b", false, List.of(IndexPart.column("a")), List.of());
        Table t1a = new Table("t1", List.of(col("a", "int")), Optional.empty(), List.of(a), List.of(), List.of(), List.of());
        Table t1b = new Table("t1", List.of(col("a", "int")), Optional.empty(), List.of(b), List.of(), List.of(), List.of());
        Table pkOld = table("users", col("id", "int"), nullCol("c", "int"));
        Table pkNew = withPk(pkOld, "id");
        Table withFk = new Table("t1", List.of(col("a", "int"), col("b", "int"), col("id", "int")),
                Optional.of(io.atlas4j.schema.PrimaryKey.of("", "id")), List.of(),
                List.of(new ForeignKey("fk1", List.of("a"), "main", "t2", List.of("a"), ForeignKey.Action.NO_ACTION,
                        ForeignKey.Action.CASCADE)),
                List.of(new Check("ck1", "a > 0")), List.of());
        Index partial = new Index("users_name", false, List.of(IndexPart.column("name"), IndexPart.expr("lower(name)").descending()),
                List.of(new IndexPredicate("active")));
        return Stream.of(
                Arguments.of("E7 create table with primary key", List.of(new SchemaChange.AddTable("main", USERS)), """
                        -- Create "users" table
                        CREATE TABLE `users` (`id` bigint NOT NULL, PRIMARY KEY (`id`))"""),
                Arguments.of("E14 drop table", List.of(new SchemaChange.DropTable("main", USERS)), """
                        -- Disable the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = off
                        -- Drop "users" table
                        DROP TABLE `users`
                        -- Enable back the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = on"""),
                Arguments.of("E15 replace a table, no sorting", List.of(new SchemaChange.DropTable("main", t1),
                        new SchemaChange.AddTable("main", t2)), """
                        -- Disable the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = off
                        -- Drop "t1" table
                        DROP TABLE `t1`
                        -- Create "t2" table
                        CREATE TABLE `t2` (`id` int NOT NULL)
                        -- Enable back the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = on"""),
                Arguments.of("E20 rename table", List.of(new SchemaChange.RenameTable("main", t1, t2)), """
                        -- Rename a table from "t1" to "t2"
                        ALTER TABLE `t1` RENAME TO `t2`"""),
                Arguments.of("E25 table options and checks", List.of(new SchemaChange.AddTable("main", posts)), """
                        -- Create "posts" table
                        CREATE TABLE `posts` (`id` integer NOT NULL, `text` text NULL, CHECK (text <> ''), CONSTRAINT `positive_id` CHECK (id <> 0)) WITHOUT ROWID, STRICT"""),
                Arguments.of("E26 AUTOINCREMENT with a start value", List.of(new SchemaChange.AddTable("main", autoPosts)), """
                        -- Create "posts" table
                        CREATE TABLE `posts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `text` text NULL)
                        -- Set sequence for "posts" table
                        INSERT INTO sqlite_sequence (name, seq) VALUES ("posts", 1024)"""),
                Arguments.of("E8 foreign keys and checks, FKs with both actions", List.of(new SchemaChange.AddTable("main", withFk)), """
                        -- Create "t1" table
                        CREATE TABLE `t1` (`a` int NOT NULL, `b` int NOT NULL, `id` int NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `fk1` FOREIGN KEY (`a`) REFERENCES `t2` (`a`) ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT `ck1` CHECK (a > 0))"""),
                Arguments.of("E30 add column", List.of(modify(USERS, usersWithName, new TableChange.AddColumn(nullCol("name", "text")))), """
                        -- Add column "name" to table: "users"
                        ALTER TABLE `users` ADD COLUMN `name` text NULL"""),
                Arguments.of("E30 add column with a literal default", List.of(modify(USERS, USERS,
                        new TableChange.AddColumn(withDefault(col("name", "text"), new Expr.Literal("'a8m'"))))), """
                        -- Add column "name" to table: "users"
                        ALTER TABLE `users` ADD COLUMN `name` text NOT NULL DEFAULT 'a8m'"""),
                Arguments.of("E10 add VIRTUAL column", List.of(modify(USERS, USERS,
                        new TableChange.AddColumn(col("nid", "bigint", new GeneratedExpr("1", false))))), """
                        -- Add column "nid" to table: "users"
                        ALTER TABLE `users` ADD COLUMN `nid` bigint NOT NULL AS (1)"""),
                Arguments.of("E31 drop column rebuilds", List.of(modify(tOld, tNew, new TableChange.DropColumn(col("c", "text")))), """
                        -- Disable the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = off
                        -- Create "new_t" table
                        CREATE TABLE `new_t` (`id` int NOT NULL)
                        -- Copy rows from old table "t" to new temporary table "new_t"
                        INSERT INTO `new_t` (`id`) SELECT `id` FROM `t`
                        -- Drop "t" table after copying rows
                        DROP TABLE `t`
                        -- Rename temporary table "new_t" to "t"
                        ALTER TABLE `new_t` RENAME TO `t`
                        -- Enable back the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = on"""),
                Arguments.of("E32 rebuild with nothing to copy", List.of(modify(c1Old, c2New,
                        new TableChange.DropColumn(nullCol("c1", "varchar(255)")), new TableChange.AddColumn(col("c2", "bigint")))), """
                        -- Disable the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = off
                        -- Create "new_users" table
                        CREATE TABLE `new_users` (`c2` bigint NOT NULL)
                        -- Drop "users" table without copying rows (no columns)
                        DROP TABLE `users`
                        -- Rename temporary table "new_users" to "users"
                        ALTER TABLE `new_users` RENAME TO `users`
                        -- Enable back the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = on"""),
                Arguments.of("E34 nullable to NOT NULL with default", List.of(modify(nickOld, nickNew,
                        new TableChange.ModifyColumn(nickOld.columns().get(1), nickNew.columns().get(1),
                                Set.of(ChangeKind.NULL, ChangeKind.DEFAULT)))), """
                        -- Disable the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = off
                        -- Create "new_users" table
                        CREATE TABLE `new_users` (`id` int NOT NULL, `nick` text NOT NULL DEFAULT 'a8m')
                        -- Copy rows from old table "users" to new temporary table "new_users"
                        INSERT INTO `new_users` (`id`, `nick`) SELECT `id`, IFNULL(`nick`, 'a8m') AS `nick` FROM `users`
                        -- Drop "users" table after copying rows
                        DROP TABLE `users`
                        -- Rename temporary table "new_users" to "users"
                        ALTER TABLE `new_users` RENAME TO `users`
                        -- Enable back the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = on"""),
                Arguments.of("E49 expression default rebuilds", List.of(modify(table("users", col("id", "bigint")), exprDefault,
                        new TableChange.AddColumn(exprDefault.columns().get(1)))), """
                        -- Disable the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = off
                        -- Create "new_users" table
                        CREATE TABLE `new_users` (`id` bigint NOT NULL, `name` text NOT NULL DEFAULT (NOW()::TEXT))
                        -- Copy rows from old table "users" to new temporary table "new_users"
                        INSERT INTO `new_users` (`id`) SELECT `id` FROM `users`
                        -- Drop "users" table after copying rows
                        DROP TABLE `users`
                        -- Rename temporary table "new_users" to "users"
                        ALTER TABLE `new_users` RENAME TO `users`
                        -- Enable back the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = on"""),
                Arguments.of("E50 STORED column with a pending rename", List.of(modify(unameOld, nameNew,
                        new TableChange.AddColumn(nid), new TableChange.RenameColumn(unameOld.columns().get(1),
                                nameNew.columns().get(1)))), """
                        -- Disable the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = off
                        -- Create "new_users" table
                        CREATE TABLE `new_users` (`id` bigint NOT NULL, `name` text NOT NULL, `nid` bigint NOT NULL AS (1) STORED)
                        -- Copy rows from old table "users" to new temporary table "new_users"
                        INSERT INTO `new_users` (`id`, `name`) SELECT `id`, `uname` FROM `users`
                        -- Drop "users" table after copying rows
                        DROP TABLE `users`
                        -- Rename temporary table "new_users" to "users"
                        ALTER TABLE `new_users` RENAME TO `users`
                        -- Enable back the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = on"""),
                Arguments.of("E39 rename column", List.of(modify(t1a, t1a, new TableChange.RenameColumn(col("a", "int"),
                        col("b", "int")))), """
                        -- Rename a column from "a" to "b"
                        ALTER TABLE `t1` RENAME COLUMN `a` TO `b`"""),
                Arguments.of("E53 add unique index", List.of(modify(t2, t2, new TableChange.AddIndex(t2Id))), """
                        -- Create index "t2_id" to table: "t2"
                        CREATE UNIQUE INDEX `t2_id` ON `t2` (`id`)"""),
                Arguments.of("E54 drop index", List.of(modify(usersIdx, USERS, new TableChange.DropIndex(usersIdx.indexes().get(0)))), """
                        -- Drop index "name_index" from table: "users"
                        DROP INDEX `name_index`"""),
                Arguments.of("E62 predicate change drops and creates", List.of(modify(usersIdx, usersIdx,
                        new TableChange.ModifyIndex(usersIdx.indexes().get(0), partial, Set.of(ChangeKind.ATTR)))), """
                        -- Drop index "name_index" from table: "users"
                        DROP INDEX `name_index`
                        -- Create index "users_name" to table: "users"
                        CREATE INDEX `users_name` ON `users` (`name`, (lower(name)) DESC) WHERE active"""),
                Arguments.of("E63 rename index", List.of(modify(t1a, t1b, new TableChange.RenameIndex(a, b))), """
                        -- Create index "b" to table: "t1"
                        CREATE INDEX `b` ON `t1` (`a`)
                        -- Drop index "a" from table: "t1"
                        DROP INDEX `a`"""),
                Arguments.of("E73 add primary key rebuilds", List.of(modify(pkOld, pkNew,
                        new TableChange.AddPrimaryKey(pkNew.primaryKey().get()))), """
                        -- Disable the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = off
                        -- Create "new_users" table
                        CREATE TABLE `new_users` (`id` int NOT NULL, `c` int NULL, PRIMARY KEY (`id`))
                        -- Copy rows from old table "users" to new temporary table "new_users"
                        INSERT INTO `new_users` (`id`, `c`) SELECT `id`, `c` FROM `users`
                        -- Drop "users" table after copying rows
                        DROP TABLE `users`
                        -- Rename temporary table "new_users" to "users"
                        ALTER TABLE `new_users` RENAME TO `users`
                        -- Enable back the enforcement of foreign-keys constraints
                        PRAGMA foreign_keys = on"""),
                Arguments.of("H13 AUTOINCREMENT key", List.of(new SchemaChange.AddTable("main",
                        withPk(table("users", col("id", "integer", new SqliteAttrs.AutoIncrement(0))), "id"))), """
                        -- Create "users" table
                        CREATE TABLE `users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT)"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansTheSpecShapes(String name, List<SchemaChange> changes, String expected) {
        Plan plan = Fx.DRIVER.planner().plan("p", changes, PlanOptions.SCHEMA.mode(PlanMode.DEFERRED));

        assertThat(print(plan)).isEqualTo(expected);
        assertThat(plan.transactional()).isTrue();
    }

    @Test
    void e14TheDropIsReversedByTheCreateStatements() {
        Table t = new Table("users", List.of(col("id", "int"), col("name", "text")), Optional.empty(),
                List.of(new Index("name_index", false, List.of(IndexPart.column("name")), List.of())), List.of(), List.of(),
                List.of());

        PlannedStatement drop = Fx.DRIVER.planner().plan("p", List.of(new SchemaChange.DropTable("main", t)),
                PlanOptions.SCHEMA).statements().get(1);

        assertThat(drop.reverse()).containsExactly("CREATE TABLE `users` (`id` int NOT NULL, `name` text NOT NULL)",
                "CREATE INDEX `name_index` ON `users` (`name`)");
    }

    @Test
    void reversesOfInPlaceChanges() {
        Plan create = Fx.DRIVER.planner().plan("p", List.of(new SchemaChange.AddTable("main",
                withPk(table("posts", col("id", "integer", new SqliteAttrs.AutoIncrement(1024))), "id"))), PlanOptions.SCHEMA);
        Plan add = Fx.DRIVER.planner().plan("p", List.of(modify(USERS, USERS, new TableChange.AddColumn(nullCol("name", "text")))),
                PlanOptions.SCHEMA);

        assertThat(create.statements()).extracting(PlannedStatement::reverse).containsExactly(
                List.of("DROP TABLE `posts`"), List.of("UPDATE sqlite_sequence SET seq = 0 WHERE name = \"posts\""));
        assertThat(add.statements().get(0).reverse()).containsExactly("ALTER TABLE `users` DROP COLUMN `name`");
        assertThat(add.reversible()).isTrue();
    }

    @Test
    void rebuildsAreNotReversible() {
        Table tOld = table("t", col("id", "int"), col("c", "text"));
        Plan plan = Fx.DRIVER.planner().plan("p", List.of(modify(tOld, table("t", col("id", "int")),
                new TableChange.DropColumn(col("c", "text")))), PlanOptions.SCHEMA);

        assertThat(plan.reversible()).isFalse();
    }

    @Test
    void e8IndentsCreateTableBodies() {
        Plan plan = Fx.DRIVER.planner().plan("p", List.of(new SchemaChange.AddTable("main", USERS)),
                PlanOptions.SCHEMA.indented("  "));

        assertThat(plan.statements().get(0).sql()).isEqualTo("CREATE TABLE `users` (\n  `id` bigint NOT NULL,\n  PRIMARY KEY (`id`)\n)");
    }

    @Test
    void e107ACustomQualifierPrefixesNames() {
        Table t = new Table("t", List.of(col("a", "int")), Optional.empty(),
                List.of(new Index("i", false, List.of(IndexPart.column("a")), List.of())), List.of(), List.of(), List.of());
        PlanOptions other = new PlanOptions(Optional.of("other"), "", PlanMode.DEFERRED);

        Plan plan = Fx.DRIVER.planner().plan("p", List.of(new SchemaChange.AddTable("main", t)), other);

        assertThat(plan.statements()).extracting(PlannedStatement::sql).containsExactly(
                "CREATE TABLE `other`.`t` (`a` int NOT NULL)", "CREATE INDEX `other`.`i` ON `t` (`a`)");
        assertThat(plan.statements().get(0).reverse()).containsExactly("DROP TABLE `other`.`t`");
    }

    @Test
    void e27AutoIndexesAreCreatedUnderTableColumnNames() {
        Table t = new Table("records", List.of(col("name", "varchar")), Optional.empty(),
                List.of(new Index("sqlite_autoindex_records_1", true, List.of(IndexPart.column("name")), List.of())),
                List.of(), List.of(), List.of());

        Plan plan = Fx.DRIVER.planner().plan("p", List.of(new SchemaChange.AddTable("main", t)), PlanOptions.SCHEMA);

        assertThat(plan.statements().get(1).sql()).isEqualTo("CREATE UNIQUE INDEX `records_name` ON `records` (`name`)");
    }

    @Test
    void splitModificationsOfOneTableRebuildOnce() {
        // The differ splits a rename from the index that names the new column (E40); a rebuild covers both.
        Table from = table("t", col("a", "int"), col("c", "text"));
        Index ib = new Index("ib", false, List.of(IndexPart.column("b")), List.of());
        Table to = new Table("t", List.of(col("b", "int")), Optional.empty(), List.of(ib), List.of(), List.of(), List.of());
        List<SchemaChange> changes = List.of(
                modify(from, to, new TableChange.DropColumn(col("c", "text")), new TableChange.RenameColumn(col("a", "int"), col("b", "int"))),
                modify(from, to, new TableChange.AddIndex(ib)));

        Plan plan = Fx.DRIVER.planner().plan("p", changes, PlanOptions.SCHEMA);

        assertThat(plan.statements()).extracting(PlannedStatement::sql).containsExactly("PRAGMA foreign_keys = off",
                "CREATE TABLE `new_t` (`b` int NOT NULL)", "INSERT INTO `new_t` (`b`) SELECT `a` FROM `t`", "DROP TABLE `t`",
                "ALTER TABLE `new_t` RENAME TO `t`", "CREATE INDEX `ib` ON `t` (`b`)", "PRAGMA foreign_keys = on");
    }

    @Test
    void aRebuildAfterARenameWorksOnTheNewName() {
        Table t1 = table("t1", col("id", "int"), col("c", "text"));
        Table t2 = table("t2", col("id", "int"));
        List<SchemaChange> changes = List.of(new SchemaChange.RenameTable("main", t1, t2),
                modify(t1, t2, new TableChange.DropColumn(col("c", "text"))));

        Plan plan = Fx.DRIVER.planner().plan("p", changes, PlanOptions.SCHEMA);

        assertThat(plan.statements()).extracting(PlannedStatement::sql).containsExactly("PRAGMA foreign_keys = off",
                "ALTER TABLE `t1` RENAME TO `t2`", "CREATE TABLE `new_t2` (`id` int NOT NULL)",
                "INSERT INTO `new_t2` (`id`) SELECT `id` FROM `t2`", "DROP TABLE `t2`", "ALTER TABLE `new_t2` RENAME TO `t2`",
                "PRAGMA foreign_keys = on");
    }

    @Test
    void e1SchemasOtherThanMainCannotBeAdded() {
        Schema other = Schema.of("other");

        assertThatThrownBy(() -> Fx.DRIVER.planner().plan("p", List.of(new SchemaChange.AddSchema(other, Set.of())),
                PlanOptions.REALM)).isInstanceOf(PlanException.class).hasMessageContaining("adding schema \"other\"");
        assertThat(Fx.DRIVER.planner().plan("p", List.of(new SchemaChange.AddSchema(Schema.of("main"), Set.of())),
                PlanOptions.REALM).isEmpty()).isTrue();
    }

    private static SchemaChange.ModifyTable modify(Table from, Table to, TableChange... changes) {
        return new SchemaChange.ModifyTable("main", from, to, List.of(changes));
    }

    /** The plan as {@code migrate diff} prints it, without delimiters. */
    static String print(Plan plan) {
        return plan.statements().stream().map(s -> "-- " + s.displayComment() + "\n" + s.sql())
                .collect(Collectors.joining("\n"));
    }
}
