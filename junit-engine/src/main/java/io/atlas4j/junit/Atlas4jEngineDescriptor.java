package io.atlas4j.junit;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testdsl.TestKind;
import io.atlas4j.testing.TestConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The root: starts the test environments before the first file and closes them after the last, so a
 * dev database that cannot be used fails the run once instead of failing every case.
 */
final class Atlas4jEngineDescriptor extends EngineDescriptor implements Node<Atlas4jExecutionContext> {

    private final LazyTestConfig configs;

    Atlas4jEngineDescriptor(UniqueId uniqueId, LazyTestConfig configs) {
        super(uniqueId, "Atlas4J");
        this.configs = configs;
    }

    LazyTestConfig configs() {
        return configs;
    }

    @Override
    public Atlas4jExecutionContext before(Atlas4jExecutionContext context) {
        // The platform executes every engine that took part in discovery, with or without tests (a
        // Jupiter-only Surefire run, say): without tests there is no dev database to open, and a
        // missing dev URL is nobody's problem.
        if (getChildren().isEmpty()) {
            return context;
        }
        try {
            // Only the kinds that have tests start an environment: a project without migrate tests needs
            // no migration directory.
            Set<String> kinds = getDescendants().stream()
                    .flatMap(d -> d.getUniqueId().getSegments().stream())
                    .map(UniqueId.Segment::getType)
                    .collect(Collectors.toSet());
            Map<TestKind, TestConfig> wanted = new EnumMap<>(TestKind.class);
            configs.resolved().forEach((kind, config) -> {
                if (kinds.contains(kind.label())) {
                    wanted.put(kind, config);
                }
            });
            context.open(wanted);
            // Tell each environment which cases will run, so that a state several migrate cases start
            // at is prepared for sharing.
            Map<TestKind, List<TestCase>> cases = new EnumMap<>(TestKind.class);
            for (TestDescriptor d : getDescendants()) {
                if (d instanceof CaseDescriptor c && c.testCase() != null && wanted.containsKey(c.testCase().kind())) {
                    cases.computeIfAbsent(c.testCase().kind(), k -> new ArrayList<>()).add(c.testCase());
                }
            }
            cases.forEach((kind, list) -> context.environment(kind).expect(list));
        } catch (Atlas4jException e) {
            // JUnit reports show an exception's message only: keep the hint (which names the
            // configuration parameter to set) in it.
            throw e.hint() == null ? e : new Atlas4jException(e.code(), TestFiles.message(e), e);
        }
        return context;
    }

    @Override
    public void after(Atlas4jExecutionContext context) {
        context.close();
    }

    @Override
    public void cleanUp(Atlas4jExecutionContext context) {
        // after() is skipped when before() was never reached; closing twice is harmless.
        context.close();
    }
}
