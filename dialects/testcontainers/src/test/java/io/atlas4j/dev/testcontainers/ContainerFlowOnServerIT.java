package io.atlas4j.dev.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.io.PrintStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything the provider does after a container is up, for real, against the PostgreSQL server of
 * {@code ATLAS4J_TEST_POSTGRES_URL} standing in for the container: the recipe's setup statements through
 * the dialect, the resulting URL opened through the service registry by the PostgreSQL provider, prepare,
 * lease, isolation, and stopping on close. This runs in CI, which has no Docker engine.
 *
 * <p>The recipe's login is Atlas's {@code postgres:pass}, which {@code .ci/start-postgres.sh} sets up.
 * Without the URL the tests are skipped, unless {@code ATLAS4J_REQUIRE_BACKENDS} is set: then they fail.
 */
class ContainerFlowOnServerIT {

    private static final URI STATE_FILE = URI.create("file:///schema.sql");

    private DatabaseUrl server;
    private String database;
    private StandIn container;

    @BeforeEach
    void server() {
        String url = System.getenv("ATLAS4J_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            skipOrFail("ATLAS4J_TEST_POSTGRES_URL is not set; start a server with .ci/start-postgres.sh and export the URL"
                    + " it prints");
        }
        server = DatabaseUrl.parse(url);
        if (!"postgres".equals(server.user()) || !ContainerRecipes.PASSWORD.equals(server.password())) {
            skipOrFail("ATLAS4J_TEST_POSTGRES_URL must log in as postgres:pass, the login of Atlas's postgres images");
        }
        // A name of our own, so that concurrent runs and the other modules' tests are not disturbed.
        database = "atlas4j_tc_" + ProcessHandle.current().pid();
        container = new StandIn(server.host() == null ? "localhost" : server.host(), server.port() < 0 ? 5432 : server.port());
    }

    private static void skipOrFail(String reason) {
        String required = System.getenv("ATLAS4J_REQUIRE_BACKENDS");
        if (required != null && !required.isEmpty()) {
            fail("ATLAS4J_REQUIRE_BACKENDS is set but " + reason);
        }
        Assumptions.abort(reason);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (database == null) {
            return;
        }
        DatabaseUrl admin = DatabaseUrl.rebuild(server.scheme(), server.user(), server.password(), server.host(),
                server.port(), "postgres", Map.of("sslmode", "disable"));
        try (Connection c = Dialects.forUrl(admin).connect(admin); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        }
    }

    private TestcontainersDevDatabaseProvider provider() {
        PrintStream err = System.err;
        return new TestcontainersDevDatabaseProvider(container, new DialectServerSetup(), DevDatabases::open,
                TestcontainersDevDatabaseProvider::anyProviderSupports, () -> err);
    }

    /** postgis creates its database with a setup statement, which is what this exercises. */
    private DatabaseUrl dockerUrl() {
        return DatabaseUrl.parse("docker://postgis/16-3.4/" + database);
    }

    @Test
    void setsUpOpensIsolatesAndStops() throws SQLException {
        SchemaState state = new SchemaState(List.of(SqlScript.of(STATE_FILE,
                "CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL);\n"
                        + "INSERT INTO users VALUES (1, 'seed');\n")));

        try (DevDatabase db = provider().open(dockerUrl(), DevOptions.defaults())) {
            assertThat(db.url()).isEqualTo(dockerUrl());
            assertThat(db.dialect().name()).isEqualTo("postgres");
            try (Workspace workspace = db.prepare(state)) {
                try (DevSession first = workspace.lease()) {
                    assertThat(first.url()).startsWith("postgres://postgres:pass@");
                    try (Statement s = first.connection().createStatement()) {
                        s.execute("INSERT INTO users VALUES (2, 'leak')");
                    }
                    assertThat(count(first.connection())).isEqualTo(2);
                }
                try (DevSession second = workspace.lease()) {
                    assertThat(count(second.connection())).as("nothing leaks from the first session").isEqualTo(1);
                }
            }
            assertThat(container.stops).isZero();
        }
        assertThat(container.stops).isEqualTo(1);
    }

    @Test
    void aFailingSetupStatementIsReportedAndTheContainerStopped() throws SQLException {
        provider().open(dockerUrl(), DevOptions.defaults()).close();
        container.stops = 0;

        // The database exists now, so the recipe's CREATE DATABASE fails.
        assertThatThrownBy(() -> provider().open(dockerUrl(), DevOptions.defaults()))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).startsWith("dev database docker://postgis/16-3.4/" + database
                            + ": setup statement CREATE DATABASE \"" + database + "\" failed: ")
                            .contains("already exists");
                });
        assertThat(container.stops).isEqualTo(1);
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The running server, presented as a freshly started container. */
    private static final class StandIn implements ContainerEngine, ContainerEngine.RunningContainer {
        private final String host;
        private final int port;
        int stops;

        StandIn(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public RunningContainer start(ContainerRecipe recipe, boolean reuse, PrintStream output) {
            return this;
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public boolean reused() {
            return false;
        }

        @Override
        public boolean kept() {
            return false;
        }

        @Override
        public void stop() {
            stops++;
        }
    }
}
