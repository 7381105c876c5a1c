package io.atlas4j.junit;

import io.atlas4j.testdsl.TestKind;
import io.atlas4j.testing.TestConfig;
import io.atlas4j.testing.TestEnvironment;
import java.util.EnumMap;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What every node of one run shares: the listener to report to and the runtime's test environments
 * (one per test kind), started by the engine descriptor and closed when the run ends. Thread-safe, as
 * parallel cases read it concurrently.
 */
final class Atlas4jExecutionContext implements EngineExecutionContext {

    private final EngineExecutionListener listener;
    private final Map<TestKind, TestEnvironment> environments = new EnumMap<>(TestKind.class);

    Atlas4jExecutionContext(EngineExecutionListener listener) {
        this.listener = listener;
    }

    EngineExecutionListener listener() {
        return listener;
    }

    /**
     * Creates the environments and starts them: opens the dev database and prepares the desired state.
     *
     * @throws io.atlas4j.error.Atlas4jException when an environment cannot start
     */
    synchronized void open(Map<TestKind, TestConfig> configs) {
        configs.forEach((kind, config) -> environments.computeIfAbsent(kind, k -> TestEnvironment.create(config)));
        environments.values().forEach(TestEnvironment::start);
    }

    /** The environment of a kind. */
    synchronized TestEnvironment environment(TestKind kind) {
        TestEnvironment environment = environments.get(kind);
        if (environment == null) {
            throw new IllegalStateException("no test environment for " + kind.label() + " tests");
        }
        return environment;
    }

    /** Closes every environment (dev databases, sessions); safe to call twice. */
    synchronized void close() {
        RuntimeException failure = null;
        for (TestEnvironment environment : environments.values()) {
            try {
                environment.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        environments.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
