package io.atlas4j.dev.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waiting for a server that never answers (running setup statements is ContainerFlowOnServerIT's). */
class DialectServerSetupTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void givesUpAtTheDeadlineWithoutShowingThePassword() throws IOException {
        DatabaseUrl admin = DatabaseUrl.parse("postgres://postgres:pass@localhost:" + closedPort() + "/?sslmode=disable");
        Instant start = Instant.now();

        assertThatThrownBy(() -> new DialectServerSetup().run(admin, List.of("CREATE DATABASE x"),
                Instant.now().plusMillis(300)))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).startsWith("the server in the container did not accept a login within 60s: ");
                    assertThat(e.getMessage()).doesNotContain(":pass@");
                    assertThat(e.hint()).contains("?v");
                });
        // It polled until the deadline rather than giving up at the first refusal.
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void needsTheDialectOfTheUrl() {
        DatabaseUrl admin = DatabaseUrl.parse("clickhouse://default:pass@localhost:9000/");

        assertThatThrownBy(() -> new DialectServerSetup().run(admin, List.of(), Instant.now()))
                .isInstanceOfSatisfying(Atlas4jException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_DIALECT));
    }
}
