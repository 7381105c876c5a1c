package io.atlas4j.cli.migrate;

import io.atlas4j.cli.Atlas4jCommand;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.apply.ApplyOptions;
import io.atlas4j.time.GoDuration;
import io.atlas4j.migrate.apply.Migrator;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags every command that changes or reads a target database's revisions shares ({@code --url},
 * {@code --dir}, {@code --dir-format}, {@code --revisions-schema}), and opening the validated directory
 * with a {@link Migrator}.
 */
final class TargetDatabase {

    @Option(names = {"-u", "--url"}, paramLabel = "URL", description = "The database to migrate (default: the env's url).")
    String url;

    @Mixin
    DirOptions directory;

    /** The resolved directory URL, set when the command runs. */
    String dir;

    @Option(names = "--revisions-schema", paramLabel = "NAME",
            description = "The schema of the atlas_schema_revisions table (default: the URL's schema).")
    String revisionsSchema;

    /**
     * Fills the flags left unset from the selected env ({@code url}, {@code migration.dir},
     * {@code migration.format}, {@code migration.revisions_schema}); call once, before the others.
     */
    void fill(EnvDefaults env) {
        url = env.url(url);
        dir = directory.resolve(env);
        revisionsSchema = env.revisionsSchema(revisionsSchema);
    }

    /** The directory, checked against its {@code atlas.sum} (a checksum error propagates). */
    MigrationDir openValidated(CommandSpec spec) {
        MigrationDir migrations = MigrationDir.open(dir, Atlas4jCommand.of(spec).workingDir());
        migrations.validate();
        return migrations;
    }

    /** The migrator for {@code --url}, which is required. */
    Migrator migrator(MigrationDir migrations) {
        if (url == null || url.isBlank()) {
            throw new Atlas4jException(ErrorCode.USAGE, "required flag \"url\" not set",
                    "pass the database to migrate with --url, e.g. --url \"sqlite://app.db\", or select an env with --env", null);
        }
        return Migrator.of(DatabaseUrl.parse(url), migrations);
    }

    /** A {@code --lock-timeout} value. */
    static Duration lockTimeout(String value) {
        return value == null ? ApplyOptions.DEFAULT_LOCK_TIMEOUT : GoDuration.parse(value);
    }

    /** What the revisions table records as {@code operator_version}: {@code Atlas4J CLI v<version>}. */
    static String operatorVersion() {
        Properties properties = new Properties();
        try (InputStream in = Atlas4jCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "Atlas4J CLI v" + properties.getProperty("version", "unknown");
    }
}
