package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.apply.ApplyLog;
import io.atlas4j.migrate.apply.ApplyOptions;
import io.atlas4j.migrate.apply.ExecOrder;
import io.atlas4j.migrate.apply.Migrator;
import io.atlas4j.migrate.apply.TxMode;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate apply}/{@code status}/{@code set} against a real MySQL/MariaDB server
 * ({@code ATLAS4J_TEST_MYSQL_URL}), each test in a scratch database that it drops again.
 */
class MysqlMigrateApplyIT {

    @TempDir
    Path dir;

    DatabaseUrl server;
    String schema;
    DatabaseUrl url;

    @BeforeEach
    void scratchDatabase() throws SQLException {
        server = TestServer.mysql();
        schema = "a4j_apply_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestServer.exec(server, "CREATE DATABASE " + schema);
        url = TestServer.withSchema(server, schema);
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        if (schema != null) {
            TestServer.exec(server, "DROP DATABASE IF EXISTS " + schema);
        }
    }

    private void file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
        MigrationDir.open(dir).writeSumFile();
    }

    private static ApplyOptions options(TxMode mode, Duration lockTimeout) {
        return new ApplyOptions(0, mode, ExecOrder.LINEAR, null, false, false, lockTimeout, null, "Atlas4J test");
    }

    private String apply(DatabaseUrl target, TxMode mode) {
        StringWriter out = new StringWriter();
        Migrator.of(target, MigrationDir.open(dir)).apply(options(mode, Duration.ofSeconds(10)), new ApplyLog(new PrintWriter(out)));
        return out.toString();
    }

    private String status() {
        return Migrator.of(url, MigrationDir.open(dir)).status(null).render();
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestServer.admin(server); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private List<String> tables() throws SQLException {
        return query("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "' ORDER BY 1");
    }

    @Test
    void appliesIntoTheUrlDatabaseAndRecordsRevisions() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        file("2_second.sql", "CREATE TABLE t2 (id int);\n");

        String out = apply(url, TxMode.FILE);

        assertThat(out).startsWith("Migrating to version 2 (2 migrations in total):\n\n  -- migrating version 1\n"
                + "    -> CREATE TABLE t1 (id int);\n");
        assertThat(tables()).containsExactly("atlas_schema_revisions", "t1", "t2");
        assertThat(query("SELECT version, type, applied, total, error, partial_hashes FROM " + schema
                + ".atlas_schema_revisions ORDER BY version")).containsExactly("1|2|1|1||null", "2|2|1|1||null");
        assertThat(apply(url, TxMode.FILE)).isEqualTo("No migration files to execute\n");
        assertThat(status()).startsWith("Migration Status: OK\n  -- Current Version: 2\n");
    }

    @Test
    void txModeFile_withoutTransactionalDdl_theRevisionSaysWhatWasKept_andApplyResumes() throws Exception {
        file("1_broken.sql", "CREATE TABLE broken (id int);\nINSERT INTO nope VALUES (1);\n");

        assertThatThrownBy(() -> apply(url, TxMode.FILE)).isInstanceOf(Atlas4jException.class)
                .hasMessageStartingWith("sql/migrate: executing statement \"INSERT INTO nope VALUES (1);\" from version \"1\": ")
                .hasMessageContaining("nope");

        // MySQL committed the CREATE TABLE on its own: the revision row says so, with the error.
        assertThat(tables()).containsExactly("atlas_schema_revisions", "broken");
        assertThat(query("SELECT applied, total, error_stmt FROM " + schema + ".atlas_schema_revisions"))
                .containsExactly("1|2|INSERT INTO nope VALUES (1);");
        assertThat(status()).contains("  -- Current Version: 1 (1 statements applied)\n")
                .contains("Last migration attempt had errors:\n  -- SQL:   INSERT INTO nope VALUES (1);\n");

        file("1_broken.sql", "CREATE TABLE broken (id int);\nINSERT INTO broken VALUES (1);\n");
        assertThat(apply(url, TxMode.FILE)).contains("    -> INSERT INTO broken VALUES (1);")
                .doesNotContain("CREATE TABLE broken");
        assertThat(query("SELECT count(*) FROM " + schema + ".broken")).containsExactly("1");
        assertThat(status()).startsWith("Migration Status: OK\n");
    }

    @Test
    void txModeFile_rollsBackDataChangesOfTheFailingFile() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        file("2_data.sql", "INSERT INTO t1 VALUES (1);\nINSERT INTO nope VALUES (1);\n");

        assertThatThrownBy(() -> apply(url, TxMode.FILE)).isInstanceOf(Atlas4jException.class);

        assertThat(query("SELECT count(*) FROM " + schema + ".t1")).containsExactly("0");
        assertThat(query("SELECT version FROM " + schema + ".atlas_schema_revisions")).containsExactly("1");
    }

    @Test
    void dirtyDatabaseIsRefused() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        TestServer.exec(server, "CREATE TABLE " + schema + ".x (id int)");

        assertThatThrownBy(() -> apply(url, TxMode.FILE)).hasMessage("sql/migrate: connected database is not clean: "
                + "found table \"x\" in schema \"" + schema + "\". baseline version or allow-dirty is required");

        TestServer.exec(server, "DROP TABLE " + schema + ".x");
        assertThat(apply(url, TxMode.FILE)).startsWith("Migrating to version 1 (1 migrations in total):");
    }

    @Test
    void heldLockTimesOut() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        try (Connection other = TestServer.admin(server); Statement s = other.createStatement()) {
            s.executeQuery("SELECT GET_LOCK('atlas_migrate_execute', 0)").close();
            StringWriter out = new StringWriter();
            Migrator m = Migrator.of(url, MigrationDir.open(dir));

            assertThatThrownBy(() -> m.apply(options(TxMode.FILE, Duration.ofSeconds(1)), new ApplyLog(new PrintWriter(out))))
                    .hasMessageStartingWith("acquiring database lock: timed out after 1s waiting for lock "
                            + "\"atlas_migrate_execute\" on ");
            assertThat(tables()).isEmpty();

            s.executeQuery("SELECT RELEASE_LOCK('atlas_migrate_execute')").close();
        }
        assertThat(apply(url, TxMode.FILE)).startsWith("Migrating to version 1");
    }

    @Test
    void setAndMariadbDriver() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        file("2_second.sql", "CREATE TABLE t2 (id int);\n");
        DatabaseUrl maria = DatabaseUrl.rebuild("maria", url.user(), url.password(), url.host(), url.port(), url.path(),
                url.query());
        apply(maria, TxMode.FILE);

        String report = Migrator.of(maria, MigrationDir.open(dir)).set("1", null, Duration.ofSeconds(5), "t").render();

        assertThat(report).isEqualTo("Current version is 1 (1 removed):\n\n  - 2 (second)\n\n");
        assertThat(query("SELECT version FROM " + schema + ".atlas_schema_revisions")).containsExactly("1");
    }
}
