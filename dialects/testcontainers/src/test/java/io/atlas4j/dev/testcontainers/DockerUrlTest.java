package io.atlas4j.dev.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DockerUrlTest {

    /** §8.1: the last segment is the database when there are at least two and it holds no ':'. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            docker://mysql/8/dev                       | mysql      | 8            | dev
            docker://mysql/8                           | mysql      | 8            | null
            docker://mysql                             | mysql      | ''           | null
            docker://mysql/                            | mysql      | ''           | null
            docker://postgres/16/                      | postgres   | 16           | null
            docker://maria/latest/dev                  | maria      | latest       | dev
            docker://postgis/14-3.4/dev                | postgis    | 14-3.4       | dev
            docker://pgvector/pg17/dev                 | pgvector   | pg17         | dev
            docker://sqlserver/2022-latest/dev         | sqlserver  | 2022-latest  | dev
            docker://clickhouse/23.11/dev              | clickhouse | 23.11        | dev
            docker://POSTGRES/16/dev                   | postgres   | 16           | dev
            """)
    void knownImageForm(String raw, String driver, String tag, String database) {
        DockerUrl url = DockerUrl.parse(raw);

        assertThat(url.driver()).isEqualTo(driver);
        assertThat(url.tag()).isEqualTo(tag);
        assertThat(url.database()).isEqualTo(database);
        assertThat(url.isCustomImage()).isFalse();
        assertThat(url.customImage()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            docker+postgres://ghcr.io/ns/img:tag/dev       | postgres | ghcr.io/ns/img:tag           | dev
            docker+postgres://_/local/dev                  | postgres | local                        | dev
            docker+postgres://_/postgres:16/dev            | postgres | postgres:16                  | dev
            docker+mysql:///local/dev                      | mysql    | local                        | dev
            docker+postgres://org/image/dev                | postgres | org/image                    | dev
            docker+postgres://_/postgres:16                | postgres | postgres:16                  | null
            docker+postgres://_/postgres                   | postgres | postgres                     | null
            docker+maria://registry:5000/team/maria:11/app | maria    | registry:5000/team/maria:11  | app
            docker+clickhouse://_/a/b/c:1                  | clickhouse | a/b/c:1                    | null
            """)
    void customImageForm(String raw, String driver, String image, String database) {
        DockerUrl url = DockerUrl.parse(raw);

        assertThat(url.driver()).isEqualTo(driver);
        assertThat(url.customImage()).isEqualTo(image);
        assertThat(url.isCustomImage()).isTrue();
        assertThat(url.tag()).isNull();
        assertThat(url.database()).isEqualTo(database);
    }

    @Test
    void verboseParametersAreRemovedAndRemembered() {
        DockerUrl url = DockerUrl.parse("docker://postgres/16/dev?v&search_path=public&verbose=1");

        assertThat(url.verbose()).isTrue();
        assertThat(url.params()).containsExactly(Map.entry("search_path", "public"));
    }

    @Test
    void otherParametersAreKeptDecodedInOrder() {
        DockerUrl url = DockerUrl.parse("docker://sqlserver/2022-latest/dev?mode=schema&app=a%20b&x=1+2");

        assertThat(url.verbose()).isFalse();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("mode", "schema");
        expected.put("app", "a b");
        expected.put("x", "1+2");
        assertThat(url.params()).containsExactlyEntriesOf(expected);
    }

    @Test
    void noParameters() {
        DockerUrl url = DockerUrl.parse("docker://mysql/8/dev");

        assertThat(url.verbose()).isFalse();
        assertThat(url.params()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "docker+postgres", "DOCKER+mysql", "docker+sqlserver"})
    void dockerSchemes(String scheme) {
        assertThat(DockerUrl.isDockerScheme(scheme)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "docker+", "dockerx", "embedded", "sqlite"})
    void otherSchemes(String scheme) {
        assertThat(DockerUrl.isDockerScheme(scheme)).isFalse();
    }

    @Test
    void notADockerUrl() {
        assertThatThrownBy(() -> DockerUrl.parse("postgres://u:secret@h/db"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("not a docker URL: \"postgres://u:xxxxx@h/db\"");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker+postgres://_/", "docker+postgres://", "docker+mysql:///"})
    void customFormWithoutImage(String raw) {
        assertThatThrownBy(() -> DockerUrl.parse(raw))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).contains("names no image");
                });
    }

    @Test
    void masksPasswordsInParameters() {
        DockerUrl url = DockerUrl.parse("docker://postgres/16/dev?password=secret");

        assertThat(url.masked()).isEqualTo("docker://postgres/16/dev?password=xxxxx");
        assertThat(url.toString()).doesNotContain("secret");
    }
}
