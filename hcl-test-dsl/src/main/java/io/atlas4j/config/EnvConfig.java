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
 * @param schemas the {@code schemas} the env manages (empty: all)
 * @param exclude the {@code exclude} patterns
 * @param diff the {@code diff} policy
 */
public record EnvConfig(String name, String url, String dev, List<String> src, String migrationDir,
                        Optional<TestBlock> test, MigrationConfig migration, List<String> schemas, List<String> exclude,
                        DiffPolicy diff) {

    public EnvConfig {
        src = List.copyOf(src);
        migration = migration == null ? MigrationConfig.NONE : migration;
        schemas = List.copyOf(schemas);
        exclude = List.copyOf(exclude);
        diff = diff == null ? DiffPolicy.NONE : diff;
    }

    /** An env without schema scoping or diff policy. */
    public EnvConfig(String name, String url, String dev, List<String> src, String migrationDir,
                     Optional<TestBlock> test, MigrationConfig migration) {
        this(name, url, dev, src, migrationDir, test, migration, List.of(), List.of(), DiffPolicy.NONE);
    }

    /** An env whose {@code migration} block sets at most {@code dir}. */
    public EnvConfig(String name, String url, String dev, List<String> src, String migrationDir, Optional<TestBlock> test) {
        this(name, url, dev, src, migrationDir, test,
                new MigrationConfig(migrationDir, null, null, null, null, null));
    }
}
