package io.atlas4j.dev;

import java.time.Duration;
import java.util.Map;

/**
 * Settings for opening a dev database.
 *
 * @param connectTimeout how long to wait for the server
 * @param properties provider-specific settings ({@code atlas4j.<dialect>.*}, {@code atlas4j.dev.*})
 */
public record DevOptions(Duration connectTimeout, Map<String, String> properties) {

    public DevOptions {
        properties = Map.copyOf(properties);
    }

    /** Defaults: a 10 s connect timeout, no properties. */
    public static DevOptions defaults() {
        return new DevOptions(Duration.ofSeconds(10), Map.of());
    }
}
