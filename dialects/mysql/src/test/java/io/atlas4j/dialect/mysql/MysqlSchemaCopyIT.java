package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.url.DatabaseUrl;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A long state is built in further slots from a {@link SchemaCopy}: the copied slot must equal the
 * replayed one (the slot that prepared the state) in every table definition, row, view, routine and
 * trigger, and the template schema goes with the dev database.
 */
class MysqlSchemaCopyIT {

    private static final URI STATE_FILE = Path.of("").toAbsolutePath().resolve("schema.sql").toUri();

    private DatabaseUrl server;
    private String schema;
    private DevDatabase db;

    /**
     * A migration-like history: far more statements than objects, so the copy is chosen. (No word that
     * could create accounts, whose states are always replayed.)
     */
    private static String state() {
        StringBuilder sb = new StringBuilder(String.join("\n",
                "CREATE TABLE people (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL);",
                "ALTER TABLE people ADD COLUMN upper_name VARCHAR(50) AS (UPPER(name)) VIRTUAL;",
                "ALTER TABLE people ADD CONSTRAINT name_not_empty CHECK (name <> '');",
                "CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, person_id INT,",
                "  CONSTRAINT audit_person FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE);",
                "CREATE TABLE empty_one (id INT PRIMARY KEY, note TEXT) ENGINE=MyISAM;",
                "CREATE VIEW person_names AS SELECT name FROM people;",
                "CREATE VIEW a_first_names AS SELECT name FROM person_names WHERE name LIKE 'a%';",
                "DELIMITER //",
                "CREATE TRIGGER people_audit AFTER INSERT ON people FOR EACH ROW BEGIN",
                "  INSERT INTO audit (person_id) VALUES (NEW.id);",
                "END//",
                "CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC BEGIN RETURN x * 2; END//",
                "CREATE PROCEDURE add_person(n VARCHAR(50)) BEGIN INSERT INTO people (name) VALUES (n); END//",
                "DELIMITER ;\n"));
        for (int i = 1; i <= 40; i++) {
            sb.append("INSERT INTO people (name) VALUES ('").append(i % 2 == 0 ? "a" : "b").append(i).append("');\n");
        }
        sb.append("DELETE FROM people WHERE id = 40;\n");
        return sb.toString();
    }

    /** A dev database on a new schema of the scheme's server. */
    private void open(String scheme) throws SQLException {
        server = TestServer.forScheme(scheme);
        schema = "a4j_it_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        TestServer.exec(server, "CREATE DATABASE `" + schema + "`");
        db = DevDatabases.open(TestServer.withSchema(server, schema), DevOptions.defaults());
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        if (db != null) {
            db.close();
        }
        if (schema != null) {
            for (String prefix : List.of(schema, "atlas4j_" + schema, "atlas4j_tpl_" + schema)) {
                for (String s : TestServer.schemas(server, prefix)) {
                    TestServer.exec(server, "DROP DATABASE `" + s + "`");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void aCopiedSlotEqualsTheReplayedOne(String scheme) throws Exception {
        open(scheme);

        Workspace ws = db.prepare(new SchemaState(List.of(SqlScript.of(STATE_FILE, state()))));
        // The same statements must behave the same: counters, trigger, cascade, routines, views over views.
        String[] probe = {"CALL add_person('a-new')", "DELETE FROM people WHERE id = 1"};
        List<String> replayedBefore;
        List<String> replayedAfter;
        try (DevSession replayed = ws.lease()) {
            // The slot that prepared the state, by replaying its statements.
            assertThat(schemaOf(replayed.connection())).isEqualTo(schema);
            replayedBefore = snapshot(replayed.connection(), schema);
            exec(replayed.connection(), probe);
            replayedAfter = snapshot(replayed.connection(), schema);
        }
        assertThat(TestServer.schemas(server, "atlas4j_tpl_" + schema)).as("not captured at the first build").isEmpty();
        try (DevSession second = ws.lease()) {
            // Replayed again, and captured.
            assertThat(snapshot(second.connection(), schema)).isEqualTo(replayedBefore);
        }
        assertThat(TestServer.schemas(server, "atlas4j_tpl_" + schema)).as("the template holding the rows").hasSize(1);
        try (DevSession copied = ws.lease(); DevSession copiedToo = ws.lease()) {
            for (DevSession s : List.of(copied, copiedToo)) {
                String copiedSchema = schemaOf(s.connection());
                assertThat(snapshot(s.connection(), copiedSchema)).isEqualTo(replayedBefore);
                exec(s.connection(), probe);
                assertThat(snapshot(s.connection(), copiedSchema)).isEqualTo(replayedAfter);
            }
            assertThat(schemaOf(copiedToo.connection())).isNotEqualTo(schema);
            assertThat(rows(copied.connection(), "SELECT id, name FROM people WHERE name = 'a-new'"))
                    .containsExactly("41|a-new");
            assertThat(rows(copied.connection(), "SELECT COUNT(*) FROM a_first_names")).containsExactly("20");
            assertThat(rows(copied.connection(), "SELECT twice(21)")).containsExactly("42");
        }
        try (DevSession again = ws.lease()) {
            // Built from the copy again after the first sessions dropped their schemas.
            assertThat(rows(again.connection(), "SELECT COUNT(*) FROM people")).containsExactly("39");
            assertThat(rows(again.connection(), "SELECT COUNT(*) FROM audit")).containsExactly("39");
        }
        ws.close();
        assertThat(TestServer.schemas(server, "atlas4j_tpl_" + schema)).as("dropped with its workspace").isEmpty();
    }

    /** Tables only, as a migration history leaves them: what a session changed is restored table by table. */
    private static String tablesState() {
        StringBuilder sb = new StringBuilder(String.join("\n",
                "CREATE TABLE parent (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL);",
                "CREATE TABLE child (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT,",
                "  CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));",
                "CREATE TABLE untouched (id INT PRIMARY KEY);",
                "INSERT INTO untouched VALUES (1), (2);\n"));
        for (int i = 1; i <= 20; i++) {
            sb.append("INSERT INTO parent (name) VALUES ('p").append(i).append("');\n");
            sb.append("INSERT INTO child (parent_id) VALUES (").append(i).append(");\n");
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "mysql; INSERT INTO child (parent_id) VALUES (NULL); true",
            "mysql; UPDATE parent SET name = 'changed' WHERE id = 3; true",
            "mysql; DELETE FROM child WHERE id = 20; true",
            "mysql; INSERT INTO parent (name) VALUES ('x'); true",
            "mysql; ALTER TABLE parent ADD COLUMN extra INT; true",
            "mysql; ALTER TABLE child DROP FOREIGN KEY child_parent; true",
            "mysql; DROP TABLE child; true",
            "mysql; RENAME TABLE untouched TO moved; false",
            "mysql; CREATE TABLE extra (id INT); true",
            "mysql; CREATE VIEW extra_view AS SELECT 1 AS one; false",
            "mysql; CREATE PROCEDURE extra_proc() SELECT 1; false",
            "mysql; ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_bin; false",
            "maria; UPDATE parent SET name = 'changed' WHERE id = 3; true",
            "maria; ALTER TABLE child DROP FOREIGN KEY child_parent; true",
    })
    void aSessionsChangesAreGoneForTheNext(String scheme, String change, boolean keepsUntouched) throws Exception {
        open(scheme);
        Workspace ws = db.prepare(new SchemaState(List.of(SqlScript.of(STATE_FILE, tablesState()))));
        warmUp(ws);
        try (DevSession s = ws.lease()) {
            // Restored after the first session on the copy.
            exec(s.connection(), "SELECT 1");
        }

        List<String> before;
        String untouchedId;
        try (DevSession s = ws.lease()) {
            before = snapshot(s.connection(), schema);
            before.add(charset(s.connection()));
            untouchedId = tableId(s.connection(), schema, "untouched");
            exec(s.connection(), change);
            List<String> changed = snapshot(s.connection(), schema);
            changed.add(charset(s.connection()));
            assertThat(changed).as("the change is visible").isNotEqualTo(before);
        }
        try (DevSession s = ws.lease()) {
            assertThat(schemaOf(s.connection())).isEqualTo(schema);
            List<String> after = snapshot(s.connection(), schema);
            after.add(charset(s.connection()));
            assertThat(after).isEqualTo(before);
            // Only what changed is built again: a restore keeps the other tables, a clear re-creates them.
            assertThat(tableId(s.connection(), schema, "untouched").equals(untouchedId))
                    .as("table untouched kept").isEqualTo(keepsUntouched);
            // The foreign key is back and enforced.
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> exec(s.connection(), "INSERT INTO child (parent_id) VALUES (999)"))).isInstanceOf(SQLException.class);
        }
    }

    /**
     * A session that changed only rows (or an AUTO_INCREMENT counter), or only added columns, gets the
     * state back in the same table: no DROP and CREATE, which cost MySQL a file each.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "mysql; UPDATE parent SET name = 'changed' WHERE id = 3; parent",
            "mysql; DELETE FROM child WHERE id = 20; child",
            "mysql; INSERT INTO parent (name) VALUES ('x'); parent",
            "maria; INSERT INTO child (parent_id) VALUES (NULL); child",
            "mysql; ALTER TABLE parent ADD COLUMN extra INT; parent",
            "maria; ALTER TABLE child ADD COLUMN note TEXT AFTER id, ADD COLUMN n INT FIRST; child",
    })
    void changedRowsAreRepairedInTheirTable(String scheme, String change, String table) throws Exception {
        open(scheme);
        Workspace ws = db.prepare(new SchemaState(List.of(SqlScript.of(STATE_FILE, tablesState()))));
        warmUp(ws);
        List<String> before;
        String id;
        try (DevSession s = ws.lease()) {
            before = snapshot(s.connection(), schema);
            id = tableId(s.connection(), schema, table);
            exec(s.connection(), change);
            assertThat(snapshot(s.connection(), schema)).as("the change is visible").isNotEqualTo(before);
        }
        try (DevSession s = ws.lease()) {
            assertThat(snapshot(s.connection(), schema)).isEqualTo(before);
            assertThat(tableId(s.connection(), schema, table)).as("table " + table + " repaired in place").isEqualTo(id);
        }
    }

    /** A state of a few statements is captured too once built twice, so its slot is restored rather than re-created. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void aShortStateIsRestored(String scheme) throws Exception {
        open(scheme);
        Workspace ws = db.prepare(new SchemaState(List.of(SqlScript.of(STATE_FILE,
                "CREATE TABLE people (name VARCHAR(100));\nCREATE TABLE kept (id INT PRIMARY KEY);\n"))));
        for (int i = 0; i < 2; i++) {
            try (DevSession s = ws.lease()) {
                exec(s.connection(), "SELECT 1");
            }
        }
        List<String> before;
        String keptId;
        try (DevSession s = ws.lease()) {
            before = snapshot(s.connection(), schema);
            keptId = tableId(s.connection(), schema, "kept");
            exec(s.connection(), "ALTER TABLE people ADD COLUMN first_name VARCHAR(50)",
                    "INSERT INTO people (name, first_name) VALUES ('Ada Lovelace', 'Ada')");
        }
        try (DevSession s = ws.lease()) {
            assertThat(snapshot(s.connection(), schema)).isEqualTo(before);
            assertThat(tableId(s.connection(), schema, "kept")).as("the untouched table is kept").isEqualTo(keptId);
        }
    }

    /**
     * A state prepared for several sessions (the version cache knows how many cases start at it) is
     * captured at once, so even the first session's slot is restored rather than re-created.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void aStateExpectedToBeSharedIsCapturedAtOnce(String scheme) throws Exception {
        open(scheme);
        Workspace ws = db.prepare(new SchemaState(List.of(SqlScript.of(STATE_FILE, tablesState()))), 3);
        assertThat(TestServer.schemas(server, "atlas4j_tpl_" + schema)).as("captured with its rows").hasSize(1);
        List<String> before;
        String untouchedId;
        try (DevSession s = ws.lease()) {
            before = snapshot(s.connection(), schema);
            untouchedId = tableId(s.connection(), schema, "untouched");
            exec(s.connection(), "UPDATE parent SET name = 'changed' WHERE id = 3", "CREATE TABLE extra (id INT)");
        }
        try (DevSession s = ws.lease()) {
            assertThat(snapshot(s.connection(), schema)).isEqualTo(before);
            assertThat(tableId(s.connection(), schema, "untouched")).as("restored, not re-created").isEqualTo(untouchedId);
        }
    }

    /**
     * The end of a case whose known statements create no routine, trigger or event does not look for them;
     * one whose statements do must find the trigger it created, and the next case must not see it.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql", "maria"})
    void aTriggerACaseCreatedIsGoneForTheNext(String scheme) throws Exception {
        open(scheme);
        Workspace ws = db.prepare(new SchemaState(List.of(SqlScript.of(STATE_FILE, tablesState()))));
        warmUp(ws);
        String insert = "INSERT INTO untouched VALUES (3)";
        try (DevSession s = ws.lease(new io.atlas4j.dev.SessionNeeds(List.of("ALTER TABLE parent ADD COLUMN x INT", insert), false))) {
            exec(s.connection(), "ALTER TABLE parent ADD COLUMN x INT", insert);
        }
        String trigger = "CREATE TRIGGER parent_upper BEFORE INSERT ON parent FOR EACH ROW SET NEW.name = UPPER(NEW.name)";
        try (DevSession s = ws.lease(new io.atlas4j.dev.SessionNeeds(List.of(trigger), false))) {
            assertThat(rows(s.connection(), "SELECT COUNT(*) FROM untouched")).containsExactly("2");
            exec(s.connection(), trigger);
        }
        try (DevSession s = ws.lease()) {
            assertThat(rows(s.connection(), "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"))
                    .containsExactly("0");
            assertThat(rows(s.connection(), "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 'parent' AND COLUMN_NAME = 'x'")).containsExactly("0");
        }
    }

    /**
     * A case whose statements are known is restored looking only for what they can have changed
     * ({@link CaseReach}); whatever they did, the next case sees the state.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "maria; CREATE TABLE extra (id INT)",
            "maria; DROP TABLE child",
            "maria; ALTER TABLE parent ADD COLUMN z INT",
            "maria; INSERT INTO parent (name) VALUES ('x')",
            "maria; ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_bin",
            "maria; RENAME TABLE untouched TO moved",
            "mysql; CREATE VIEW v AS SELECT 1 AS one",
    })
    void aCaseWithKnownStatementsIsRestored(String scheme, String change) throws Exception {
        open(scheme);
        Workspace ws = db.prepare(new SchemaState(List.of(SqlScript.of(STATE_FILE, tablesState()))), 2);
        io.atlas4j.dev.SessionNeeds needs = new io.atlas4j.dev.SessionNeeds(List.of(change), false);
        List<String> before;
        try (DevSession s = ws.lease(needs)) {
            before = snapshot(s.connection(), schema);
            before.add(charset(s.connection()));
            exec(s.connection(), change);
        }
        try (DevSession s = ws.lease(needs)) {
            List<String> after = snapshot(s.connection(), schema);
            after.add(charset(s.connection()));
            assertThat(after).isEqualTo(before);
        }
    }

    /** InnoDB's id of a table, new whenever the table is created again. */
    private static String tableId(Connection c, String schema, String table) throws SQLException {
        String name = schema + "/" + table;
        try {
            return rows(c, "SELECT TABLE_ID FROM information_schema.INNODB_SYS_TABLES WHERE NAME = '" + name + "'").get(0);
        } catch (SQLException e) {
            // MySQL 8 renamed the view.
            return rows(c, "SELECT TABLE_ID FROM information_schema.INNODB_TABLES WHERE NAME = '" + name + "'").get(0);
        }
    }

    private static String charset(Connection c) throws SQLException {
        return rows(c, "SELECT CONCAT(DEFAULT_CHARACTER_SET_NAME, '/', DEFAULT_COLLATION_NAME) FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME = DATABASE()").get(0);
    }

    /**
     * The first session gets the slot that prepared the state; the state is captured when a slot is
     * built for it a second time, and not before (a state leased once would pay for nothing).
     */
    private void warmUp(Workspace ws) throws SQLException {
        try (DevSession first = ws.lease()) {
            exec(first.connection(), "SELECT 1");
        }
        assertThat(TestServer.schemas(server, "atlas4j_tpl_" + schema)).as("not captured at the first build").isEmpty();
        try (DevSession second = ws.lease()) {
            exec(second.connection(), "SELECT 1");
        }
        assertThat(TestServer.schemas(server, "atlas4j_tpl_" + schema)).as("the template holding the rows").hasSize(1);
    }

    /** Everything a case can see of a schema, with the schema's name taken out. */
    private static List<String> snapshot(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String table : rows(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            out.add(cell(c, "SHOW CREATE TABLE `" + table + "`", 2));
            out.addAll(rows(c, "SELECT * FROM `" + table + "` ORDER BY 1"));
        }
        for (String view : rows(c, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()"
                + " ORDER BY TABLE_NAME")) {
            out.add(cell(c, "SHOW CREATE VIEW `" + view + "`", 2));
            out.addAll(rows(c, "SELECT * FROM `" + view + "` ORDER BY 1"));
        }
        out.addAll(rows(c, "SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION, SQL_MODE, IS_DETERMINISTIC"
                + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY ROUTINE_NAME"));
        out.addAll(rows(c, "SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_STATEMENT, ACTION_TIMING,"
                + " SQL_MODE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY TRIGGER_NAME"));
        out.addAll(rows(c, "SELECT TABLE_NAME, AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND AUTO_INCREMENT IS NOT NULL ORDER BY TABLE_NAME"));
        out.replaceAll(s -> s.replace("`" + schema + "`", "`<schema>`"));
        return out;
    }

    private static String schemaOf(Connection c) throws SQLException {
        return rows(c, "SELECT DATABASE()").get(0);
    }

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static String cell(Connection c, String sql, int column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(column);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
