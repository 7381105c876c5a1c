package io.atlas4j.dev.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where embedded servers keep their data, and the clean-up of what killed JVMs left there.
 *
 * <p>Each server gets a home directory {@code <root>/atlas4j-pg<major>-<pid>-<n>} holding {@code owner}
 * (the JVM's pid and start time), {@code server.log} and {@code data/}. The root is {@code /dev/shm}
 * when it exists and has room — cloning template databases there is an order of magnitude faster than
 * on a disk — and the temp directory otherwise.
 */
final class DataRoot {

    /** The directory created in /dev/shm or the temp directory. */
    static final String DIRECTORY = "atlas4j-embedded-postgres";
    /** The prefix of server home directories. */
    static final String HOME_PREFIX = "atlas4j-pg";
    /** Free space /dev/shm must have to be used (a server needs ~40 MB, each clone a few MB more). */
    static final long SHM_MIN_FREE = 512L * 1024 * 1024;
    /** How long a home directory may lack its owner file (it is being created). */
    private static final Duration CREATING = Duration.ofMinutes(1);

    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private DataRoot() {
    }

    /** The root to use: {@code configured}, else /dev/shm when it has room, else the temp directory. */
    static Path choose(Path configured) {
        return choose(configured, Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")));
    }

    static Path choose(Path configured, Path shm, Path temp) {
        if (configured != null) {
            return configured;
        }
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            try {
                if (Files.getFileStore(shm).getUsableSpace() >= SHM_MIN_FREE) {
                    return shm.resolve(DIRECTORY);
                }
            } catch (IOException ignored) {
                // Fall back to the temp directory.
            }
        }
        return temp.resolve(DIRECTORY);
    }

    /** The owner line of this JVM: {@code <pid> <start epoch millis>}. */
    static String ownerLine() {
        ProcessHandle self = ProcessHandle.current();
        return self.pid() + " " + self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /**
     * Once per root and JVM: stops the servers of JVMs that no longer run and deletes their homes, so a
     * run killed with SIGKILL leaves nothing behind for longer than the next run.
     */
    static void sweepOnce(Path root) {
        if (!SWEPT.add(root.toAbsolutePath().normalize()) || !Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> homes = Files.newDirectoryStream(root, HOME_PREFIX + "*")) {
            for (Path home : homes) {
                if (abandoned(home)) {
                    Postmaster.stop(home.resolve("data"));
                    Postmaster.deleteTree(home);
                }
            }
        } catch (IOException ignored) {
            // Sweeping is a courtesy; a server starts without it.
        }
    }

    /** Whether {@code home}'s owner JVM is gone. */
    static boolean abandoned(Path home) {
        Path owner = home.resolve("owner");
        String line;
        try {
            line = Files.readString(owner, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return olderThan(home, CREATING);
        }
        String[] parts = line.split("\\s+");
        long pid;
        long started;
        try {
            pid = Long.parseLong(parts[0]);
            started = parts.length > 1 ? Long.parseLong(parts[1]) : 0L;
        } catch (NumberFormatException e) {
            return olderThan(home, CREATING);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        // Same pid, other start time: the pid was reused by another process.
        Optional<Instant> start = process.get().info().startInstant();
        return started != 0 && start.isPresent() && Math.abs(start.get().toEpochMilli() - started) > 1000;
    }

    private static boolean olderThan(Path path, Duration age) {
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            return modified.toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }
}
