package io.atlas4j.dev.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.containers.ContainerLaunchException;

/** The engine's messages; starting real containers is {@code TestcontainersIT}'s. */
class TestcontainersEngineTest {

    private static ContainerRecipe recipe(String image, String password) {
        return new ContainerRecipe(image, 5432, Map.of("POSTGRES_PASSWORD", password), List.of(), "postgres", "postgres",
                password, "dev", Map.of());
    }

    @Test
    void anImageThatCannotBePulledIsNamed() {
        RuntimeException thrown = new ContainerLaunchException("Container startup failed for image postgres:99",
                new ContainerFetchException("Can't get Docker image: RemoteDockerImage(imageName=postgres:99)",
                        new IllegalStateException("manifest for postgres:99 not found: manifest unknown")));

        Atlas4jException e = TestcontainersEngine.failure(recipe("postgres:99", "pass"), thrown);

        assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
        assertThat(e.getMessage()).isEqualTo(
                "cannot pull image \"postgres:99\": manifest for postgres:99 not found: manifest unknown");
        assertThat(e.hint()).contains("docker pull postgres:99");
        assertThat(e.getCause()).isSameAs(thrown);
    }

    @Test
    void aContainerThatNeverListensTimesOutAfterOneMinute() {
        RuntimeException thrown = new ContainerLaunchException("Container startup failed for image postgres:16",
                new ContainerLaunchException("Timed out waiting for container port to open (localhost ports: [55001]"
                        + " should be listening)"));

        Atlas4jException e = TestcontainersEngine.failure(recipe("postgres:16", "pass"), thrown);

        assertThat(e.getMessage()).isEqualTo("container postgres:16 did not become ready within 60s");
        assertThat(e.hint()).contains("?v");
    }

    @Test
    void otherFailuresGiveTheRootCauseWithoutThePassword() {
        RuntimeException thrown = new ContainerLaunchException("Container startup failed",
                new IllegalStateException("container exited with env [MSSQL_SA_PASSWORD=P@ssw0rd0995, ACCEPT_EULA=Y]"));

        Atlas4jException e = TestcontainersEngine.failure(recipe("mcr.microsoft.com/mssql/server:2022-latest", "P@ssw0rd0995"),
                thrown);

        assertThat(e.getMessage()).isEqualTo("cannot start container mcr.microsoft.com/mssql/server:2022-latest:"
                + " container exited with env [MSSQL_SA_PASSWORD=xxxxx, ACCEPT_EULA=Y]");
    }

    @Test
    void anInvalidImageNameIsAConfigurationErrorFoundBeforeDocker() {
        assertThatThrownBy(() -> new TestcontainersEngine().start(recipe("Not An/Image!!", "pass"), false, null))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("invalid docker image \"Not An/Image!!\"");
                });
    }
}
