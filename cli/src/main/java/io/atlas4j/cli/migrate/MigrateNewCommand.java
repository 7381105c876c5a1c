package io.atlas4j.cli.migrate;

import io.atlas4j.cli.Atlas4jCommand;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.ChecksumMismatchException;
import io.atlas4j.migrate.MigrationDir;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.atlas4j.migrate.format.GeneratedFile;
import io.atlas4j.migrate.format.MigrationWriter;
import io.atlas4j.plan.Plan;
import java.time.Clock;
import java.util.List;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import io.atlas4j.cli.options.ProjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j migrate new [name] [--dir URL]}: adds an empty migration file
 * {@code <yyyyMMddHHmmss UTC>[_name].sql} to the directory and re-hashes its {@code atlas.sum}. Like
 * Atlas, it prints nothing on success, creates the directory when it does not exist yet, and refuses a
 * directory whose {@code atlas.sum} does not match.
 */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Create a new, empty migration file and update atlas.sum.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} new",
            "  ${PARENT-COMMAND-FULL-NAME} new add_users --dir file://db/migrations",
        },
        optionListHeading = "%nOptions:%n")
public final class MigrateNewCommand implements Callable<Integer> {

    /** Atlas's version format for generated files: the current time in UTC. */
    static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "name", description = "Appended to the version as _name.")
    String name;

    @Mixin
    DirOptions directory;

    /** The resolved directory URL, set when the command runs. */
    String dir;

    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() {
        Path workingDir = Atlas4jCommand.of(spec).workingDir();
        dir = directory.resolve(EnvDefaults.of(project, spec));
        createMissingDirectory(workingDir);
        MigrationDir migrations = MigrationDir.open(dir, workingDir);
        try {
            migrations.validate();
        } catch (ChecksumMismatchException e) {
            return MigrateValidateCommand.printChecksumError(e, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        String version = VERSION.format(Clock.systemUTC().instant());
        // An empty plan gives each format's empty files: one .sql for Atlas, .up/.down for golang-migrate, ...
        List<GeneratedFile> files = MigrationWriter.files(migrations.format(),
                new Plan("new", true, List.of(), List.of()), version, name);
        for (GeneratedFile generated : files) {
            Path file = migrations.path().resolve(generated.name());
            if (!file.getParent().equals(migrations.path())) {
                throw new Atlas4jException(ErrorCode.USAGE, "migration name \"" + name + "\" is not a plain file name",
                        "drop the path separators from the name", null);
            }
            try {
                Files.write(file, generated.bytes(), java.nio.file.StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                // Two files created within the same second: overwriting would lose the first one's content.
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "migration file " + file + " already exists",
                        "wait a second, or pass another name", e);
            } catch (IOException e) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot create " + file + ": " + e.getMessage(), e);
            }
        }
        // The directory is re-read so the sum includes the new file.
        MigrationDir.open(migrations.path(), migrations.format()).writeSumFile();
        return 0;
    }

    /** Like Atlas, the first {@code migrate new} of a project creates the directory; other URLs are left to open. */
    private void createMissingDirectory(Path workingDir) {
        if (!dir.startsWith("file://")) {
            return;
        }
        String location = dir.substring("file://".length()).replaceFirst("\\?.*$", "");
        Path path = workingDir.resolve(location.isEmpty() ? "migrations" : location);
        if (Files.exists(path)) {
            return;
        }
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot create migration directory " + path + ": "
                    + e.getMessage(), e);
        }
    }
}
