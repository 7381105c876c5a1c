package io.atlas4j.cli.migrate;

import io.atlas4j.migrate.MigrationDir;
import picocli.CommandLine.Option;

/** {@code --dir} and {@code --dir-format}, shared by every command that reads a migration directory. */
final class DirOptions {

    @Option(names = "--dir", paramLabel = "URL",
            description = "The migration directory (default: the env's migration.dir, else " + MigrationDir.DEFAULT_URL + ").")
    String dir;

    @Option(names = "--dir-format", paramLabel = "FORMAT",
            description = "The migration directory format (default: the env's migration.format, else atlas).")
    String dirFormat;

    /** The directory URL: the flags, else the env's migration block, else the default. */
    String resolve(EnvDefaults env) {
        return env.dir(dir, dirFormat);
    }
}
