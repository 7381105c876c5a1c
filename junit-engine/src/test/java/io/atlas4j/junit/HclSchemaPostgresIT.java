package io.atlas4j.junit;

import static io.atlas4j.junit.Constants.DEV_URL_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.URL_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Schema tests whose desired state is an Atlas HCL schema (mixed with SQL), run by the engine against the
 * PostgreSQL server: the HCL is planned with the dialect's schema engine and built on the dev database.
 */
class HclSchemaPostgresIT {

    @TempDir
    Path dir;

    private String devUrl;

    @BeforeEach
    void requirePostgres() {
        devUrl = System.getenv("ATLAS4J_TEST_POSTGRES_URL");
        if (devUrl == null || devUrl.isBlank()) {
            if (System.getenv("ATLAS4J_REQUIRE_BACKENDS") != null && !System.getenv("ATLAS4J_REQUIRE_BACKENDS").isEmpty()) {
                fail("ATLAS4J_REQUIRE_BACKENDS is set but ATLAS4J_TEST_POSTGRES_URL is not");
            }
            Assumptions.abort("ATLAS4J_TEST_POSTGRES_URL is not set: skipping the PostgreSQL HCL schema tests");
        }
    }

    @Test
    void hclAndSqlSchemaFilesMakeTheStateEveryCaseStartsFrom() throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(schema.resolve("functions.sql"), """
                CREATE FUNCTION positive(x integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT x > 0 $$;
                """);
        Files.writeString(schema.resolve("schema.hcl"), """
                schema "public" {
                }
                enum "status" {
                  schema = schema.public
                  values = ["active", "inactive"]
                }
                table "users" {
                  schema = schema.public
                  column "id" {
                    type = bigint
                  }
                  column "status" {
                    type    = enum.status
                    default = "active"
                  }
                  column "name" {
                    type = varchar(100)
                    null = true
                  }
                  primary_key {
                    columns = [column.id]
                  }
                  index "users_name" {
                    unique  = true
                    columns = [column.name]
                  }
                }
                """);
        Path test = dir.resolve("users.test.hcl");
        Files.writeString(test, """
                test "schema" "defaults" {
                  exec {
                    sql    = "INSERT INTO users (id) VALUES (1) RETURNING status"
                    output = "active"
                  }
                  catch {
                    sql   = "INSERT INTO users (id, name) VALUES (2, 'a'), (3, 'a')"
                    error = "duplicate key value violates unique constraint \\"users_name\\""
                  }
                  assert {
                    sql = "SELECT positive(1)"
                  }
                }
                test "schema" "enum" {
                  catch {
                    sql   = "INSERT INTO users (id, status) VALUES (1, 'gone')"
                    error = "invalid input value for enum status"
                  }
                }
                """);
        EngineExecutionResults results = EngineTestKit.engine(Constants.ENGINE_ID)
                .configurationParameters(Map.of(DEV_URL_PROPERTY_NAME, devUrl, URL_PROPERTY_NAME, "file://" + schema))
                .selectors(selectFile(test.toFile()))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    }

    @Test
    void aMissingColumnInTheHclSchemaFailsTheRunWithItsPosition() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), """
                schema "public" {
                }
                table "users" {
                  schema = schema.public
                  column "id" {
                    type = bigint
                  }
                  primary_key {
                    columns = [column.missing]
                  }
                }
                """);
        Path test = dir.resolve("users.test.hcl");
        Files.writeString(test, """
                test "schema" "any" {
                  exec {
                    sql = "SELECT 1"
                  }
                }
                """);
        EngineExecutionResults results = EngineTestKit.engine(Constants.ENGINE_ID)
                .configurationParameters(Map.of(DEV_URL_PROPERTY_NAME, devUrl, URL_PROPERTY_NAME,
                        "file://" + dir.resolve("schema.hcl")))
                .selectors(selectFile(test.toFile()))
                .execute();
        // The environment starts before any case, so the engine itself fails (no case is started).
        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable failure = results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure.getMessage()).contains("schema.hcl:9:").contains("missing");
    }
}
