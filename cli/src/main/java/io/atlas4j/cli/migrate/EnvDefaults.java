package io.atlas4j.cli.migrate;

import io.atlas4j.cli.Atlas4jCommand;
import io.atlas4j.cli.options.FlagOrEnv;
import io.atlas4j.cli.options.ProjectOptions;
import io.atlas4j.config.EnvConfig;
import io.atlas4j.config.MigrationConfig;
import io.atlas4j.migrate.MigrationDir;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The values the selected env of the project file gives the migrate commands' flags, with Atlas's
 * precedence: a flag given on the command line wins, the env fills only flags left unset, and only with
 * non-empty values. Without {@code --env} the project file gives nothing (with {@code --config} alone only
 * its global blocks count, and these commands read none of them).
 */
final class EnvDefaults {

    private final Optional<EnvConfig> env;

    private EnvDefaults(Optional<EnvConfig> env) {
        this.env = env;
    }

    /** Reads the project file named by the command's {@code --env} / {@code --config}, if any. */
    static EnvDefaults of(ProjectOptions project, CommandSpec spec) {
        return new EnvDefaults(project.selectedEnv(Atlas4jCommand.of(spec).workingDir()));
    }

    private MigrationConfig migration() {
        return env.map(EnvConfig::migration).orElse(MigrationConfig.NONE);
    }

    /** {@code --url}, else the env's {@code url}; null when neither is set. */
    String url(String flag) {
        return pick(flag, env.map(EnvConfig::url).orElse(null));
    }

    /**
     * The migration directory URL: {@code --dir}, else {@code migration.dir}, else
     * {@value MigrationDir#DEFAULT_URL}; with {@code --dir-format} (or {@code migration.format}) appended
     * as {@code ?format=} when the URL does not name a format itself, as Atlas does.
     */
    String dir(String dirFlag, String formatFlag) {
        String dir = pick(dirFlag, migration().dir());
        if (dir == null) {
            dir = MigrationDir.DEFAULT_URL;
        }
        String format = pick(formatFlag, migration().format());
        if (format == null || dir.matches(".*[?&]format=.*")) {
            return dir;
        }
        return dir + (dir.contains("?") ? "&" : "?") + "format=" + format;
    }

    /** {@code --dev-url}, else the env's {@code dev}; null when neither is set. */
    String devUrl(String flag) {
        return pick(flag, env.map(EnvConfig::dev).orElse(null));
    }

    /** {@code --baseline}, else {@code migration.baseline}. */
    String baseline(String flag) {
        return pick(flag, migration().baseline());
    }

    /** {@code --revisions-schema}, else {@code migration.revisions_schema}. */
    String revisionsSchema(String flag) {
        return pick(flag, migration().revisionsSchema());
    }

    /** {@code --exec-order}, else {@code migration.exec_order}, else {@code linear}. */
    String execOrder(String flag) {
        String order = pick(flag, migration().execOrder());
        return order == null ? "linear" : order;
    }

    /** {@code --lock-timeout}, else {@code migration.lock_timeout}; null for the default. */
    String lockTimeout(String flag) {
        return pick(flag, migration().lockTimeout());
    }

    /** The env this command selected, for the values no flag stands for ({@code src}). */
    Optional<EnvConfig> env() {
        return env;
    }

    private static String pick(String flag, String envValue) {
        return FlagOrEnv.pick(flag, envValue);
    }
}
