package io.atlas4j.testing;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The states a migration directory reaches at each version, each prepared once on the dev database, so
 * that migrate cases starting with {@code migrate { to = "v" }} lease a copy of the state at {@code v}
 * instead of replaying the directory from the empty database. Thread-safe: concurrent cases asking for
 * the same version wait for one build.
 */
final class VersionCache implements AutoCloseable {

    private final DevDatabase database;
    private final MigrationDir migrations;
    private final Map<String, FutureTask<Workspace>> states = new ConcurrentHashMap<>();
    /** How many cases start at each version, when the run told us (see {@link #expect}). */
    private final Map<String, Integer> expected = new ConcurrentHashMap<>();
    private volatile boolean closed;

    VersionCache(DevDatabase database, MigrationDir migrations) {
        this.database = database;
        this.migrations = migrations;
    }

    /** Records that one more case will start at {@code version}: the dev database may prepare it for reuse. */
    void expect(String version) {
        expected.merge(version, 1, Integer::sum);
    }

    /**
     * The prepared state at {@code version}, built on the first call; empty when it cannot be built (an
     * unknown version, a failing migration file, a dev database error) — the caller then starts the case
     * from the empty state, and the case's {@code migrate} step reports the problem at its own position.
     */
    Optional<Workspace> at(String version) {
        if (closed) {
            return Optional.empty();
        }
        FutureTask<Workspace> task = new FutureTask<>(() -> build(version));
        FutureTask<Workspace> existing = states.putIfAbsent(version, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return closed ? Optional.empty() : Optional.ofNullable(existing.get());
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Workspace build(String version) {
        if (migrations.file(version).isEmpty()) {
            return null;
        }
        List<SqlScript> scripts = new ArrayList<>();
        for (MigrationFile file : migrations.filesUpTo(version)) {
            if (!file.checks().isEmpty()) {
                // A prepared state runs statements only: the cases replay the files, checks included.
                return null;
            }
            scripts.add(SqlScript.of(file.uri(), file.upText()));
        }
        // A failure here (the file and line of a broken migration) is not reported: the case replays the
        // files from the empty state and its migrate step reports it the way it always does.
        return database.prepare(new SchemaState(scripts), expected.getOrDefault(version, 0));
    }

    /** Removes every prepared state; waits for builds still running. */
    @Override
    public void close() {
        closed = true;
        RuntimeException first = null;
        for (FutureTask<Workspace> task : states.values()) {
            Workspace workspace;
            try {
                workspace = task.get();
            } catch (ExecutionException e) {
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                continue;
            }
            if (workspace == null) {
                continue;
            }
            try {
                workspace.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        states.clear();
        if (first != null) {
            throw first;
        }
    }
}
