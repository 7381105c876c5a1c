package io.atlas4j.junit;

import static io.atlas4j.junit.EngineKit.BROKEN;
import static io.atlas4j.junit.EngineKit.PASSING;
import static io.atlas4j.junit.EngineKit.discover;
import static io.atlas4j.junit.EngineKit.engine;
import static io.atlas4j.junit.EngineKit.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Broken files are reported as discovery errors with their positions, and contribute no tests. */
class DiscoveryIssuesTest {

    private static final Path SYNTAX_ERROR = BROKEN.resolve("syntax-error.test.hcl");
    private static final Path DUPLICATE = BROKEN.resolve("duplicate.test.hcl");

    @Test
    void aSyntaxErrorIsAnErrorAtItsPosition() {
        EngineDiscoveryResults results = discover(selectFile(SYNTAX_ERROR.toFile()));

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(results.getDiscoveryIssues()).isNotEmpty().allSatisfy(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.message()).matches("src/test/resources-broken/syntax-error\\.test\\.hcl:\\d+:\\d+: .+");
            assertThat(issue.source()).get().isInstanceOfSatisfying(FileSource.class, source -> {
                assertThat(source.getFile()).isEqualTo(SYNTAX_ERROR.toFile());
                assertThat(source.getPosition()).isPresent();
            });
        });
        // The unterminated string starts on line 3.
        DiscoveryIssue first = results.getDiscoveryIssues().get(0);
        assertThat(first.message()).startsWith("src/test/resources-broken/syntax-error.test.hcl:3:");
        assertThat(((FileSource) first.source().orElseThrow()).getPosition().orElseThrow().getLine()).isEqualTo(3);
    }

    @Test
    void duplicateCaseNamesAreAnErrorAtTheSecondBlock() {
        EngineDiscoveryResults results = discover(selectFile(DUPLICATE.toFile()));

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.message()).isEqualTo("src/test/resources-broken/duplicate.test.hcl:7:1: duplicate test case "
                    + "name \"same\" (first defined at line 1); names of one kind must be unique in a file");
            assertThat(issue.source()).contains(FileSource.from(DUPLICATE.toFile(), FilePosition.from(7, 1)));
        });
    }

    @Test
    void aBrokenFileDoesNotHideTheOthers() {
        EngineDiscoveryResults results = discover(selectDirectory(BROKEN.toFile()), selectFile(PASSING.toFile()));

        assertThat(files(results.getEngineDescriptor())).containsExactly("passing.test.hcl");
        assertThat(results.getDiscoveryIssues()).extracting(DiscoveryIssue::message)
                .anySatisfy(m -> assertThat(m).startsWith("src/test/resources-broken/duplicate.test.hcl:7:1: "))
                .anySatisfy(m -> assertThat(m).startsWith("src/test/resources-broken/syntax-error.test.hcl:3:"));
    }

    @Test
    void errorsFailTheEngineInsteadOfRunningPartOfTheTests() {
        EngineExecutionResults results = engine().selectors(selectFile(DUPLICATE.toFile()), selectFile(PASSING.toFile()))
                .execute();

        // The launcher turns error issues into a failure of the engine, which build tools show.
        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(results.containerEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
                .map(r -> r.getThrowable().orElseThrow().getMessage()))
                .singleElement().asString().contains("duplicate test case name \"same\"");
    }
}
