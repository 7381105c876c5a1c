package io.atlas4j.cli.options;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings for the dev-database providers: {@code -Datlas4j.dev.*} / {@code -Datlas4j.<dialect>.*}
 * system properties (through {@code ATLAS4J_JAVA_OPTS}), then the flags that have their own name.
 */
public final class DevProperties {

    private static final List<String> PREFIXES = List.of("atlas4j.dev.", "atlas4j.embedded.", "atlas4j.sqlite.",
            "atlas4j.postgres.", "atlas4j.mysql.");

    private DevProperties() {
    }

    /**
     * @param dockerFallback {@code --docker-fallback}, or null
     */
    public static Map<String, String> from(Properties system, String dockerFallback) {
        Map<String, String> out = new TreeMap<>();
        for (String key : system.stringPropertyNames()) {
            if (PREFIXES.stream().anyMatch(key::startsWith)) {
                out.put(key, system.getProperty(key));
            }
        }
        if (dockerFallback != null) {
            out.put("atlas4j.dev.docker-fallback", dockerFallback);
        }
        return out;
    }
}
