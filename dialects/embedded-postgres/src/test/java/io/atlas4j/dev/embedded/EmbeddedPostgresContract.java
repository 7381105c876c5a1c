package io.atlas4j.dev.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.url.DatabaseUrl;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every embedded major must do, against a real server started once per test class. Subclasses
 * name the URL; the binaries come from the class path (17) or the local Maven repository (the others).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmbeddedPostgresContract {

    static final SchemaState STATE = new SchemaState(List.of(SqlScript.of(URI.create("file:///it/schema.sql"),
            "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);\n"
                    + "INSERT INTO users (name) VALUES ('seed');\n")));

    EmbeddedPostgresDevDatabase dev;

    /** The URL under test. */
    abstract String url();

    /** The major it must run. */
    abstract int major();

    @BeforeAll
    void start() {
        long begin = System.nanoTime();
        DevDatabase opened = DevDatabases.open(DatabaseUrl.parse(url()), DevOptions.defaults());
        assertThat(opened).isInstanceOf(EmbeddedPostgresDevDatabase.class);
        dev = (EmbeddedPostgresDevDatabase) opened;
        System.out.printf("%s: server started in %d ms (open %d ms) on port %d in %s%n", url(),
                dev.server().startTime().toMillis(), (System.nanoTime() - begin) / 1_000_000, dev.server().port(),
                dev.server().home());
    }

    @AfterAll
    void stop() throws Exception {
        if (dev == null) {
            return;
        }
        dev.close();
        assertGone(dev);
    }

    /** After close: nothing listens on the port, no postgres process runs, the directory is gone. */
    static void assertGone(EmbeddedPostgresDevDatabase closed) {
        EmbeddedServer server = closed.server();
        assertThat(server.closed()).isTrue();
        assertThat(server.home()).doesNotExist();
        assertThat(Postmaster.of(server.home().resolve("data"))).isEmpty();
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 1000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static List<String> names(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM users ORDER BY id")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void runsTheRequestedMajorOnItsOwnPort() throws Exception {
        assertThat(dev.dialect().name()).isEqualTo("postgres");
        assertThat(dev.url().raw()).isEqualTo(url());
        assertThat(dev.serverUrl().raw()).startsWith("postgres://postgres@localhost:" + dev.server().port() + "/");
        assertThat(dev.serverUrl().param("sslmode")).contains("disable");
        try (Workspace empty = dev.prepare(SchemaState.EMPTY); DevSession session = empty.lease()) {
            assertThat(Integer.parseInt(queryString(session.connection(), "SHOW server_version_num")) / 10000)
                    .isEqualTo(major());
            assertThat(queryString(session.connection(), "SHOW fsync")).isEqualTo("off");
            assertThat(queryString(session.connection(), "SHOW full_page_writes")).isEqualTo("off");
            assertThat(session.url()).startsWith("postgres://postgres@localhost:" + dev.server().port() + "/");
        }
        if (Files.isDirectory(Path.of("/dev/shm")) && Files.getFileStore(Path.of("/dev/shm")).getUsableSpace()
                >= DataRoot.SHM_MIN_FREE) {
            assertThat(dev.server().home()).startsWith(Path.of("/dev/shm"));
        }
    }

    @Test
    void sessionsStartFromThePreparedStateAndDoNotSeeEachOther() throws Exception {
        try (Workspace workspace = dev.prepare(STATE)) {
            try (DevSession first = workspace.lease(); DevSession second = workspace.lease()) {
                try (Statement s = first.connection().createStatement()) {
                    s.execute("INSERT INTO users (name) VALUES ('first')");
                    s.execute("CREATE TABLE extra (a int)");
                }
                assertThat(names(first.connection())).containsExactly("seed", "first");
                assertThat(names(second.connection())).containsExactly("seed");
                assertThat(queryString(second.connection(), "SELECT to_regclass('extra')::text")).isNull();
            }
            try (DevSession third = workspace.lease()) {
                assertThat(names(third.connection())).containsExactly("seed");
                assertThat(queryString(third.connection(), "SELECT to_regclass('extra')::text")).isNull();
            }
        }
    }

    /** Many leases in a row, each from the state; prints the time per lease (clone, query, drop). */
    @Test
    void everyLeaseInARowStartsFromTheState() throws Exception {
        try (Workspace workspace = dev.prepare(STATE)) {
            for (int i = 0; i < 3; i++) {
                workspace.lease().close();
            }
            int n = 20;
            long begin = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try (DevSession session = workspace.lease()) {
                    assertThat(names(session.connection())).containsExactly("seed");
                }
            }
            long perLease = (System.nanoTime() - begin) / n / 1_000;
            System.out.printf("%s: %d µs per lease (%s)%n", url(), perLease, dev.server().home().getParent());
        }
    }
}
