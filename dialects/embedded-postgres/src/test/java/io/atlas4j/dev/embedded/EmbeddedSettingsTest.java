package io.atlas4j.dev.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedSettingsTest {

    private static EmbeddedSettings of(Map<String, String> properties) {
        return EmbeddedSettings.of(new DevOptions(Duration.ofSeconds(5), properties));
    }

    @Test
    void defaults() {
        EmbeddedSettings settings = of(Map.of(EmbeddedSettings.DOWNLOAD, ""));
        assertThat(settings.download()).isTrue();
        assertThat(settings.repository()).isEqualTo(URI.create("https://repo.maven.apache.org/maven2/"));
        assertThat(settings.dataRoot()).isNull();
        assertThat(settings.localRepository()).isNotNull();
    }

    @Test
    void readsOptions() {
        EmbeddedSettings settings = of(Map.of(EmbeddedSettings.DOWNLOAD, "FALSE",
                EmbeddedSettings.REPOSITORY, "https://mirror.example/maven2",
                EmbeddedSettings.DATA_DIR, "/var/tmp/pg"));
        assertThat(settings.download()).isFalse();
        assertThat(settings.repository()).isEqualTo(URI.create("https://mirror.example/maven2"));
        assertThat(settings.dataRoot()).isEqualTo(Path.of("/var/tmp/pg"));
    }

    @ParameterizedTest
    @CsvSource({
            "atlas4j.embedded.download,   yes,             use true (the default) or false",
            "atlas4j.embedded.repository, ftp://x/maven2,  give the base URL of a Maven repository",
            "atlas4j.embedded.repository, not a url,       give the base URL of a Maven repository",
    })
    void invalidValues(String key, String value, String hint) {
        assertThatThrownBy(() -> of(Map.of(key, value)))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("invalid " + key + " \"" + value + "\"");
                    assertThat(e.hint()).startsWith(hint);
                });
    }
}
