package io.atlas4j.dev.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the provider does before any server starts: no binaries are needed for these. */
class EmbeddedPostgresDevDatabaseProviderTest {

    @TempDir
    Path dataRoot;

    private DevOptions options() {
        return new DevOptions(Duration.ofSeconds(5), Map.of(EmbeddedSettings.DATA_DIR, dataRoot.toString(),
                EmbeddedSettings.DOWNLOAD, "false"));
    }

    @Test
    void supportsEmbeddedUrlsOnly() {
        EmbeddedPostgresDevDatabaseProvider provider = new EmbeddedPostgresDevDatabaseProvider();
        assertThat(provider.supports(DatabaseUrl.parse("embedded://postgres/16"))).isTrue();
        assertThat(provider.supports(DatabaseUrl.parse("embedded://mysql/8"))).isTrue();
        assertThat(provider.supports(DatabaseUrl.parse("postgres://localhost/dev"))).isFalse();
        assertThat(provider.supports(DatabaseUrl.parse("docker://postgres/16"))).isFalse();
    }

    @Test
    void anUnknownMajorFailsClearlyAndStartsNothing() throws Exception {
        assertThatThrownBy(() -> DevDatabases.open(DatabaseUrl.parse("embedded://postgres/99/dev"), options()))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo("embedded://postgres/99/dev: PostgreSQL 99 is not available embedded");
                    assertThat(e.hint()).startsWith("use a major from 14 to 18, e.g. embedded://postgres/17;");
                });
        try (var files = Files.list(dataRoot)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anotherEngineIsNotEmbedded() {
        assertThatThrownBy(() -> DevDatabases.open(DatabaseUrl.parse("embedded://mysql/8"), options()))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_DIALECT);
                    assertThat(e.getMessage()).isEqualTo("embedded://mysql/8: only PostgreSQL runs embedded, not \"mysql\"");
                });
    }
}
