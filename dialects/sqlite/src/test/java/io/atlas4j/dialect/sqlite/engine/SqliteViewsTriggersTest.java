package io.atlas4j.dialect.sqlite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.apply.PlanApplier;
import io.atlas4j.dialect.sqlite.SqliteDialect;
import io.atlas4j.dialect.sqlite.hcl.SqliteHcl;
import io.atlas4j.dialect.sqlite.inspect.TriggerDdl;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanMode;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schemahcl.SchemaHclReader;
import io.atlas4j.schemahcl.SchemaHclWriter;
import io.atlas4j.state.StateReader;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Views and triggers in the SQLite schema engine, on real in-process databases: inspection, round trips,
 * table rebuilds that keep triggers and views working, plans that add, change and drop them, and HCL.
 * Fixtures are lists of statements (trigger bodies hold semicolons, so no splitting).
 */
class SqliteViewsTriggersTest {

    private static final SqliteDialect DIALECT = new SqliteDialect();

    private static final List<String> FIXTURE = List.of(
            "CREATE TABLE t (id integer PRIMARY KEY, a int, b text, c text)",
            "CREATE TABLE log (x int, note text)",
            "CREATE VIEW   v AS\n  SELECT id, a FROM t WHERE b <> 'skip;me'",
            "create trigger t_upd after update of a, \"b\" on t for each row when new.a > 0 begin\n"
                    + "  insert into log values (new.a, 'upd');\nend",
            "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id, 'ins'); END",
            "CREATE TRIGGER v_ins INSTEAD OF INSERT ON v BEGIN INSERT INTO t (id, a) VALUES (new.id, new.a); END",
            "CREATE TRIGGER log_chk BEFORE DELETE ON log BEGIN SELECT count(*) FROM t; END");

    @Test
    void inspectReadsViewsAndTheTriggersOfTablesAndViews() throws Exception {
        Schema s = inspect(FIXTURE);

        View v = s.view("v").orElseThrow();
        assertThat(v.definition()).isEqualTo("SELECT id, a FROM t WHERE b <> 'skip;me'");
        assertThat(v.columns()).extracting(c -> c.name()).containsExactly("id", "a");
        assertThat(v.triggers()).extracting(Trigger::name).containsExactly("v_ins");
        assertThat(v.triggers().get(0).timing()).isEqualTo(Trigger.Timing.INSTEAD_OF);

        assertThat(s.table("t").orElseThrow().triggers()).extracting(Trigger::name).containsExactly("t_upd", "t_ins");
        Trigger upd = s.table("t").orElseThrow().triggers().get(0);
        assertThat(upd.timing()).isEqualTo(Trigger.Timing.AFTER);
        assertThat(upd.events()).containsExactly("UPDATE OF \"a\", \"b\"");
        assertThat(upd.forEachRow()).isTrue();
        assertThat(upd.when()).contains("new.a > 0");
        assertThat(upd.body()).isEqualTo("begin\n  insert into log values (new.a, 'upd');\nend");
        Trigger ins = s.table("t").orElseThrow().triggers().get(1);
        assertThat(ins.forEachRow()).as("every SQLite trigger is a row trigger").isTrue();
        assertThat(ins.when()).isEmpty();
        Trigger chk = s.table("log").orElseThrow().triggers().get(0);
        assertThat(chk.timing()).isEqualTo(Trigger.Timing.BEFORE);
        assertThat(chk.events()).containsExactly("DELETE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE TRIGGER IF NOT EXISTS main.tr DELETE ON t BEGIN SELECT 1; END     | BEFORE     | DELETE                | | BEGIN SELECT 1; END
            create trigger "my tr" instead of update on "v" begin select 1; end;     | INSTEAD_OF | UPDATE                | | begin select 1; end
            CREATE TRIGGER [tr] AFTER UPDATE OF `a`,b ON t WHEN (new.a <> old.a) BEGIN SELECT 1; END | AFTER | UPDATE OF "a", "b" | (new.a <> old.a) | BEGIN SELECT 1; END
            CREATE TRIGGER tr /* c */ BEFORE INSERT ON t FOR EACH ROW WHEN new.a BEGIN SELECT 'end'; END | BEFORE | INSERT | new.a | BEGIN SELECT 'end'; END
            """)
    void triggerStatementsParse(String sql, Trigger.Timing timing, String event, String when, String body) {
        Trigger t = TriggerDdl.parse("tr", sql);
        assertThat(t.timing()).isEqualTo(timing);
        assertThat(t.events()).containsExactly(event);
        assertThat(t.when()).isEqualTo(Optional.ofNullable(when));
        assertThat(t.body()).isEqualTo(body);
        assertThat(t.forEachRow()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE VIEW v AS SELECT 1;                          | SELECT 1
            create view if not exists "v" (a, b) as select 1, 2 | select 1, 2
            CREATE VIEW v AS SELECT (SELECT 1 AS x) AS y        | SELECT (SELECT 1 AS x) AS y
            """)
    void viewQueriesAreWhatFollowsAs(String sql, String query) {
        assertThat(TriggerDdl.viewQuery(sql)).isEqualTo(query);
    }

    @Test
    void aPlannedSchemaWithViewsAndTriggersInspectsBackTheSame() throws Exception {
        Schema original = inspect(FIXTURE);
        Plan plan = StateReader.planFromEmpty(Fx.DRIVER, new Realm(List.of(original)), Optional.of("main"));
        Schema rebuilt;
        try (Connection c = Fx.memory()) {
            PlanApplier.apply(DIALECT, c, plan, true, s -> { });
            rebuilt = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
            // The triggers work: the INSTEAD OF trigger inserts into t, whose insert trigger logs.
            exec(c, List.of("INSERT INTO v (id, a) VALUES (7, 1)"));
            assertThat(query(c, "SELECT x || ':' || note FROM log")).containsExactly("7:ins");
        }
        assertThat(rebuilt.views()).extracting(View::name).containsExactly("v");
        assertThat(Fx.DRIVER.differ().diffSchema(original, rebuilt, DiffOptions.DEFAULT)).isEmpty();
        assertThat(Fx.DRIVER.differ().diffSchema(rebuilt, original, DiffOptions.DEFAULT)).isEmpty();
        // Views are created after the tables, triggers last.
        List<String> sql = plan.statements().stream().map(PlannedStatement::sql).toList();
        assertThat(indexOf(sql, "CREATE VIEW")).isGreaterThan(indexOf(sql, "CREATE TABLE `log`"));
        assertThat(indexOf(sql, "CREATE TRIGGER")).isGreaterThan(indexOf(sql, "CREATE VIEW"));
    }

    @Test
    void whiteSpaceCaseAndQuotingAreNoChange() throws Exception {
        Schema a = inspect(List.of("CREATE TABLE t (id int, a int)", "CREATE TABLE log (x int)",
                "CREATE VIEW v AS SELECT id FROM t WHERE a > 1",
                "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id); END"));
        Schema b = inspect(List.of("CREATE TABLE t (id int, a int)", "CREATE TABLE log (x int)",
                "create view v as\n  select \"id\"\n  from t where a>1;",
                "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW\nBEGIN\n  insert into \"log\" values(new.id);\nEND"));
        Schema c = inspect(List.of("CREATE TABLE t (id int, a int)", "CREATE TABLE log (x int)",
                "CREATE VIEW v AS SELECT id FROM t WHERE a > 2",
                "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id + 1); END"));

        assertThat(Fx.DRIVER.differ().diffSchema(a, b, DiffOptions.DEFAULT)).isEmpty();
        assertThat(Fx.DRIVER.differ().diffSchema(a, c, DiffOptions.DEFAULT))
                .hasSize(2)
                .anyMatch(ch -> ch instanceof SchemaChange.ModifyView)
                .anyMatch(ch -> ch instanceof SchemaChange.ModifyTable);
    }

    @Test
    void aTableRebuildKeepsItsTriggersAndTheViewsAndTriggersThatNameIt() throws Exception {
        List<String> desired = new ArrayList<>(FIXTURE);
        desired.set(0, "CREATE TABLE t (id integer PRIMARY KEY, a int, b text)");
        Schema want = inspect(desired);
        try (Connection c = Fx.memory()) {
            exec(c, FIXTURE);
            exec(c, List.of("INSERT INTO t (id, a, b, c) VALUES (1, 5, 'x', 'gone')", "DELETE FROM log"));
            Schema have = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
            List<SchemaChange> changes = Fx.DRIVER.differ().diffSchema(have, want, DiffOptions.DEFAULT);
            Plan plan = Fx.DRIVER.planner().plan("m", changes, PlanOptions.SCHEMA.mode(PlanMode.DEFERRED));
            List<String> sql = plan.statements().stream().map(PlannedStatement::sql).toList();
            assertThat(sql).contains("ALTER TABLE `new_t` RENAME TO `t`");
            assertThat(sql).anyMatch(s -> s.startsWith("CREATE TRIGGER `t_upd`"))
                    .anyMatch(s -> s.startsWith("CREATE TRIGGER `t_ins`"));
            assertThat(indexOf(sql, "CREATE TRIGGER `t_ins`")).isGreaterThan(sql.indexOf("ALTER TABLE `new_t` RENAME TO `t`"));

            PlanApplier.apply(DIALECT, c, plan, true, s -> { });

            Schema after = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
            assertThat(Fx.DRIVER.differ().diffSchema(after, want, DiffOptions.DEFAULT)).isEmpty();
            assertThat(after.table("t").orElseThrow().columns()).extracting(col -> col.name()).containsExactly("id", "a", "b");
            // The re-created triggers fire, and the view still reads the rebuilt table.
            exec(c, List.of("INSERT INTO t (id, a, b) VALUES (2, 0, 'y')", "UPDATE t SET a = 9 WHERE id = 1"));
            assertThat(query(c, "SELECT x || ':' || note FROM log ORDER BY rowid")).containsExactly("2:ins", "9:upd");
            assertThat(query(c, "SELECT id || ':' || a FROM v ORDER BY id")).containsExactly("1:9", "2:0");
        }
    }

    static Stream<Arguments> changes() {
        List<String> base = List.of("CREATE TABLE t (id int, a int)", "CREATE TABLE log (x int)");
        return Stream.of(
                Arguments.of("add a view", base, plus(base, "CREATE VIEW v AS SELECT id FROM t"),
                        List.of("CREATE VIEW `v` AS SELECT id FROM t")),
                Arguments.of("change a view", plus(base, "CREATE VIEW v AS SELECT id FROM t"),
                        plus(base, "CREATE VIEW v AS SELECT id, a FROM t"),
                        List.of("DROP VIEW `v`", "CREATE VIEW `v` AS SELECT id, a FROM t")),
                Arguments.of("drop a view", plus(base, "CREATE VIEW v AS SELECT id FROM t"), base,
                        List.of("DROP VIEW `v`")),
                Arguments.of("add a trigger", base,
                        plus(base, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id); END"),
                        List.of("CREATE TRIGGER `tr` AFTER INSERT ON `t` FOR EACH ROW BEGIN INSERT INTO log VALUES (new.id); END")),
                Arguments.of("change a trigger",
                        plus(base, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id); END"),
                        plus(base, "CREATE TRIGGER tr BEFORE INSERT ON t WHEN new.a > 0 BEGIN INSERT INTO log VALUES (new.a); END"),
                        List.of("DROP TRIGGER `tr`",
                                "CREATE TRIGGER `tr` BEFORE INSERT ON `t` FOR EACH ROW WHEN new.a > 0 BEGIN INSERT INTO log VALUES (new.a); END")),
                Arguments.of("drop a trigger",
                        plus(base, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id); END"), base,
                        List.of("DROP TRIGGER `tr`")),
                Arguments.of("a view and its INSTEAD OF trigger",
                        plus(base, "CREATE VIEW v AS SELECT id FROM t"),
                        plus(plus(base, "CREATE VIEW v AS SELECT id FROM t"),
                                "CREATE TRIGGER vi INSTEAD OF INSERT ON v BEGIN INSERT INTO t (id) VALUES (new.id); END"),
                        List.of("DROP VIEW `v`", "CREATE VIEW `v` AS SELECT id FROM t",
                                "CREATE TRIGGER `vi` INSTEAD OF INSERT ON `v` FOR EACH ROW BEGIN INSERT INTO t (id) VALUES (new.id); END")),
                Arguments.of("drop a table, its view and trigger",
                        plus(plus(base, "CREATE VIEW v AS SELECT id FROM t"),
                                "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id); END"),
                        List.of("CREATE TABLE log (x int)"),
                        List.of("PRAGMA foreign_keys = off", "DROP VIEW `v`", "DROP TABLE `t`", "PRAGMA foreign_keys = on")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aPlanAddsChangesAndDropsViewsAndTriggers(String name, List<String> current, List<String> desired,
            List<String> statements) throws Exception {
        Schema want = inspect(desired);
        try (Connection c = Fx.memory()) {
            exec(c, current);
            Schema have = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
            List<SchemaChange> changes = Fx.DRIVER.differ().diffSchema(have, want, DiffOptions.DEFAULT);
            Plan plan = Fx.DRIVER.planner().plan("m", changes, PlanOptions.SCHEMA.mode(PlanMode.DEFERRED));

            assertThat(plan.statements()).extracting(PlannedStatement::sql).containsExactlyElementsOf(statements);
            PlanApplier.apply(DIALECT, c, plan, true, s -> { });
            Schema after = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
            assertThat(Fx.DRIVER.differ().diffSchema(after, want, DiffOptions.DEFAULT)).isEmpty();
        }
    }

    /** Inspect → HCL → read → plan → SQLite → inspect again: nothing to change, and the HCL names the parts. */
    @Test
    void viewsAndTriggersRoundTripThroughHcl() throws Exception {
        Schema original = inspect(FIXTURE);
        SqliteHcl hcl = new SqliteHcl();
        String written = new SchemaHclWriter(hcl).write(new Realm(List.of(original)));
        assertThat(written.replaceAll(" +=", " =")).contains("on = table.t", "on = view.v", "view \"v\" {", "trigger \"t_upd\" {", "for = ROW",
                "update_of = [table.t.column.a, table.t.column.b]", "when");

        Realm read = new SchemaHclReader(hcl).read(List.of(new SchemaHclReader.SourceFile(URI.create("file:///s.hcl"), written)),
                Map.of(), Path.of("")).realm();
        assertThat(Fx.DRIVER.differ().diffSchema(original, read.schemas().get(0), DiffOptions.DEFAULT)).isEmpty();
        Plan plan = StateReader.planFromEmpty(Fx.DRIVER, read, Optional.of("main"));
        try (Connection c = Fx.memory()) {
            PlanApplier.apply(DIALECT, c, plan, true, s -> { });
            Schema rebuilt = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
            assertThat(Fx.DRIVER.differ().diffSchema(original, rebuilt, DiffOptions.DEFAULT)).isEmpty();
        }
    }

    private static List<String> plus(List<String> list, String statement) {
        List<String> out = new ArrayList<>(list);
        out.add(statement);
        return out;
    }

    private static int indexOf(List<String> sql, String prefix) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static Schema inspect(List<String> statements) throws Exception {
        try (Connection c = Fx.memory()) {
            exec(c, statements);
            return Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
        }
    }

    private static void exec(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
