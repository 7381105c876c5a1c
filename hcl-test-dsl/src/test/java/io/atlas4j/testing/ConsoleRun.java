package io.atlas4j.testing;

import io.atlas4j.config.TestConfigResolver;
import io.atlas4j.config.TestRequest;
import io.atlas4j.testdsl.TestKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one test file through the whole runtime, as the CLI does, and returns Atlas's console lines with
 * durations replaced by {@code (D)} (zero durations are kept, so a skipped case still shows 0µs).
 */
final class ConsoleRun {

    private ConsoleRun() {
    }

    /**
     * @param dir holds {@code schema.sql}; the test file is written there as {@code fileName}
     * @param results receives every case result, in report order
     */
    static List<String> run(Path dir, String devUrl, String fileName, String text, List<CaseResult> results)
            throws IOException {
        return run(dir, devUrl, fileName, text, results, null);
    }

    /** As above, with a case timeout. */
    static List<String> run(Path dir, String devUrl, String fileName, String text, List<CaseResult> results,
                            Duration timeout) throws IOException {
        Files.writeString(dir.resolve(fileName), text);
        TestConfig config = TestConfigResolver.resolve(new TestRequest(TestKind.SCHEMA, dir, null, null, Map.of(), devUrl,
                List.of("file://schema.sql"), null, null, false, 2, timeout));
        List<String> out = new ArrayList<>();
        try (TestEnvironment env = TestEnvironment.create(config)) {
            RunSummary summary = TestRun.run(env, List.of(TestLoader.load(config, dir.resolve(fileName))),
                    new CaseListener() {
                        @Override
                        public void caseFinished(CaseResult result) {
                            results.add(result);
                            out.addAll(ConsoleReport.lines(result));
                        }
                    });
            out.add(ConsoleReport.runResult(summary));
        }
        return out.stream().map(l -> l.replaceAll("\\((?!0\u00b5s)[0-9.]+(\u00b5s|ms|s)\\)", "(D)")).collect(Collectors.toList());
    }

    static List<String> run(Path dir, String devUrl, String fileName, String text) throws IOException {
        return run(dir, devUrl, fileName, text, new ArrayList<>());
    }
}
