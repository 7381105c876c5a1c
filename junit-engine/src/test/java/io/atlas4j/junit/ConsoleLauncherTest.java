package io.atlas4j.junit;

import static io.atlas4j.junit.EngineKit.RESOURCES;
import static io.atlas4j.junit.EngineKit.TEST_CLASSES;
import static io.atlas4j.junit.EngineKit.devUrl;
import static io.atlas4j.junit.EngineKit.schemaUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.console.ConsoleLauncher;
import org.junit.platform.console.command.CommandResult;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The engine under JUnit's real console launcher: found through the service file, run, reported. */
class ConsoleLauncherTest {

    @Test
    void theConsoleLauncherRunsADirectoryAndWritesAnXmlReport(@TempDir Path reports) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        CommandResult<?> result = ConsoleLauncher.run(new PrintWriter(out), new PrintWriter(err),
                "execute",
                "--disable-banner",
                "--disable-ansi-colors",
                "--details=tree",
                "--class-path=" + TEST_CLASSES,
                "--include-engine=" + Constants.ENGINE_ID,
                "--select-directory=" + RESOURCES.resolve("basic"),
                "--config=" + Constants.DEV_URL_PROPERTY_NAME + "=" + devUrl(),
                "--config=" + Constants.URL_PROPERTY_NAME + "=" + schemaUrl(),
                "--reports-dir=" + reports);

        String output = out + "\n" + err;
        // failing.test.hcl: 2 failed; for-each: 2 passed; log: 1 passed; passing: 2 passed; skip: 1 skipped, 1 passed.
        assertThat(result.getExitCode()).as(output).isEqualTo(1);
        TestExecutionSummary summary = (TestExecutionSummary) result.getValue().orElseThrow();
        assertThat(summary.getTestsFoundCount()).as(output).isEqualTo(9);
        assertThat(summary.getTestsSucceededCount()).as(output).isEqualTo(6);
        assertThat(summary.getTestsFailedCount()).as(output).isEqualTo(2);
        assertThat(summary.getTestsSkippedCount()).as(output).isEqualTo(1);
        assertThat(output).contains("no match for `54321` found in \"12345\"");

        List<Path> xml;
        try (Stream<Path> files = Files.list(reports)) {
            xml = files.filter(p -> p.getFileName().toString().startsWith("TEST-")).toList();
        }
        assertThat(xml).as("reports in %s", reports).singleElement();
        String report = Files.readString(xml.get(0));
        assertThat(report).contains("tests=\"9\"").contains("failures=\"2\"").contains("skipped=\"1\"")
                .contains("name=\"up/1\"").contains("for-each.test.hcl:6: a -> A");
    }
}
