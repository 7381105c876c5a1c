package io.atlas4j.testing;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabaseProvider;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.dev.Workspace;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for setup failures: {@code faulty://NAME} is a real in-memory SQLite dev database
 * whose N-th lease fails (testing-dsl T48). It also records, per {@code NAME}, what the runtime asked of
 * it (prepared states, session needs, closed workspaces), for tests of how the runtime uses the SPI.
 */
public final class FaultyDevDatabaseProvider implements DevDatabaseProvider {

    private static volatile int failingLease;
    private static final Map<String, Calls> CALLS = new ConcurrentHashMap<>();

    /** What the runtime asked of one {@code faulty://NAME} database. */
    static final class Calls {
        final List<SchemaState> prepared = new CopyOnWriteArrayList<>();
        final List<SessionNeeds> needs = new CopyOnWriteArrayList<>();
        /** The lease count each prepared state was expected to serve (0: not told), in order. */
        final List<Integer> expectedLeases = new CopyOnWriteArrayList<>();
        final AtomicInteger closedWorkspaces = new AtomicInteger();
    }

    /** The calls made to {@code faulty://name...} so far. */
    static Calls calls(String name) {
        return CALLS.computeIfAbsent(name, k -> new Calls());
    }

    static void failLease(int n) {
        failingLease = n;
    }

    @Override
    public boolean supports(DatabaseUrl url) {
        return "faulty".equals(url.scheme());
    }

    @Override
    public DevDatabase open(DatabaseUrl url, DevOptions options) {
        DevDatabase real = DevDatabases.open(DatabaseUrl.parse("sqlite://" + url.raw().substring("faulty://".length())), options);
        int failing = failingLease;
        AtomicInteger leases = new AtomicInteger();
        Calls calls = calls(url.raw().substring("faulty://".length()).replaceFirst("\\?.*$", ""));
        return new DevDatabase() {
            @Override
            public Dialect dialect() {
                return real.dialect();
            }

            @Override
            public DatabaseUrl url() {
                return url;
            }

            @Override
            public Workspace prepare(SchemaState state, int expectedLeases) {
                calls.expectedLeases.add(expectedLeases);
                return prepare(state);
            }

            @Override
            public Workspace prepare(SchemaState state) {
                calls.prepared.add(state);
                Workspace workspace = real.prepare(state);
                return new Workspace() {
                    @Override
                    public SchemaState state() {
                        return workspace.state();
                    }

                    @Override
                    public DevSession lease() {
                        if (leases.incrementAndGet() == failing) {
                            throw new Atlas4jException(ErrorCode.DEV_DATABASE, "injected lease failure");
                        }
                        return workspace.lease();
                    }

                    @Override
                    public DevSession lease(SessionNeeds needs) {
                        calls.needs.add(needs);
                        if (leases.incrementAndGet() == failing) {
                            throw new Atlas4jException(ErrorCode.DEV_DATABASE, "injected lease failure");
                        }
                        return workspace.lease(needs);
                    }

                    @Override
                    public void close() {
                        calls.closedWorkspaces.incrementAndGet();
                        workspace.close();
                    }
                };
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }
}
