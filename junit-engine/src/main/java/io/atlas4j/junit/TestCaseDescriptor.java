package io.atlas4j.junit;

import io.atlas4j.testdsl.TestCase;
import org.junit.platform.engine.UniqueId;

/**
 * A {@code test} block. Unique-id segment {@code [schema:<name>]} or {@code [migrate:<name>]}: names, not
 * lines, so ids survive edits above the case. A test, or a container of {@link CaseExampleDescriptor}s
 * when the block has {@code for_each}.
 */
final class TestCaseDescriptor extends CaseDescriptor {

    private TestCaseDescriptor(UniqueId uniqueId, CaseBlock block, TestFileSelector file, TestCase testCase) {
        super(uniqueId, block.name(), TestSources.of(file, block.range()), testCase, block.parallel(), block.order());
    }

    /** The test of a block without {@code for_each}. */
    static TestCaseDescriptor test(UniqueId parentId, TestFileSelector file, CaseBlock block, TestCase testCase) {
        return new TestCaseDescriptor(id(parentId, block), block, file, testCase);
    }

    /** The container of a {@code for_each} block's rows. */
    static TestCaseDescriptor container(UniqueId parentId, TestFileSelector file, CaseBlock block) {
        return new TestCaseDescriptor(id(parentId, block), block, file, null);
    }

    private static UniqueId id(UniqueId parentId, CaseBlock block) {
        return parentId.append(block.kind().label(), block.name());
    }
}
