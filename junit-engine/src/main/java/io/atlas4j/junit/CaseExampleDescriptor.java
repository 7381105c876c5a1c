package io.atlas4j.junit;

import io.atlas4j.testdsl.TestCase;
import org.junit.platform.engine.UniqueId;

/** One row of a {@code for_each} block, named {@code up/1}. Unique-id segment {@code [example:<key>]}. */
final class CaseExampleDescriptor extends CaseDescriptor {

    static final String SEGMENT_TYPE = "example";

    CaseExampleDescriptor(UniqueId parentId, TestFileSelector file, TestCase testCase, int order) {
        super(parentId.append(SEGMENT_TYPE, testCase.example()), testCase.name(), TestSources.of(file, testCase.range()),
                testCase, testCase.parallel(), order);
    }
}
