package io.atlas4j.dev.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DockerFallbackTest {

    private static DockerRoute route(String url, boolean dockerAvailable, FallbackPolicy policy) {
        return DockerFallback.route(DockerUrl.parse(url), dockerAvailable, policy);
    }

    @ParameterizedTest
    @EnumSource(FallbackPolicy.class)
    void withDockerEveryUrlRunsAContainer(FallbackPolicy policy) {
        for (String url : new String[] {"docker://postgres/16/dev", "docker://mysql/8/dev", "docker+postgres://_/x/dev"}) {
            assertThat(route(url, true, policy)).as(url).isInstanceOf(DockerRoute.Container.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            docker://postgres/16/dev                    | embedded://postgres/16/dev
            docker://postgres/16                        | embedded://postgres/16
            docker://postgres/16-alpine/dev             | embedded://postgres/16/dev
            docker://postgres/15.4-bookworm/app         | embedded://postgres/15/app
            docker://postgres/17/dev?search_path=public | embedded://postgres/17/dev?search_path=public
            docker://postgres/14/dev?v&search_path=a    | embedded://postgres/14/dev?search_path=a&v
            docker://postgres/latest/dev                | embedded://postgres/18/dev
            docker://postgres                           | embedded://postgres/18
            docker://postgres/alpine3.20/dev            | embedded://postgres/18/dev
            """)
    void withoutDockerPostgresFallsBackToEmbedded(String docker, String embedded) {
        DockerRoute route = route(docker, false, FallbackPolicy.EMBEDDED);

        assertThat(route).isEqualTo(new DockerRoute.Embedded(embedded,
                "atlas4j: no Docker engine found; using " + embedded + " instead of " + docker
                        + " (set atlas4j.dev.docker-fallback=fail to turn this off)"));
    }

    @Test
    void theNoticeIsOneLine() {
        DockerRoute.Embedded route = (DockerRoute.Embedded) route("docker://postgres/16/dev", false, FallbackPolicy.EMBEDDED);

        assertThat(route.notice()).isEqualTo("atlas4j: no Docker engine found; using embedded://postgres/16/dev instead of"
                + " docker://postgres/16/dev (set atlas4j.dev.docker-fallback=fail to turn this off)");
        assertThat(route.notice()).doesNotContain("\n");
    }

    @Test
    void theNoticeMasksPasswords() {
        DockerRoute.Embedded route = (DockerRoute.Embedded) route("docker://postgres/16/dev?password=secret", false,
                FallbackPolicy.EMBEDDED);

        assertThat(route.url()).isEqualTo("embedded://postgres/16/dev?password=secret");
        assertThat(route.notice()).doesNotContain("secret").contains("password=xxxxx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker://postgres/16/dev", "docker://mysql/8/dev"})
    void failPolicyNeverFallsBack(String url) {
        assertThat(route(url, false, FallbackPolicy.FAIL)).isInstanceOf(DockerRoute.NoDocker.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "docker://mysql/8/dev", "docker://maria/11/dev", "docker://sqlserver/2022-latest/dev", "docker://clickhouse/24/dev",
        // Images with extensions or content an embedded server lacks.
        "docker://postgis/16-3.4/dev", "docker://pgvector/pg17/dev", "docker+postgres://_/postgres:16/dev",
    })
    void onlyThePlainPostgresImageFallsBack(String url) {
        assertThat(route(url, false, FallbackPolicy.EMBEDDED)).isInstanceOf(DockerRoute.NoDocker.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            16             | 16
            16-alpine      | 16
            16.4           | 16
            9.6            | 9
            18beta1        | 18
            """)
    void majorIsTheLeadingNumber(String tag, int major) {
        assertThat(DockerFallback.postgresMajor(tag)).hasValue(major);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "alpine", "alpine3.20", "bookworm"})
    void tagsWithoutLeadingNumberHaveNoMajor(String tag) {
        assertThat(DockerFallback.postgresMajor(tag)).isEqualTo(OptionalInt.empty());
    }

    @Test
    void noDockerEngineMessage() {
        Atlas4jException e = DockerFallback.noDockerEngine(DockerUrl.parse("docker://mysql/8/dev"));

        assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
        assertThat(e.getMessage()).isEqualTo("docker://mysql/8/dev: no Docker engine found");
        assertThat(e.hint()).isEqualTo(
                "start Docker (or set DOCKER_HOST), or use embedded://postgres/N, sqlite:// or a running server's URL");
    }

    @Test
    void noDockerEngineMessageMasksPasswords() {
        Atlas4jException e = DockerFallback.noDockerEngine(DockerUrl.parse("docker://mysql/8/dev?password=secret"));

        // Not the exact text: io.atlas4j.url.Redaction takes the ':' after a masked parameter value as part of it.
        assertThat(e.getMessage()).startsWith("docker://mysql/8/dev?password=xxxxx").doesNotContain("secret");
    }

    // ---- the setting ------------------------------------------------------------------------------

    private static DevOptions options(Map<String, String> properties) {
        return new DevOptions(Duration.ofSeconds(1), properties);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"embedded, EMBEDDED", "fail, FAIL", "FAIL, FAIL", "' embedded ', EMBEDDED"})
    void policySetting(String value, FallbackPolicy expected) {
        assertThat(FallbackPolicy.of(options(Map.of(FallbackPolicy.PROPERTY, value)))).isEqualTo(expected);
    }

    @Test
    void policyDefaultsToEmbedded() {
        assertThat(FallbackPolicy.of(DevOptions.defaults())).isEqualTo(FallbackPolicy.EMBEDDED);
    }

    @Test
    void invalidPolicy() {
        assertThatThrownBy(() -> FallbackPolicy.of(options(Map.of(FallbackPolicy.PROPERTY, "docker"))))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("invalid atlas4j.dev.docker-fallback \"docker\"");
                    assertThat(e.hint()).isEqualTo("use embedded (the default) or fail");
                });
    }
}
