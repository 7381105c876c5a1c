package io.atlas4j.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;

/**
 * The Atlas4J test engine: runs Atlas {@code *.test.hcl} files on the JUnit Platform. Files become
 * containers, {@code test} blocks tests, {@code for_each} rows tests inside a block's container.
 *
 * <p>A thin adapter: reading, running and comparing are the Atlas4J runtime's, shared with the
 * {@code atlas4j} command line. Configuration keys are listed in {@link Constants}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Atlas4jTestEngine extends HierarchicalTestEngine<Atlas4jExecutionContext> {

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.atlas4j");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("atlas4j-junit-engine");
    }

    @Override
    public Optional<String> getVersion() {
        // Implementation-Version of the jar's manifest; classes outside a jar (an IDE build) have none.
        return Optional.of(Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("DEVELOPMENT"));
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        Atlas4jConfiguration configuration = new Atlas4jConfiguration(request.getConfigurationParameters());
        Atlas4jEngineDescriptor engine = new Atlas4jEngineDescriptor(uniqueId,
                new LazyTestConfig(configuration, Path.of("").toAbsolutePath()));
        DiscoverySelectorResolver.resolve(request, engine);
        return engine;
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        Atlas4jConfiguration configuration = new Atlas4jConfiguration(request.getConfigurationParameters());
        if (!configuration.parallelExecutionEnabled()) {
            return super.createExecutorService(request);
        }
        // JUnit's strategies (dynamic, fixed, custom) read their keys below the engine's own prefix.
        return new ForkJoinPoolHierarchicalTestExecutorService(configuration.parallelExecutionParameters());
    }

    @Override
    protected Atlas4jExecutionContext createExecutionContext(ExecutionRequest request) {
        return new Atlas4jExecutionContext(request.getEngineExecutionListener());
    }
}
