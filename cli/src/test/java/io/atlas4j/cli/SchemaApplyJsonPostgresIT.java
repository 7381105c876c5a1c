package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code schema apply --format '{{ json . }}'} against a PostgreSQL server (engine.md §4.11, E113, E114): a
 * scratch target database, the server's dev database for normalisation.
 */
class SchemaApplyJsonPostgresIT extends PostgresCliTestBase {

    private static final String ADD = "ALTER TABLE \\\"a\\\" ADD COLUMN \\\"name\\\" text NULL";
    private static final String NOT_NULL = "ALTER TABLE \\\"b\\\" ALTER COLUMN \\\"id\\\" SET NOT NULL";

    private CliResult apply(String... extra) {
        List<String> args = new ArrayList<>(List.of("schema", "apply", "-u", targetUrl, "--to", "file://schema.sql",
                "--dev-url", devUrl(), "--format", "{{ json . }}"));
        args.addAll(List.of(extra));
        return Cli.run(dir, args.toArray(String[]::new));
    }

    @Test
    void jsonListsPendingAppliedAndTheFailedStatement() throws Exception {
        // The dev database accepts the desired state; the target's data makes the second statement fail.
        Scratch.exec(target, "CREATE TABLE a (id int NULL)", "CREATE TABLE b (id int NULL)", "INSERT INTO b VALUES (NULL)");
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
        assertThat(failed.out()).doesNotContain(":" + pg.server().password() + "@");
        assertThat(failed.err()).contains("rolled back");
        assertThat(Scratch.columns(target, "a")).containsExactly("id");

        Scratch.exec(target, "DELETE FROM b");
        CliResult applied = apply("--auto-approve");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).isEqualTo(env + ",\"Changes\":{\"Applied\":[\"" + ADD + "\",\"" + NOT_NULL + "\"]}}\n");
        assertThat(Scratch.columns(target, "a")).containsExactly("id", "name");

        CliResult synced = apply("--auto-approve");
        assertThat(synced.out()).isEqualTo(env + ",\"Changes\":{}}\n");
    }
}
