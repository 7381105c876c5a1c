package io.atlas4j.cli.migrate;

import io.atlas4j.cli.Atlas4jCommand;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.ChecksumMismatchException;
import io.atlas4j.migrate.MigrationDir;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import io.atlas4j.cli.options.ProjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j migrate validate [--dir URL]}: checks the migration directory against its
 * {@code atlas.sum}; prints nothing when it matches.
 *
 * <p>On a mismatch it prints Atlas's report on standard output ("You have a checksum error ...", the
 * added, edited or removed file, the advice to re-hash) and {@code Error: checksum mismatch} on standard
 * error, and exits with {@link ErrorCode#CHECKSUM_MISMATCH}'s code. Replaying the directory on a dev
 * database ({@code --dev-url}) is not supported yet: the flag is refused after the integrity check.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Validate the migration directory against its atlas.sum integrity file.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} validate",
            "  ${PARENT-COMMAND-FULL-NAME} validate --dir file://db/migrations",
        },
        optionListHeading = "%nOptions:%n")
public final class MigrateValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DirOptions directory;

    /** The resolved directory URL, set when the command runs. */
    String dir;

    @Mixin
    ProjectOptions project;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "A dev database to replay the directory on (not supported yet).")
    String devUrl;

    @Override
    public Integer call() {
        // The env's dev URL is not taken: replaying on a dev database is not supported yet, and an env
        // naming one would make every validate fail.
        dir = directory.resolve(EnvDefaults.of(project, spec));
        MigrationDir migrations = MigrationDir.open(dir, Atlas4jCommand.of(spec).workingDir());
        try {
            migrations.validate();
        } catch (ChecksumMismatchException e) {
            return printChecksumError(e, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (devUrl != null) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "migrate validate --dev-url is not supported yet: Atlas4J cannot replay a migration directory "
                            + "on a dev database",
                    "atlas.sum of " + migrations + " is valid; run without --dev-url to check integrity only", null);
        }
        return 0;
    }

    /**
     * Prints a checksum error the way Atlas does (report on {@code out}, {@code Error: <message>} on
     * {@code err}) and returns the exit code for it.
     */
    static int printChecksumError(ChecksumMismatchException e, PrintWriter out, PrintWriter err) {
        out.print(e.report());
        out.flush();
        err.println("Error: " + e.getMessage());
        err.flush();
        return e.code().exitCode();
    }
}
