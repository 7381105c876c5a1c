package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MysqlUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            mysql://root:pass@localhost:3306/dev         | MYSQL   | jdbc:mysql://localhost:3306/dev      | dev
            mysql://root:pass@localhost:3306/            | MYSQL   | jdbc:mysql://localhost:3306/         | -
            mysql://root:pass@localhost:3306             | MYSQL   | jdbc:mysql://localhost:3306/         | -
            mysql://localhost/app                        | MYSQL   | jdbc:mysql://localhost:3306/app      | app
            mysql://u@db.example.com:3307/app?tls=false  | MYSQL   | jdbc:mysql://db.example.com:3307/app | app
            maria://root:pass@127.0.0.1:3306/dev         | MARIADB | jdbc:mariadb://127.0.0.1:3306/dev    | dev
            mariadb://root:pass@localhost:3306           | MARIADB | jdbc:mariadb://localhost:3306/       | -
            mysql://root:pass@[::1]:3306/dev             | MYSQL   | jdbc:mysql://[::1]:3306/dev          | dev
            mysql://root:pass@localhost:3306/my-app_1    | MYSQL   | jdbc:mysql://localhost:3306/my-app_1 | my-app_1
            """)
    void mapsAtlasUrlsToJdbc(String atlas, MysqlUrl.Flavor flavor, String jdbc, String schema) {
        MysqlUrl url = MysqlUrl.of(DatabaseUrl.parse(atlas));

        assertThat(url.flavor()).isEqualTo(flavor);
        assertThat(url.jdbcUrl()).isEqualTo(jdbc);
        assertThat(url.schema()).isEqualTo(schema);
        assertThat(url.schemaScope()).isEqualTo(schema != null);
    }

    @Test
    void credentialsAreDriverPropertiesNeverPartOfTheJdbcUrl() {
        MysqlUrl url = MysqlUrl.of(DatabaseUrl.parse("mysql://app%40corp:p%40ss%3Aw0rd@localhost:3306/dev"));

        assertThat(url.properties()).containsEntry("user", "app@corp").containsEntry("password", "p@ss:w0rd");
        assertThat(url.jdbcUrl()).doesNotContain("p@ss").doesNotContain("app");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void noUserInfoMeansNoCredentialProperties() {
        MysqlUrl url = MysqlUrl.of(DatabaseUrl.parse("mysql://localhost:3306/dev"));

        assertThat(url.properties()).doesNotContainKeys("user", "password");
    }

    static Stream<Arguments> parameters() {
        return Stream.of(
                arguments("Go driver parameters are dropped", "mysql://h/dev?parseTime=true&loc=Local&charset=utf8mb4",
                        Map.of(), new String[] {"parseTime", "loc", "charset"}),
                arguments("JDBC parameters pass through", "mysql://h/dev?useSSL=false&sslMode=DISABLED",
                        Map.of("useSSL", "false", "sslMode", "DISABLED"), new String[0]),
                arguments("tls=false on Connector/J", "mysql://h/dev?tls=false", Map.of("sslMode", "DISABLED"), new String[] {"tls"}),
                arguments("tls=true on Connector/J", "mysql://h/dev?tls=true", Map.of("sslMode", "VERIFY_IDENTITY"), new String[0]),
                arguments("tls=skip-verify on Connector/J", "mysql://h/dev?tls=skip-verify", Map.of("sslMode", "REQUIRED"), new String[0]),
                arguments("tls=preferred on Connector/J", "mysql://h/dev?tls=preferred", Map.of("sslMode", "PREFERRED"), new String[0]),
                arguments("tls=false on MariaDB", "maria://h/dev?tls=false", Map.of("sslMode", "disable"), new String[0]),
                arguments("tls=skip-verify on MariaDB", "maria://h/dev?tls=skip-verify", Map.of("sslMode", "trust"), new String[0]),
                arguments("tls=true on MariaDB", "mariadb://h/dev?tls=true", Map.of("sslMode", "verify-full"), new String[0]),
                arguments("Go timeout in seconds", "mysql://h/dev?timeout=5s", Map.of("connectTimeout", "5000"), new String[] {"timeout"}),
                arguments("Go timeout in milliseconds", "mysql://h/dev?timeout=250ms", Map.of("connectTimeout", "250"), new String[0]),
                arguments("Go timeout in minutes", "mysql://h/dev?timeout=1m", Map.of("connectTimeout", "60000"), new String[0]),
                arguments("values render as MySQL shows them", "mysql://h/dev",
                        Map.of("tinyInt1isBit", "false", "yearIsDateType", "false", "allowPublicKeyRetrieval", "true"), new String[0]),
                arguments("the user's choice wins over defaults", "mysql://h/dev?tinyInt1isBit=true",
                        Map.of("tinyInt1isBit", "true"), new String[0]),
                arguments("no public key retrieval default on MariaDB", "maria://h/dev",
                        Map.of("tinyInt1isBit", "false"), new String[] {"allowPublicKeyRetrieval"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameters")
    void mapsQueryParameters(String name, String atlas, Map<String, String> expected, String[] absent) {
        MysqlUrl url = MysqlUrl.of(DatabaseUrl.parse(atlas));

        assertThat(url.properties()).containsAllEntriesOf(expected).doesNotContainKeys(absent);
    }

    @ParameterizedTest
    @CsvSource({"mysql+unix:///tmp/mysql.sock?database=dev", "maria+unix://root:s3cret@/run/mysqld/mysqld.sock",
            "mariadb+unix:///tmp/m.sock"})
    void unixSocketUrlsAreRejectedWithAHint(String atlas) {
        assertThatThrownBy(() -> MysqlUrl.of(DatabaseUrl.parse(atlas)))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_DIALECT);
                    assertThat(e.getMessage()).startsWith("Unix-socket URLs are not supported").doesNotContain("s3cret");
                    assertThat(e.hint()).contains("://root@localhost:3306/schema");
                });
    }

    @Test
    void credentialsInTheQueryAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> MysqlUrl.of(DatabaseUrl.parse("mysql://localhost:3306/dev?user=root&password=s3cret")))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).doesNotContain("s3cret").contains("put the user before the host");
                });
    }

    @Test
    void unknownTlsValueIsAConfigurationError() {
        assertThatThrownBy(() -> MysqlUrl.of(DatabaseUrl.parse("mysql://root:s3cret@h/dev?tls=custom")))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).contains("tls=custom").doesNotContain("s3cret").contains("xxxxx");
                });
    }

    @ParameterizedTest(name = "{0} bound to {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            mysql://root:pass@localhost:3306/dev           | atlas4j_dev_1 | mysql://root:pass@localhost:3306/atlas4j_dev_1
            mysql://root:pass@localhost:3306/dev           | -             | mysql://root:pass@localhost:3306
            maria://root:p%40ss@db:3307/dev?tls=false      | other         | maria://root:p%40ss@db:3307/other?tls=false
            mysql://root@/dev                              | dev           | mysql://root@localhost:3306/dev
            """)
    void sessionUrlsSpellOutHostPortAndSchema(String atlas, String schema, String expected) {
        DatabaseUrl session = MysqlUrl.of(DatabaseUrl.parse(atlas)).withSchema(schema);

        assertThat(session.raw()).isEqualTo(expected);
        assertThat(MysqlUrl.of(session).schema()).isEqualTo(schema);
    }

    @ParameterizedTest
    @CsvSource({"5s, 5000", "1.5s, 1500", "200ms, 200", "2m, 120000", "700, 700"})
    void readsGoDurations(String text, long millis) {
        assertThat(MysqlUrl.timeoutMillis(text)).contains(millis);
    }

    @Test
    void ignoresUnreadableDurations() {
        assertThat(MysqlUrl.timeoutMillis("soon")).isEmpty();
    }
}
