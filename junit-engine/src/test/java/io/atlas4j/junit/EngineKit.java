package io.atlas4j.junit;

import static io.atlas4j.junit.Constants.DEV_URL_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.URL_PROPERTY_NAME;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Fixtures and helpers shared by the engine tests. */
final class EngineKit {

    /** The scanned fixtures (also on the test class path under {@code atlas4j/}). */
    static final Path RESOURCES = Path.of("src/test/resources/atlas4j").toAbsolutePath();
    /** Broken fixtures, outside the class path, so scanning tests never see them. */
    static final Path BROKEN = Path.of("src/test/resources-broken").toAbsolutePath();
    /** The test class path root holding the fixtures. */
    static final Path TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath();

    static final Path PASSING = RESOURCES.resolve("basic/passing.test.hcl");
    static final Path FAILING = RESOURCES.resolve("basic/failing.test.hcl");
    static final Path FOR_EACH = RESOURCES.resolve("basic/for-each.test.hcl");

    private EngineKit() {
    }

    /** A fresh in-memory SQLite dev database per call, so tests never share state. */
    static String devUrl() {
        return "sqlite://junit" + UUID.randomUUID().toString().replace("-", "") + "?mode=memory";
    }

    static String schemaUrl() {
        return "file://" + RESOURCES.resolve("schema.sql");
    }

    /**
     * The engine with a dev database and the desired schema. The kit ignores
     * junit-platform.properties, so every parameter is explicit.
     */
    static EngineTestKit.Builder engine() {
        return EngineTestKit.engine(Constants.ENGINE_ID)
                .configurationParameters(Map.of(DEV_URL_PROPERTY_NAME, devUrl(), URL_PROPERTY_NAME, schemaUrl()));
    }

    static EngineDiscoveryResults discover(DiscoverySelector... selectors) {
        return engine().selectors(selectors).discover();
    }

    /** The tree below the engine: one line per descriptor, display names indented by depth. */
    static List<String> tree(TestDescriptor root) {
        List<String> lines = new ArrayList<>();
        for (TestDescriptor child : root.getChildren()) {
            tree(child, "", lines);
        }
        return lines;
    }

    private static void tree(TestDescriptor descriptor, String indent, List<String> lines) {
        lines.add(indent + descriptor.getDisplayName());
        for (TestDescriptor child : descriptor.getChildren()) {
            tree(child, indent + "  ", lines);
        }
    }

    /** The display names of the file containers. */
    static List<String> files(TestDescriptor root) {
        return root.getChildren().stream().map(TestDescriptor::getDisplayName).toList();
    }

    /** The descriptor with that display name, anywhere below {@code root}. */
    static TestDescriptor find(TestDescriptor root, String displayName) {
        return root.getDescendants().stream()
                .filter(d -> d.getDisplayName().equals(displayName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no descriptor " + displayName + " in " + tree(root)));
    }
}
