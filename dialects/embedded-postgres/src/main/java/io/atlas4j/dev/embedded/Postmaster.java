package io.atlas4j.dev.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops a PostgreSQL server by its data directory when zonky cannot: a server whose start timed out
 * (zonky then returns no handle), or one left behind by a JVM that was killed.
 */
final class Postmaster {

    private Postmaster() {
    }

    /** The live postmaster process of {@code dataDirectory}, read from its {@code postmaster.pid}. */
    static Optional<ProcessHandle> of(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // The pid may have been reused since (after a reboot, /tmp data directories survive): only a
        // postgres process is ours to stop.
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe"))
                        .orElse(false));
    }

    /**
     * Stops the postmaster of {@code dataDirectory} if one runs: a fast shutdown (SIGINT), then a kill
     * after a few seconds. Returns whether a server was running.
     */
    static boolean stop(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = of(dataDirectory);
        if (postmaster.isEmpty()) {
            return false;
        }
        ProcessHandle p = postmaster.get();
        if (!interrupt(p.pid())) {
            p.destroy();
        }
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    /**
     * Sends SIGINT, PostgreSQL's fast shutdown, which also ends the server's children and releases its
     * shared memory; {@link ProcessHandle#destroy()} would send SIGTERM, a smart shutdown that waits for
     * clients.
     */
    private static boolean interrupt(long pid) {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            return false;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Deletes a directory tree, as far as it can. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort: what cannot be deleted now is swept by a later run.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }
}
