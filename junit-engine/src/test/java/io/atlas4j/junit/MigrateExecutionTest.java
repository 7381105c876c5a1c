package io.atlas4j.junit;

import static io.atlas4j.junit.EngineKit.engine;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.atlas4j.migrate.MigrationDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** test "migrate" cases through the engine, with atlas4j.migrations.dir. */
class MigrateExecutionTest {

    @TempDir
    Path dir;

    @Test
    void migrateCasesRunFromAnEmptyDatabaseAndSchemaCasesStillRun() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_init.sql"), "CREATE TABLE people (name text);\n");
        Files.writeString(migrations.resolve("2_more.sql"), "INSERT INTO people VALUES ('Ada');\n");
        MigrationDir.open(migrations).writeSumFile();
        Path file = dir.resolve("m.test.hcl");
        Files.writeString(file, "test \"migrate\" \"to_two\" {\n  migrate {\n    to = \"2\"\n  }\n"
                + "  exec {\n    sql    = \"SELECT name FROM people\"\n    output = \"Ada\"\n  }\n}\n"
                + "test \"migrate\" \"starts_empty\" {\n  catch {\n    sql = \"SELECT * FROM people\"\n  }\n}\n"
                + "test \"migrate\" \"unknown\" {\n  migrate {\n    to = \"9\"\n  }\n}\n"
                + "test \"schema\" \"schema_case\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n");

        EngineExecutionResults results = engine()
                .configurationParameter(Constants.MIGRATIONS_DIR_PROPERTY_NAME, "file://" + migrations)
                .configurationParameter(Constants.DEV_URL_PROPERTY_NAME,
                        "sqlite://mig" + UUID.randomUUID().toString().replace("-", "") + "?mode=memory")
                .selectors(selectFile(file.toFile()))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(3).failed(1));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(), displayName("to_two"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("starts_empty"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("schema_case"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("unknown"),
                        finishedWithFailure(message(m -> m.contains("migration version \"9\" was not found")))));
    }
}
