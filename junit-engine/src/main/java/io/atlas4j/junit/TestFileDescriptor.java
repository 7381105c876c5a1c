package io.atlas4j.junit;

import java.net.URI;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** A test file: a container of its cases. Unique-id segment {@code [file:<uri>]}. */
final class TestFileDescriptor extends AbstractTestDescriptor implements Node<Atlas4jExecutionContext> {

    static final String SEGMENT_TYPE = "file";

    private final URI uri;

    TestFileDescriptor(UniqueId parentId, TestFileSelector file) {
        super(parentId.append(SEGMENT_TYPE, file.uri().toString()), file.displayName(), TestSources.of(file));
        this.uri = file.uri();
    }

    URI uri() {
        return uri;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        // Files run one after the other, as Atlas runs them; only cases marked parallel are concurrent.
        return ExecutionMode.SAME_THREAD;
    }
}
