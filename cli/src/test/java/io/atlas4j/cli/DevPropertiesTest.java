package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.cli.options.DevProperties;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DevPropertiesTest {

    @Test
    void keepsProviderSettingsAndTheFallbackFlag() {
        Properties system = new Properties();
        system.setProperty("atlas4j.postgres.isolation", "template");
        system.setProperty("atlas4j.dev.docker-fallback", "embedded");
        system.setProperty("atlas4j.vars.who", "ada");
        system.setProperty("user.home", "/root");

        assertThat(DevProperties.from(system, "fail")).isEqualTo(Map.of(
                "atlas4j.postgres.isolation", "template", "atlas4j.dev.docker-fallback", "fail"));
        assertThat(DevProperties.from(system, null)).containsEntry("atlas4j.dev.docker-fallback", "embedded")
                .doesNotContainKey("atlas4j.vars.who");
    }
}
