package io.atlas4j.junit;

import java.util.Comparator;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;

/**
 * Puts files in lexical path order and cases in source order, whatever order the selectors came in
 * (Atlas runs files and cases in that order, and reports read best that way).
 */
final class OrderingVisitor implements TestDescriptor.Visitor {

    private static final Comparator<TestDescriptor> FILES =
            Comparator.comparing(d -> d instanceof TestFileDescriptor f ? f.uri().toString() : "");
    private static final Comparator<TestDescriptor> CASES =
            Comparator.comparingInt(d -> d instanceof CaseDescriptor c ? c.order() : Integer.MAX_VALUE);

    @Override
    public void visit(TestDescriptor descriptor) {
        if (descriptor instanceof Atlas4jEngineDescriptor) {
            descriptor.orderChildren(children -> sorted(children, FILES));
        } else {
            descriptor.orderChildren(children -> sorted(children, CASES));
        }
    }

    private static List<TestDescriptor> sorted(List<TestDescriptor> children, Comparator<TestDescriptor> order) {
        return children.stream().sorted(order).toList();
    }
}
