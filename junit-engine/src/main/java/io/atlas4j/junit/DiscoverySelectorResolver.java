package io.atlas4j.junit;

import org.junit.platform.commons.io.ResourceFilter;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * The resolver chain, built once: class-path roots and packages become class-path resource selectors
 * (JUnit's resource scanner, honouring package filters); directories, files, resources, URIs and
 * unique ids become the engine's own file and case selectors; those become descriptors. Then the tree
 * is ordered and empty containers are pruned.
 */
final class DiscoverySelectorResolver {

    private static final EngineDiscoveryRequestResolver<Atlas4jEngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<Atlas4jEngineDescriptor>builder()
                    .addResourceContainerSelectorResolver(ResourceFilter.of(r -> TestFiles.isTestFile(r.getName())))
                    .addSelectorResolver(context -> new DirectoryResolver(context.getIssueReporter()))
                    .addSelectorResolver(new FileSelectorResolver())
                    .addSelectorResolver(new UniqueIdResolver())
                    .addSelectorResolver(context -> new TestFileResolver(
                            new TestFileLoader(context.getEngineDescriptor().configs(), context.getIssueReporter()),
                            context.getIssueReporter()))
                    .addTestDescriptorVisitor(context -> new OrderingVisitor())
                    .addTestDescriptorVisitor(context -> TestDescriptor::prune)
                    .build();

    private DiscoverySelectorResolver() {
    }

    static void resolve(EngineDiscoveryRequest request, Atlas4jEngineDescriptor engine) {
        RESOLVER.resolve(request, engine);
    }
}
