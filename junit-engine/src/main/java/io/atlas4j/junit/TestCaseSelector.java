package io.atlas4j.junit;

import io.atlas4j.testdsl.TestKind;
import org.junit.platform.engine.DiscoverySelector;

/**
 * The engine's own selector for one {@code test} block of a file, or one row of its {@code for_each}.
 * Cases are found by name, not line, so a unique id still finds its case after edits above it.
 *
 * @param file the file (without a line)
 * @param kind the block's kind
 * @param blockName the block's name (second label)
 * @param example the row's key, or null for the whole block
 */
record TestCaseSelector(TestFileSelector file, TestKind kind, String blockName, String example)
        implements DiscoverySelector {

    /** The whole block this row belongs to. */
    TestCaseSelector block() {
        return example == null ? this : new TestCaseSelector(file, kind, blockName, null);
    }
}
