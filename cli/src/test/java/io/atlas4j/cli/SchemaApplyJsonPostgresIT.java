package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.atlas4j.dialect.Dialects;
import io.atlas4j.url.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schema apply --format '{{ json . }}'} against a PostgreSQL server (engine.md §4.11, E113, E114): a
 * scratch target database, the server's dev database for normalisation.
 */
class SchemaApplyJsonPostgresIT {

    private static final String ADD = "ALTER TABLE \\\"a\\\" ADD COLUMN \\\"name\\\" text NULL";
    private static final String NOT_NULL = "ALTER TABLE \\\"b\\\" ALTER COLUMN \\\"id\\\" SET NOT NULL";

    private DatabaseUrl dev;
    private DatabaseUrl target;
    private String targetUrl;
    private String targetDb;

    @TempDir
    Path dir;

    @BeforeEach
    void createTarget() throws SQLException {
        String url = System.getenv("ATLAS4J_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if (System.getenv("ATLAS4J_REQUIRE_BACKENDS") != null && !System.getenv("ATLAS4J_REQUIRE_BACKENDS").isEmpty()) {
                fail("ATLAS4J_REQUIRE_BACKENDS is set but ATLAS4J_TEST_POSTGRES_URL is not");
            }
            Assumptions.abort("ATLAS4J_TEST_POSTGRES_URL is not set: skipping the PostgreSQL schema apply JSON tests");
        }
        dev = DatabaseUrl.parse(url);
        targetDb = "atlas4j_cli_json_" + ProcessHandle.current().pid();
        exec(dev, "DROP DATABASE IF EXISTS " + targetDb + " WITH (FORCE)", "CREATE DATABASE " + targetDb);
        target = DatabaseUrl.rebuild(dev.scheme(), dev.user(), dev.password(), dev.host(), dev.port(), targetDb,
                java.util.Map.of("sslmode", "disable", "search_path", "public"));
        targetUrl = target.raw();
    }

    @AfterEach
    void dropTarget() throws SQLException {
        if (dev != null) {
            exec(dev, "DROP DATABASE IF EXISTS " + targetDb + " WITH (FORCE)");
        }
    }

    private String devUrl() {
        return dev.raw().contains("?") ? dev.raw() + "&search_path=public" : dev.raw() + "?search_path=public";
    }

    private CliResult apply(String... extra) {
        List<String> args = new ArrayList<>(List.of("schema", "apply", "-u", targetUrl, "--to", "file://schema.sql",
                "--dev-url", devUrl(), "--format", "{{ json . }}"));
        args.addAll(List.of(extra));
        return Cli.run(dir, args.toArray(String[]::new));
    }

    @Test
    void jsonListsPendingAppliedAndTheFailedStatement() throws Exception {
        // The dev database accepts the desired state; the target's data makes the second statement fail.
        exec(target, "CREATE TABLE a (id int NULL)", "CREATE TABLE b (id int NULL)", "INSERT INTO b VALUES (NULL)");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE a (id int NULL, name text NULL);\nCREATE TABLE b (id int NOT NULL);\n");
        String env = "{\"Env\":{\"Driver\":\"postgres\",\"URL\":\"" + target.masked() + "\"}";

        CliResult prompt = apply();
        assertThat(prompt.exitCode()).isEqualTo(2);
        assertThat(prompt.err()).contains("--auto-approve or --dry-run");

        CliResult dry = apply("--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).isEqualTo(env + ",\"Changes\":{\"Pending\":[\"" + ADD + "\",\"" + NOT_NULL + "\"]}}\n");

        // E114: in tx-mode file the first statement is rolled back, yet the report lists it as applied.
        CliResult failed = apply("--auto-approve");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(5);
        assertThat(failed.out()).startsWith(env + ",\"Changes\":{\"Applied\":[\"" + ADD + "\"],\"Pending\":[\"" + NOT_NULL
                + "\"],\"Error\":{\"Stmt\":\"" + NOT_NULL + "\",\"Text\":\"").contains("contains null values").endsWith("\"}}}\n");
        assertThat(failed.out()).doesNotContain(":" + dev.password() + "@");
        assertThat(failed.err()).contains("rolled back");
        assertThat(columns("a")).containsExactly("id");

        exec(target, "DELETE FROM b");
        CliResult applied = apply("--auto-approve");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).isEqualTo(env + ",\"Changes\":{\"Applied\":[\"" + ADD + "\",\"" + NOT_NULL + "\"]}}\n");
        assertThat(columns("a")).containsExactly("id", "name");

        CliResult synced = apply("--auto-approve");
        assertThat(synced.out()).isEqualTo(env + ",\"Changes\":{}}\n");
    }

    private List<String> columns(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = Dialects.forUrl(target).connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                     + " AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void exec(DatabaseUrl url, String... sql) throws SQLException {
        try (Connection c = Dialects.forUrl(url).connect(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
