package io.atlas4j.junit;

import static io.atlas4j.junit.EngineKit.PASSING;
import static io.atlas4j.junit.EngineKit.RESOURCES;
import static io.atlas4j.junit.EngineKit.discover;
import static io.atlas4j.junit.EngineKit.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.engine.support.hierarchical.Node.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Cases with {@code parallel = true} run concurrently when parallel execution is enabled. */
class ParallelExecutionTest {

    private static final Path PARALLEL = RESOURCES.resolve("parallel/parallel.test.hcl");

    @ParameterizedTest(name = "parallel execution enabled: {0}")
    @ValueSource(strings = {"true", "false"})
    void everyParallelCaseRuns(String enabled) {
        EngineExecutionResults results = engine()
                .configurationParameter(Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, enabled)
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME, "4")
                .selectors(selectFile(PARALLEL.toFile()), selectFile(PASSING.toFile()))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
    }

    @Test
    void onlyCasesMarkedParallelAreConcurrent() {
        TestDescriptor engine = discover(selectFile(PARALLEL.toFile()), selectFile(PASSING.toFile())).getEngineDescriptor();

        Map<String, ExecutionMode> modes = engine.getDescendants().stream()
                .collect(Collectors.toMap(TestDescriptor::getDisplayName, ParallelExecutionTest::mode));

        assertThat(modes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "parallel.test.hcl", ExecutionMode.SAME_THREAD,
                "p1", ExecutionMode.CONCURRENT,
                "p2", ExecutionMode.CONCURRENT,
                "p3", ExecutionMode.CONCURRENT,
                "p4", ExecutionMode.CONCURRENT,
                "passing.test.hcl", ExecutionMode.SAME_THREAD,
                "select_one", ExecutionMode.SAME_THREAD,
                "insert_user", ExecutionMode.SAME_THREAD));
    }

    /** The execution mode of a descriptor (all of the engine's descriptors are nodes). */
    @SuppressWarnings("unchecked")
    private static ExecutionMode mode(TestDescriptor descriptor) {
        return ((Node<Atlas4jExecutionContext>) descriptor).getExecutionMode();
    }
}
