package io.atlas4j.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.atlas4j.url.DatabaseUrl;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PostgresConnectionSpecTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of("postgres://postgres:pass@localhost:5432/dev?sslmode=disable&search_path=public",
                        "jdbc:postgresql://localhost:5432/dev",
                        Map.of("user", "postgres", "password", "pass", "sslmode", "disable", "currentSchema", "public")),
                Arguments.of("postgresql://u@db.example.com/app",
                        "jdbc:postgresql://db.example.com:5432/app",
                        Map.of("user", "u", "sslmode", "require")),
                Arguments.of("postgres://:5433/dev?sslmode=verify-full&sslrootcert=/etc/ca.pem",
                        "jdbc:postgresql://localhost:5433/dev",
                        Map.of("sslmode", "verify-full", "sslrootcert", "/etc/ca.pem")),
                Arguments.of("postgres://bob:pw@[::1]:6000",
                        "jdbc:postgresql://[::1]:6000/bob",
                        Map.of("user", "bob")),
                Arguments.of("postgres://u:p@h/my%20db?connect_timeout=3&application_name=it",
                        "jdbc:postgresql://h:5432/my%20db",
                        Map.of("connectTimeout", "3", "ApplicationName", "it")),
                Arguments.of("postgres://u:p@h/db?statement_timeout=5s&search_path=a,b&binary_parameters=yes",
                        "jdbc:postgresql://h:5432/db",
                        Map.of("options", "-c statement_timeout=5s", "currentSchema", "a,b")),
                Arguments.of("postgres://u:p@h/db?options=-c%20work_mem%3D64MB&lock_timeout=1s",
                        "jdbc:postgresql://h:5432/db",
                        Map.of("options", "-c work_mem=64MB -c lock_timeout=1s")),
                Arguments.of("postgres://u:p@h/db?x.custom=a%20b",
                        "jdbc:postgresql://h:5432/db",
                        Map.of("options", "-c x.custom=a\\ b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void mapsAtlasUrlsToPgJdbc(String url, String jdbcUrl, Map<String, String> expected) {
        PostgresConnectionSpec spec = PostgresConnectionSpec.of(DatabaseUrl.parse(url), TIMEOUT);

        assertThat(spec.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(spec.properties()).containsAllEntriesOf(expected);
    }

    @Test
    void defaultsFollowLibPq() {
        PostgresConnectionSpec spec = PostgresConnectionSpec.of(DatabaseUrl.parse("postgres://u@h/db"), Duration.ofMillis(1500));

        assertThat(spec.properties()).contains(entry("sslmode", "require"), entry("connectTimeout", "2"),
                entry("ApplicationName", "atlas4j"));
        assertThat(spec.properties()).doesNotContainKeys("password", "currentSchema", "options");
        assertThat(PostgresConnectionSpec.of(DatabaseUrl.parse("postgres://u@h/db?search_path="), TIMEOUT).properties())
                .doesNotContainKeys("currentSchema", "options");
    }

    @Test
    void thePasswordNeverEntersTheJdbcUrl() {
        String password = "s3cr3t-Pw";
        PostgresConnectionSpec spec = PostgresConnectionSpec.of(
                DatabaseUrl.parse("postgres://admin:" + password + "@h:5432/db?sslmode=disable"), TIMEOUT);

        assertThat(spec.jdbcUrl()).doesNotContain(password);
        assertThat(spec.properties()).containsEntry("password", password);
    }

    @Test
    void anEscapedPasswordIsDecoded() {
        PostgresConnectionSpec spec = PostgresConnectionSpec.of(DatabaseUrl.parse("postgres://u:%26pass%3F@h/db"), TIMEOUT);

        assertThat(spec.properties()).containsEntry("password", "&pass?");
    }

    static Stream<Arguments> databaseSwaps() {
        return Stream.of(
                Arguments.of("postgres://u:p@h:5432/dev?sslmode=disable", "postgres://u:p@h:5432/c1?sslmode=disable"),
                Arguments.of("postgresql://u:p@h/dev", "postgresql://u:p@h/c1"),
                Arguments.of("postgres://u:p@h", "postgres://u:p@h/c1"),
                Arguments.of("postgres://u:p@h?search_path=public", "postgres://u:p@h/c1?search_path=public"),
                Arguments.of("postgres://u:%2Fx@h/dev?a=1&b=2", "postgres://u:%2Fx@h/c1?a=1&b=2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseSwaps")
    void sessionUrlsNameTheCloneAndKeepEverythingElse(String devUrl, String cloneUrl) {
        assertThat(PostgresDevDatabase.withDatabase(devUrl, "c1")).isEqualTo(cloneUrl);
    }
}
