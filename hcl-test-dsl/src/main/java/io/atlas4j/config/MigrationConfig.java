package io.atlas4j.config;

/**
 * The {@code migration} block of the selected env, as values of the flags it feeds. Null means "not set".
 *
 * @param dir {@code dir}: the migration directory URL ({@code --dir})
 * @param format {@code format}: the directory format, e.g. {@code atlas} ({@code --dir-format})
 * @param baseline {@code baseline}: the baseline version ({@code --baseline})
 * @param revisionsSchema {@code revisions_schema} ({@code --revisions-schema})
 * @param execOrder {@code exec_order} in its flag spelling: {@code linear}, {@code linear-skip} or
 *     {@code non-linear} ({@code --exec-order})
 * @param lockTimeout {@code lock_timeout}: a Go duration such as {@code 10s} ({@code --lock-timeout})
 */
public record MigrationConfig(String dir, String format, String baseline, String revisionsSchema, String execOrder,
                              String lockTimeout) {

    /** An env without a {@code migration} block. */
    public static final MigrationConfig NONE = new MigrationConfig(null, null, null, null, null, null);
}
