package io.atlas4j.junit;

import static io.atlas4j.junit.EngineKit.FOR_EACH;
import static io.atlas4j.junit.EngineKit.RESOURCES;
import static io.atlas4j.junit.EngineKit.engine;
import static io.atlas4j.junit.EngineKit.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;

/** {@code atlas4j.run} (alias {@code atlas4j.filter.run}) is Atlas's {@code --run} (T51, T53). */
class RunFilterTest {

    private static final Path RUN = RESOURCES.resolve("filter/run.test.hcl");

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(Constants.RUN_PROPERTY_NAME, RUN, "split",
                        List.of("run.test.hcl", "  split", "  split_middle")),
                Arguments.of(Constants.RUN_PROPERTY_NAME, RUN, "^split$", List.of("run.test.hcl", "  split")),
                Arguments.of(Constants.FILTER_RUN_PROPERTY_NAME, RUN, "join", List.of("run.test.hcl", "  join")),
                Arguments.of(Constants.RUN_PROPERTY_NAME, FOR_EACH, "up/2", List.of("for-each.test.hcl", "  up", "    up/2")),
                Arguments.of(Constants.RUN_PROPERTY_NAME, FOR_EACH, "^up$",
                        List.of("for-each.test.hcl", "  up", "    up/1", "    up/2")),
                // Nothing selected: the file disappears rather than showing as an empty container.
                Arguments.of(Constants.RUN_PROPERTY_NAME, RUN, "nothing_like_this", List.of()));
    }

    @ParameterizedTest(name = "{0}={2}")
    @MethodSource("filters")
    void theFilterSelectsCasesByFullOrBlockName(String key, Path file, String pattern, List<String> expected) {
        EngineDiscoveryResults results = engine().configurationParameter(key, pattern).selectors(selectFile(file.toFile()))
                .discover();

        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(tree(results.getEngineDescriptor())).containsExactlyElementsOf(expected);
    }

    @Test
    void runWinsOverItsAlias() {
        EngineDiscoveryResults results = engine()
                .configurationParameter(Constants.RUN_PROPERTY_NAME, "join")
                .configurationParameter(Constants.FILTER_RUN_PROPERTY_NAME, "split")
                .selectors(selectFile(RUN.toFile()))
                .discover();

        assertThat(tree(results.getEngineDescriptor())).containsExactly("run.test.hcl", "  join");
    }
}
