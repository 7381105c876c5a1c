package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.url.DatabaseUrl;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A URL without a schema makes the whole server the dev database. Runs against a server that holds no
 * user schemas and may be wiped ({@value TestServer#SERVER_ENV}); every test starts by wiping it.
 */
class MysqlServerScopeIT {

    private static final SchemaState STATE = new SchemaState(List.of(SqlScript.of(URI.create("file:///p/schema.sql"),
            "CREATE SCHEMA app;\n"
                    + "CREATE TABLE app.users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20));\n"
                    + "CREATE SCHEMA audit;\n"
                    + "CREATE TABLE audit.log (user_id INT, CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES app.users (id));\n")));

    private DatabaseUrl url;
    private DevDatabase db;

    @BeforeEach
    void wipe() throws SQLException {
        url = TestServer.wipeableServer();
        for (String s : userSchemas()) {
            TestServer.exec(url, "SET foreign_key_checks = 0", "DROP DATABASE `" + s + "`");
        }
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private DevDatabase open(Duration sessionWait) {
        db = DevDatabases.open(url, new DevOptions(Duration.ofSeconds(10),
                Map.of(MysqlDevDatabase.SESSION_WAIT, Long.toString(sessionWait.toSeconds()))));
        return db;
    }

    @Test
    void refusesAServerWithAUserSchema() throws SQLException {
        TestServer.exec(url, "CREATE SCHEMA leftover");

        assertThatThrownBy(() -> open(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo("sql/migrate: connected database is not clean: found schema \"leftover\"");
                });
    }

    @Test
    void everySessionStartsAtThePreparedStateAndNothingElse() throws SQLException {
        Workspace workspace = open(Duration.ofSeconds(5)).prepare(STATE);

        try (DevSession s = workspace.lease()) {
            assertThat(DatabaseUrl.parse(s.url()).path()).isEmpty();
            assertThat(query(s.connection(), "SELECT DATABASE()")).isNull();
            exec(s.connection(), "INSERT INTO app.users (name) VALUES ('a')", "INSERT INTO audit.log VALUES (1)",
                    "CREATE SCHEMA extra", "DROP TABLE audit.log", "SET @x = 1");
        }
        try (DevSession s = workspace.lease()) {
            assertThat(userSchemas()).containsExactly("app", "audit");
            assertThat(query(s.connection(), "SELECT COUNT(*) FROM app.users")).isEqualTo("0");
            assertThat(query(s.connection(), "SELECT COUNT(*) FROM audit.log")).isEqualTo("0");
            assertThat(query(s.connection(), "SELECT @x")).isNull();
            exec(s.connection(), "INSERT INTO app.users (name) VALUES ('b')");
            assertThat(query(s.connection(), "SELECT MAX(id) FROM app.users")).isEqualTo("1");
        }
        db.close();

        assertThat(userSchemas()).as("close leaves the server as it was found").isEmpty();
    }

    @Test
    void aSecondSessionOnTheSameThreadIsRefusedInsteadOfHanging() {
        Workspace workspace = open(Duration.ofSeconds(60)).prepare(SchemaState.EMPTY);

        DevSession first = workspace.lease();
        try {
            assertThatThrownBy(workspace::lease)
                    .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                        assertThat(e.getMessage()).contains("holds one session at a time").doesNotContain(":pass@");
                        assertThat(e.hint()).contains("add a schema to the URL");
                    });
        } finally {
            first.close();
        }
    }

    @Test
    void anotherThreadWaitsForTheSessionToClose() throws Exception {
        Workspace workspace = open(Duration.ofSeconds(30)).prepare(STATE);
        DevSession first = workspace.lease();
        exec(first.connection(), "INSERT INTO app.users (name) VALUES ('first')");

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try (DevSession s = workspace.lease()) {
                return query(s.connection(), "SELECT COUNT(*) FROM app.users");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(second).isNotDone();
        first.close();

        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("0");
    }

    @Test
    void anotherThreadGivesUpAfterTheConfiguredWait() throws Exception {
        Workspace workspace = open(Duration.ofSeconds(1)).prepare(SchemaState.EMPTY);

        DevSession first = workspace.lease();
        try {
            CompletableFuture<DevSession> second = CompletableFuture.supplyAsync(workspace::lease);

            assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(Atlas4jException.class)
                    .cause().hasMessageContaining("another session kept it for 1s");
        } finally {
            first.close();
        }
    }

    private List<String> userSchemas() throws SQLException {
        return TestServer.schemas(url, "").stream().filter(s -> !DevScope.SYSTEM_SCHEMAS.contains(s)).toList();
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
