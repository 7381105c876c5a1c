package io.atlas4j.dev.testcontainers;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.url.DatabaseUrl;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The dev database inside a container: the running-server dev database opened on the container's URL
 * does the work (cleanliness, preparing, isolation); this adds stopping the container when closed.
 */
final class ContainerDevDatabase implements DevDatabase {

    private final DatabaseUrl url;
    private final DevDatabase server;
    private final ContainerEngine.RunningContainer container;
    private final AtomicBoolean closed = new AtomicBoolean();

    ContainerDevDatabase(DatabaseUrl url, DevDatabase server, ContainerEngine.RunningContainer container) {
        this.url = url;
        this.server = server;
        this.container = container;
    }

    @Override
    public Dialect dialect() {
        return server.dialect();
    }

    /** The {@code docker://} URL it was opened with; sessions give the container's concrete URLs. */
    @Override
    public DatabaseUrl url() {
        return url;
    }

    @Override
    public Workspace prepare(SchemaState state) {
        return server.prepare(state);
    }

    @Override
    public Workspace prepare(SchemaState state, int expectedLeases) {
        return server.prepare(state, expectedLeases);
    }

    /** Closes the server's dev database, then stops the container unless it is kept for reuse. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } finally {
            if (!container.kept()) {
                container.stop();
            }
        }
    }
}
