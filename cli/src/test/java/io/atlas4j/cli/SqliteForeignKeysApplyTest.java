package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Plans that rebuild or drop a referenced table, applied to a SQLite database with foreign keys enforced
 * ({@code _fk=1}). SQLite ignores {@code PRAGMA foreign_keys} inside a transaction, so enforcement is turned
 * off before {@code BEGIN} and the violations a transaction added are refused before {@code COMMIT}
 * (engine.md §4.6), for {@code schema apply} and for {@code migrate apply} alike.
 */
class SqliteForeignKeysApplyTest extends SqliteMigrationsTestBase {

    private static final String PARENT_AND_CHILD = "CREATE TABLE parent (id int PRIMARY KEY, name text);\n"
            + "CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id) ON DELETE CASCADE);\n";

    private String enforced() {
        return url + "?_fk=1";
    }

    private static String dev() {
        return "sqlite://fk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "?mode=memory";
    }

    private void exec(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private void seed() throws Exception {
        exec(PARENT_AND_CHILD.split(";\n")[0], PARENT_AND_CHILD.split(";\n")[1],
                "INSERT INTO parent VALUES (1, 'a'), (2, 'b')", "INSERT INTO child VALUES (10, 1), (20, 2)");
    }

    @Test
    void schemaApplyRebuildsAReferencedTableWithoutTouchingItsChildren() throws Exception {
        seed();
        // Dropping a column rebuilds "parent": with enforcement on inside the transaction, dropping the old
        // table would cascade into "child".
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE parent (id int PRIMARY KEY);\n"
                + "CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id) ON DELETE CASCADE);\n");

        CliResult r = Cli.run(dir, "schema", "apply", "-u", enforced(), "--to", "file://schema.sql", "--dev-url", dev(),
                "--auto-approve");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("INSERT INTO `new_parent`");
        assertThat(query("SELECT id || ':' || parent_id FROM child ORDER BY id")).containsExactly("10:1", "20:2");
        assertThat(query("SELECT group_concat(name) FROM pragma_table_info('parent')")).containsExactly("id");
    }

    @Test
    void schemaApplyRefusesAPlanThatLeavesDanglingReferences() throws Exception {
        seed();
        // The parent goes, the child (and its foreign key) stays: its rows would point nowhere.
        Files.writeString(dir.resolve("schema.sql"),
                "CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id) ON DELETE CASCADE);\n");

        CliResult r = Cli.run(dir, "schema", "apply", "-u", enforced(), "--to", "file://schema.sql", "--dev-url", dev(),
                "--auto-approve");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains("foreign key constraint violated: row 1 of table \"child\" references a missing row"
                + " of \"parent\"").contains("nothing was applied");
        assertThat(query("SELECT count(*) FROM parent")).containsExactly("2");
        assertThat(query("SELECT count(*) FROM child")).containsExactly("2");
        assertThat(query("PRAGMA foreign_keys")).as("a new connection's default").containsExactly("0");
    }

    @Test
    void migrateApplyRunsARebuildFileWithEnforcementOn() throws Exception {
        file("1_init.sql", PARENT_AND_CHILD + "INSERT INTO parent VALUES (1, 'a');\nINSERT INTO child VALUES (10, 1);\n");
        file("2_rebuild.sql", "PRAGMA foreign_keys = off;\n"
                + "CREATE TABLE `new_parent` (`id` int NULL, PRIMARY KEY (`id`));\n"
                + "INSERT INTO `new_parent` (`id`) SELECT `id` FROM `parent`;\n"
                + "DROP TABLE `parent`;\n"
                + "ALTER TABLE `new_parent` RENAME TO `parent`;\n"
                + "PRAGMA foreign_keys = on;\n");

        CliResult r = Cli.run(dir, "migrate", "apply", "--url", enforced());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(query("SELECT id || ':' || parent_id FROM child")).containsExactly("10:1");
    }

    @Test
    void migrateApplyRollsBackAFileThatLeavesDanglingReferences() throws Exception {
        file("1_init.sql", PARENT_AND_CHILD + "INSERT INTO parent VALUES (1, 'a');\nINSERT INTO child VALUES (10, 1);\n");
        file("2_drop.sql", "DROP TABLE parent;\n");

        CliResult r = Cli.run(dir, "migrate", "apply", "--url", enforced());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains("sql/migrate: version \"2\": foreign key constraint violated: row 1 of table \"child\"");
        assertThat(query("SELECT count(*) FROM parent")).containsExactly("1");
        assertThat(query("SELECT version FROM atlas_schema_revisions ORDER BY version")).containsExactly("1");
    }
}
