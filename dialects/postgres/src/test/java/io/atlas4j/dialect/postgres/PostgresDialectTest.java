package io.atlas4j.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.url.DatabaseUrl;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class PostgresDialectTest {

    private static final String PASSWORD = "s3cr3t-Pw";

    private final PostgresDialect dialect = new PostgresDialect();

    @ParameterizedTest
    @ValueSource(strings = {"postgres://localhost/dev", "postgresql://localhost/dev"})
    void isFoundForItsSchemes(String url) {
        assertThat(Dialects.forUrl(DatabaseUrl.parse(url))).isInstanceOf(PostgresDialect.class);
    }

    @Test
    void splitsDollarQuotedBodiesAsOneStatement() {
        String sql = "CREATE TABLE t (a int);\n"
                + "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\n"
                + "SELECT f();";

        List<SqlStatement> statements = dialect.split(SqlScript.of(URI.create("file:/x/schema.sql"), sql));

        assertThat(statements).extracting(SqlStatement::text).containsExactly("CREATE TABLE t (a int)",
                "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql", "SELECT f()");
    }

    @Test
    void errorMessageIsTheServersWordsWithDetailAndHint() {
        PSQLException e = new PSQLException(new ServerErrorMessage("SERROR\0C23514\0Mvalue for domain zip violates"
                + " check constraint \"zip_check\"\0P8\0\0"));
        assertThat(e.getMessage()).startsWith("ERROR: ");
        assertThat(dialect.errorMessage(e)).isEqualTo("value for domain zip violates check constraint \"zip_check\"");

        PSQLException withDetail = new PSQLException(new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value"
                + " violates unique constraint \"t_pkey\"\0DKey (id)=(1) already exists.\0Htry another\0\0"));
        assertThat(dialect.errorMessage(withDetail)).isEqualTo("duplicate key value violates unique constraint"
                + " \"t_pkey\"\n  Detail: Key (id)=(1) already exists.\n  Hint: try another");

        assertThat(dialect.errorMessage(new SQLException(" plain "))).isEqualTo("plain");
    }

    static Stream<Arguments> connectFailures() {
        return Stream.of(
                Arguments.of(new SQLException("The server does not support SSL.", "08004"), "postgres://u@h/db",
                        "add ?sslmode=disable"),
                Arguments.of(new SQLException("The server does not support SSL.", "08004"),
                        "postgres://u@h/db?sslmode=disable", "is running"),
                Arguments.of(new SQLException("FATAL: password authentication failed for user \"u\"", "28P01"),
                        "postgres://u@h/db", "user name and password"),
                Arguments.of(new SQLException("FATAL: database \"nope\" does not exist", "3D000"),
                        "postgres://u@h/nope", "CREATE DATABASE \"nope\""),
                Arguments.of(new SQLException("Connection to h:5432 refused.", "08001"),
                        "postgres://u@h/db", "accepts TCP connections on h:5432"));
    }

    @ParameterizedTest
    @MethodSource("connectFailures")
    void connectionFailuresCarryAHint(SQLException e, String url, String hint) {
        assertThat(PostgresErrors.connectHint(DatabaseUrl.parse(url), e)).contains(hint);
    }

    /** A closed port: nothing listens, so the failure comes from the driver without any server. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableServerIsAConnectionErrorThatNeverShowsThePassword() throws Exception {
        String url = "postgres://admin:" + PASSWORD + "@127.0.0.1:" + closedPort() + "/dev?sslmode=disable";

        assertThatThrownBy(() -> DevDatabases.open(DatabaseUrl.parse(url),
                new DevOptions(Duration.ofSeconds(2), Map.of())))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
                    assertThat(e.getMessage()).startsWith("cannot connect to dev database postgres://admin:xxxxx@127.0.0.1:");
                    assertThat(e.hint()).contains("accepts TCP connections on 127.0.0.1:");
                    assertNoPassword(e);
                });
    }

    @Test
    void anInvalidIsolationSettingIsAConfigurationError() {
        assertThatThrownBy(() -> DevDatabases.open(DatabaseUrl.parse("postgres://u:" + PASSWORD + "@h/db"),
                new DevOptions(Duration.ofSeconds(1), Map.of(PostgresDevDatabaseProvider.ISOLATION_PROPERTY, "x"))))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertNoPassword(e);
                });
    }

    /** The password appears nowhere: not in the message, the hint, or any cause's message. */
    static void assertNoPassword(Atlas4jException e) {
        assertThat(e.getMessage()).doesNotContain(PASSWORD);
        if (e.hint() != null) {
            assertThat(e.hint()).doesNotContain(PASSWORD);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD);
            assertThat(t.toString()).doesNotContain(PASSWORD);
        }
    }
}
