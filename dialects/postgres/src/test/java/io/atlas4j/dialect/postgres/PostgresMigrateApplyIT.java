package io.atlas4j.dialect.postgres;

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
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate apply}/{@code status}/{@code set} against a real server ({@code ATLAS4J_TEST_POSTGRES_URL}),
 * each test in a scratch schema (or a scratch database for database scope) that it drops again.
 */
class PostgresMigrateApplyIT {

    @TempDir
    Path dir;

    DatabaseUrl dev;
    String schema;
    DatabaseUrl url;

    @BeforeEach
    void scratchSchema() throws SQLException {
        dev = PostgresServer.devUrl();
        schema = "a4j_apply_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = PostgresServer.admin(dev)) {
            PostgresServer.execute(c, "CREATE SCHEMA " + schema);
        }
        url = dev.withQuery(Map.of("search_path", schema));
    }

    @AfterEach
    void dropScratchSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = PostgresServer.admin(dev)) {
                PostgresServer.execute(c, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
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

    private String query(String sql) throws SQLException {
        try (Connection c = PostgresServer.admin(dev)) {
            return String.join(",", PostgresServer.queryList(c, sql));
        }
    }

    private String tables() throws SQLException {
        return query("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "' ORDER BY tablename");
    }

    @Test
    void appliesIntoTheUrlSchemaAndRecordsRevisions() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        file("2_second.sql", "CREATE TABLE t2 (id int);\n");

        String out = apply(url, TxMode.FILE);

        assertThat(out).startsWith("Migrating to version 2 (2 migrations in total):\n\n  -- migrating version 1\n"
                + "    -> CREATE TABLE t1 (id int);\n");
        assertThat(tables()).isEqualTo("atlas_schema_revisions,t1,t2");
        assertThat(query("SELECT version || '|' || type || '|' || applied || '|' || total || '|' || error || '|' "
                + "|| coalesce(partial_hashes::text, 'null') FROM " + schema + ".atlas_schema_revisions ORDER BY version"))
                .isEqualTo("1|2|1|1||null,2|2|1|1||null");
        assertThat(apply(url, TxMode.FILE)).isEqualTo("No migration files to execute\n");
        assertThat(status()).startsWith("Migration Status: OK\n  -- Current Version: 2\n");
    }

    @Test
    void txModeFile_rollsBackTheFailingFileAndItsRevision() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        file("2_broken.sql", "CREATE TABLE broken (id int);\nINSERT INTO nope VALUES (1);\n");

        assertThatThrownBy(() -> apply(url, TxMode.FILE)).isInstanceOf(Atlas4jException.class)
                .hasMessage("sql/migrate: executing statement \"INSERT INTO nope VALUES (1);\" from version \"2\": "
                        + "relation \"nope\" does not exist");

        assertThat(tables()).isEqualTo("atlas_schema_revisions,t1");
        assertThat(query("SELECT version FROM " + schema + ".atlas_schema_revisions")).isEqualTo("1");
        assertThat(status()).contains("  -- Next Version:    2\n").contains("  -- Pending Files:   1\n");
    }

    @Test
    void txModeNone_keepsProgress_statusExplains_andApplyResumes() throws Exception {
        file("1_broken.sql", "CREATE TABLE kept (id int);\nINSERT INTO nope VALUES (1);\n");

        assertThatThrownBy(() -> apply(url, TxMode.NONE)).isInstanceOf(Atlas4jException.class);

        assertThat(tables()).isEqualTo("atlas_schema_revisions,kept");
        assertThat(status()).isEqualTo("""
                Migration Status: PENDING
                  -- Current Version: 1 (1 statements applied)
                  -- Next Version:    1 (1 statements left)
                  -- Executed Files:  1 (last one partially)
                  -- Pending Files:   1

                Last migration attempt had errors:
                  -- SQL:   INSERT INTO nope VALUES (1);
                  -- ERROR: relation "nope" does not exist
                """);

        file("1_broken.sql", "CREATE TABLE kept (id int);\nINSERT INTO kept VALUES (1);\n");
        String resumed = apply(url, TxMode.FILE);
        assertThat(resumed).contains("    -> INSERT INTO kept VALUES (1);").doesNotContain("CREATE TABLE kept");
        assertThat(query("SELECT count(*) FROM " + schema + ".kept")).isEqualTo("1");
        assertThat(status()).startsWith("Migration Status: OK\n");
    }

    @Test
    void dirtySchemaIsRefused_theRevisionsTableAloneIsNot() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        try (Connection c = PostgresServer.admin(dev)) {
            PostgresServer.execute(c, "CREATE TABLE " + schema + ".x (id int)");
        }

        assertThatThrownBy(() -> apply(url, TxMode.FILE)).hasMessage("sql/migrate: connected database is not clean: "
                + "found table \"x\" in connected schema. baseline version or allow-dirty is required");

        try (Connection c = PostgresServer.admin(dev)) {
            PostgresServer.execute(c, "DROP TABLE " + schema + ".x");
        }
        assertThat(apply(url, TxMode.FILE)).startsWith("Migrating to version 1 (1 migrations in total):");
    }

    @Test
    void heldLockTimesOut() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        try (Connection other = PostgresServer.admin(dev)) {
            PostgresServer.execute(other, "SELECT pg_advisory_lock(hashtext('atlas_migrate_execute'))");
            StringWriter out = new StringWriter();
            Migrator m = Migrator.of(url, MigrationDir.open(dir));

            assertThatThrownBy(() -> m.apply(options(TxMode.FILE, Duration.ofMillis(300)), new ApplyLog(new PrintWriter(out))))
                    .hasMessageStartingWith("acquiring database lock: timed out after 300ms waiting for lock "
                            + "\"atlas_migrate_execute\" on ");
            assertThat(tables()).isEmpty();

            PostgresServer.execute(other, "SELECT pg_advisory_unlock(hashtext('atlas_migrate_execute'))");
        }
        assertThat(apply(url, TxMode.FILE)).startsWith("Migrating to version 1");
    }

    @Test
    void setMovesTheVersion() throws Exception {
        file("1_first.sql", "CREATE TABLE t1 (id int);\n");
        file("2_second.sql", "CREATE TABLE t2 (id int);\n");
        apply(url, TxMode.FILE);

        String report = Migrator.of(url, MigrationDir.open(dir)).set("1", null, Duration.ofSeconds(5), "t").render();

        assertThat(report).isEqualTo("Current version is 1 (1 removed):\n\n  - 2 (second)\n\n");
        assertThat(query("SELECT version FROM " + schema + ".atlas_schema_revisions")).isEqualTo("1");
    }

    @Test
    void databaseScope_keepsRevisionsInTheirOwnSchema() throws Exception {
        String database = schema + "_db";
        try (Connection c = PostgresServer.admin(dev)) {
            PostgresServer.execute(c, "CREATE DATABASE " + database);
        }
        try {
            DatabaseUrl scoped = PostgresServer.onDatabase(dev, database);
            file("1_first.sql", "CREATE TABLE t1 (id int);\n");

            apply(scoped, TxMode.FILE);
            file("2_second.sql", "CREATE TABLE t2 (id int);\n");
            assertThat(apply(scoped, TxMode.FILE)).startsWith("Migrating to version 2 from 1 (1 migrations in total):");

            try (Connection c = PostgresServer.admin(scoped)) {
                assertThat(PostgresServer.queryList(c, "SELECT schemaname || '.' || tablename FROM pg_tables"
                        + " WHERE schemaname IN ('public', 'atlas_schema_revisions') ORDER BY 1"))
                        .containsExactly("atlas_schema_revisions.atlas_schema_revisions", "public.t1", "public.t2");
            }
        } finally {
            try (Connection c = PostgresServer.admin(dev)) {
                PostgresServer.execute(c, "DROP DATABASE IF EXISTS " + database);
            }
        }
    }
}
