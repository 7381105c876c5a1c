package io.atlas4j.dev.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.url.DatabaseUrl;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real containers: {@code docker://postgres} and {@code docker://mysql} dev databases opened through the
 * service registry, prepared, leased and closed.
 *
 * <p>Runs only where a Docker engine answers; elsewhere every test is skipped with the reason "no Docker
 * engine". Unlike the server-backed tests, this skip holds even when {@code ATLAS4J_REQUIRE_BACKENDS} is
 * set: the development and CI machines of this project have no Docker engine and cannot get one, so CI
 * cannot require it. What can be checked without Docker (URL mapping, the provider's flow around a
 * container, the fallback) is checked by the unit tests and {@code ContainerFlowOnServerIT}.
 */
class TestcontainersIT {

    private static final URI STATE_FILE = URI.create("file:///schema.sql");

    private static Boolean dockerAvailable;

    /** Per test rather than per class, so each test is reported as skipped, with the reason. */
    @BeforeEach
    void dockerEngine() {
        if (dockerAvailable == null) {
            dockerAvailable = new TestcontainersEngine().available();
            if (!dockerAvailable) {
                // Surefire's summary shows only a count of skipped tests; say why once, on the console.
                System.err.println("TestcontainersIT: no Docker engine: docker:// tests skipped");
            }
        }
        Assumptions.assumeTrue(dockerAvailable, "no Docker engine: docker:// tests skipped");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            docker://postgres/16/dev?search_path=public | postgres:// | CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL)
            docker://mysql/8/dev                        | mysql://    | CREATE TABLE users (id int PRIMARY KEY, name varchar(50) NOT NULL)
            """)
    void preparesLeasesIsolatesAndStopsTheContainer(String dockerUrl, String scheme, String createTable) throws SQLException {
        String seed = "INSERT INTO users (id, name) VALUES (1, 'seed')";
        SchemaState state = new SchemaState(List.of(SqlScript.of(STATE_FILE, createTable + ";\n" + seed + ";\n")));
        DatabaseUrl server;

        try (DevDatabase db = DevDatabases.open(DatabaseUrl.parse(dockerUrl), DevOptions.defaults())) {
            assertThat(db.url().raw()).isEqualTo(dockerUrl);
            try (Workspace workspace = db.prepare(state)) {
                try (DevSession first = workspace.lease()) {
                    assertThat(first.url()).startsWith(scheme);
                    server = serverOf(DatabaseUrl.parse(first.url()));
                    Dialects.forUrl(server).connect(server).close();
                    execute(first.connection(), "INSERT INTO users (id, name) VALUES (2, 'leak')");
                    assertThat(count(first.connection())).isEqualTo(2);
                }
                try (DevSession second = workspace.lease()) {
                    assertThat(count(second.connection())).as("nothing leaks from the first session").isEqualTo(1);
                }
            }
        }

        // The container is gone: the server that answered above no longer does.
        assertThatThrownBy(() -> Dialects.forUrl(server).connect(server).close()).isInstanceOf(SQLException.class);
    }

    /** The server-level URL of a session's URL (its database may be dropped when the session ends). */
    private static DatabaseUrl serverOf(DatabaseUrl session) {
        boolean postgres = session.scheme().startsWith("postgres");
        return DatabaseUrl.rebuild(session.scheme(), session.user(), session.password(), session.host(), session.port(),
                postgres ? "postgres" : "", postgres ? Map.of("sslmode", "disable") : Map.of());
    }

    @Test
    void anImageThatCannotBePulledIsNamed() {
        assertThatThrownBy(() -> DevDatabases.open(DatabaseUrl.parse("docker://postgres/no-such-tag-atlas4j/dev"),
                DevOptions.defaults()))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).startsWith("dev database docker://postgres/no-such-tag-atlas4j/dev:"
                            + " cannot pull image \"postgres:no-such-tag-atlas4j\"");
                });
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
