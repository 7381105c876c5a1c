package io.atlas4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.source.SourceRange;
import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testdsl.TestKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsoleReportTest {

    private static final URI FILE = URI.create("file:/x/tests/schema.test.hcl");

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of(Duration.ZERO, "0\u00b5s"),
                Arguments.of(Duration.ofNanos(89_900), "89\u00b5s"),
                Arguments.of(Duration.ofNanos(999_999), "999\u00b5s"),
                Arguments.of(Duration.ofNanos(1_000_000), "1ms"),
                Arguments.of(Duration.ofNanos(32_400_000), "32ms"),
                Arguments.of(Duration.ofNanos(32_600_000), "33ms"),
                Arguments.of(Duration.ofMillis(999).plusNanos(600_000), "1s"),
                Arguments.of(Duration.ofMillis(1500), "1.5s"),
                Arguments.of(Duration.ofMillis(12_034), "12.034s"),
                Arguments.of(Duration.ofSeconds(3), "3s"));
    }

    @ParameterizedTest
    @MethodSource("durations")
    void formatsDurationsAsAtlas(Duration d, String expected) {
        assertThat(ConsoleReport.duration(d)).isEqualTo(expected);
    }

    private static TestCase testCase(String name) {
        return new TestCase(TestKind.SCHEMA, name, name, null, SourceRange.at(FILE, 1, 1), false, false, s -> List.of());
    }

    @Test
    void passingCaseWithLogs() {
        CaseResult r = new CaseResult(testCase("seed/1"), CaseResult.Status.PASSED, Duration.ofNanos(901_000),
                List.of(new ReportLine.Log(SourceRange.at(FILE, 6, 3), "Testing hello -> HELLO")), Optional.empty());
        assertThat(ConsoleReport.lines(r)).containsExactly(
                "-- PASS: seed/1 (901\u00b5s)",
                "    schema.test.hcl:6: Testing hello -> HELLO");
    }

    @Test
    void failingCaseHasLocationAndAlignedError() {
        Failure f = new Failure(SourceRange.at(FILE, 2, 3), Failure.Kind.ERROR, "pq: boom\nsecond line", null, null, null);
        CaseResult r = new CaseResult(testCase("postal"), CaseResult.Status.FAILED, Duration.ofNanos(319_000),
                List.of(new ReportLine.Log(SourceRange.at(FILE, 1, 1), "before"), new ReportLine.Error(f.at(), f.message())),
                Optional.of(f));
        assertThat(ConsoleReport.lines(r)).containsExactly(
                "-- FAIL: postal (319\u00b5s)",
                "    schema.test.hcl:1: before",
                "    schema.test.hcl:2:",
                "                Error:          pq: boom",
                "                                second line");
        assertThat(ConsoleReport.lines(r).get(3).indexOf("pq:")).isEqualTo(32);
    }

    @Test
    void skippedCase() {
        CaseResult r = new CaseResult(testCase("t"), CaseResult.Status.SKIPPED, Duration.ZERO, List.of(), Optional.empty());
        assertThat(ConsoleReport.lines(r)).containsExactly("-- SKIP: t (0\u00b5s)");
    }

    @Test
    void runResult() {
        assertThat(ConsoleReport.runResult(new RunSummary(2, 0, 1))).isEqualTo("PASS");
        assertThat(ConsoleReport.runResult(new RunSummary(2, 1, 0))).isEqualTo("FAIL");
    }
}
