package io.atlas4j.migrate.apply;

import java.time.Duration;
import java.util.Objects;

/**
 * The flags of {@code migrate apply}.
 *
 * @param amount how many pending files to apply; 0 for all
 * @param txMode {@code --tx-mode}
 * @param execOrder {@code --exec-order}
 * @param baseline {@code --baseline} version, or null
 * @param allowDirty {@code --allow-dirty}
 * @param dryRun {@code --dry-run}: print the statements without executing them, write no revision; the
 *     pre-migration checks of txtar files still run (rolled back), see {@link Migrator#apply}
 * @param lockTimeout {@code --lock-timeout}
 * @param revisionsSchema {@code --revisions-schema}, or null
 * @param operatorVersion what to store in {@code operator_version}
 */
public record ApplyOptions(int amount, TxMode txMode, ExecOrder execOrder, String baseline, boolean allowDirty,
                           boolean dryRun, Duration lockTimeout, String revisionsSchema, String operatorVersion) {

    /** Atlas's default wait for the lock. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    public ApplyOptions {
        Objects.requireNonNull(txMode, "txMode");
        Objects.requireNonNull(execOrder, "execOrder");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        operatorVersion = operatorVersion == null ? "" : operatorVersion;
    }
}
