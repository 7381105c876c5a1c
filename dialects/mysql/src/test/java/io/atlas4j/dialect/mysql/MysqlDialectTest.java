package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevDatabaseProvider;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MysqlDialectTest {

    private static final String PASSWORD = "S3cr3t!pw";

    private final MysqlDialect dialect = new MysqlDialect();

    @Test
    void namesItselfAndItsSchemes() {
        assertThat(dialect.name()).isEqualTo("mysql");
        assertThat(dialect.urlSchemes()).contains("mysql", "maria", "mariadb", "mysql+unix", "maria+unix", "mariadb+unix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://localhost:3306/dev", "maria://localhost:3306/dev", "mariadb://localhost:3306"})
    void isFoundByTheRegistries(String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);

        assertThat(Dialects.forUrl(parsed)).isInstanceOf(MysqlDialect.class);
        assertThat(ServiceLoader.load(DevDatabaseProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.supports(parsed))).singleElement().isInstanceOf(MysqlDevDatabaseProvider.class);
    }

    @Test
    void providerLeavesOtherSchemesAlone() {
        MysqlDevDatabaseProvider provider = new MysqlDevDatabaseProvider();

        assertThat(provider.supports(DatabaseUrl.parse("postgres://localhost:5432/dev"))).isFalse();
        assertThat(provider.supports(DatabaseUrl.parse("sqlite://dev?mode=memory"))).isFalse();
    }

    @Test
    void splitsWithMysqlRules() {
        String text = "CREATE TABLE t (c varchar(10) DEFAULT 'a;b');\n"
                + "# a comment; still a comment\n"
                + "DELIMITER //\n"
                + "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\n"
                + "DELIMITER ;\n"
                + "INSERT INTO t VALUES ('it\\'s;');\n";
        List<SqlStatement> statements = dialect.split(SqlScript.of(URI.create("file:///p/schema.sql"), text));

        assertThat(statements).extracting(SqlStatement::text).containsExactly(
                "CREATE TABLE t (c varchar(10) DEFAULT 'a;b')",
                "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END",
                "INSERT INTO t VALUES ('it\\'s;')");
        assertThat(statements).extracting(s -> s.range().line()).containsExactly(1, 4, 6);
    }

    @Test
    void errorMessagesLoseMariadbConnectionIds() {
        SQLException e = new SQLException("(conn=42) Table 'dev.nope' doesn't exist", "42S02", 1146);

        assertThat(dialect.errorMessage(e)).isEqualTo("Table 'dev.nope' doesn't exist");
        assertThat(dialect.errorMessage(new SQLException("Table 'dev.nope' doesn't exist")))
                .isEqualTo("Table 'dev.nope' doesn't exist");
    }

    @Test
    void connectionReasonAddsTheRootCauseWhenTheDriverSaysLittle() {
        SQLException e = new SQLException("Communications link failure\n\nThe last packet sent ...", "08S01",
                new IOException("wrapped", new ConnectException("Connection refused")));

        assertThat(MysqlDialect.reason(e)).isEqualTo("Communications link failure (Connection refused)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "maria"})
    void connectFailureNamesTheUrlWithItsPasswordMasked(String scheme) throws IOException {
        String url = scheme + "://root:" + PASSWORD + "@127.0.0.1:" + closedPort() + "/dev";

        assertThatThrownBy(() -> dialect.connect(DatabaseUrl.parse(url)))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("cannot connect to " + scheme + "://root:xxxxx@127.0.0.1:")
                        .doesNotContain(PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb"})
    void unreachableDevDatabaseIsAConnectionErrorWithAHint(String scheme) throws IOException {
        String url = scheme + "://root:" + PASSWORD + "@127.0.0.1:" + closedPort() + "/dev";

        assertThatThrownBy(() -> DevDatabases.open(DatabaseUrl.parse(url), new DevOptions(Duration.ofSeconds(2), Map.of())))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
                    assertThat(e.getMessage())
                            .startsWith("cannot connect to dev database " + scheme + "://root:xxxxx@127.0.0.1:")
                            .containsIgnoringCase("refused")
                            .doesNotContain(PASSWORD);
                    assertThat(e.hint()).contains("server is running");
                    assertThat(stackMessages(e)).doesNotContain(PASSWORD);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "soon"})
    void invalidSettingsAreConfigurationErrors(String value) {
        DevOptions options = new DevOptions(Duration.ofSeconds(1), Map.of(MysqlDevDatabase.SESSION_WAIT, value));

        assertThatThrownBy(() -> new MysqlDevDatabaseProvider().open(DatabaseUrl.parse("mysql://localhost:1/dev"), options))
                .isInstanceOfSatisfying(Atlas4jException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION));
    }

    @Test
    void extraSchemasAreNamedAfterTheDevSchemaWithinMysqlsLimit() {
        DevScope.SchemaBound dev = new DevScope.SchemaBound("dev", "utf8mb4", "utf8mb4_general_ci");
        DevScope.SchemaBound longName = new DevScope.SchemaBound("x".repeat(64), "utf8mb4", "utf8mb4_general_ci");

        assertThat(dev.mainSlot()).isEqualTo("dev");
        assertThat(dev.extraSlot(1)).contains("atlas4j_dev_1");
        assertThat(longName.extraSlot(12)).hasValueSatisfying(n -> assertThat(n).hasSize(64).endsWith("x_12"));
        assertThat(new DevScope.ServerWide().extraSlot(1)).isEmpty();
    }

    @Test
    void quotesIdentifiers() {
        assertThat(DevScope.quote("a`b")).isEqualTo("`a``b`");
    }

    /** Every message in the cause chain, so no wrapped driver exception leaks a password either. */
    private static String stackMessages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    /** A local port nobody listens on: bound by us, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
