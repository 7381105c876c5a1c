package io.atlas4j.config;

import java.util.List;
import java.util.Optional;

/**
 * The settings of the selected {@code env} block that the commands read.
 *
 * @param name the env's name
 * @param url target database ({@code url}), or null
 * @param dev dev database ({@code dev}), or null
 * @param src desired state URLs ({@code src} or {@code schema { src }}), scheme-less entries made
 *     {@code file://} absolute paths
 * @param migrationDir {@code migration { dir }}, or null
 * @param test the env's own {@code test} block, if any
 * @param migration the whole {@code migration} block ({@link MigrationConfig#NONE} when absent); its
 *     {@code dir} equals {@code migrationDir}
 */
public record EnvConfig(String name, String url, String dev, List<String> src, String migrationDir,
                        Optional<TestBlock> test, MigrationConfig migration) {

    public EnvConfig {
        src = List.copyOf(src);
        migration = migration == null ? MigrationConfig.NONE : migration;
    }

    /** An env whose {@code migration} block sets at most {@code dir}. */
    public EnvConfig(String name, String url, String dev, List<String> src, String migrationDir, Optional<TestBlock> test) {
        this(name, url, dev, src, migrationDir, test,
                new MigrationConfig(migrationDir, null, null, null, null, null));
    }
}
