package io.atlas4j.cli.migrate;

import io.atlas4j.cli.TestCommand;
import io.atlas4j.config.TestRequest;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.testdsl.TestKind;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atlas4j migrate test [flags] [paths]}: runs the {@code test "migrate"} cases of test files
 * against a migration directory.
 *
 * <p>Migration directories are not implemented yet: the command accepts Atlas's flags and then stops
 * with a configuration error, before touching any database.
 */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run migration tests (test \"migrate\" cases of *.test.hcl files) against a dev database.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} test --dev-url \"sqlite://dev?mode=memory\" \\",
            "      --dir file://migrations .",
            "  ${PARENT-COMMAND-FULL-NAME} test --env dev ./tests",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n")
public final class MigrateTestCommand extends TestCommand {

    /** The migration directory used when neither {@code --dir} nor the env names one. */
    public static final String DEFAULT_DIR = "file://migrations";

    @Option(names = "--dir", paramLabel = "URL",
            description = "The migration directory (default: the env's migration.dir, else " + DEFAULT_DIR + ").")
    String dir;

    @Option(names = "--dir-format", paramLabel = "FORMAT",
            description = "The migration directory format (default: the env's migration.format, else atlas).")
    String dirFormat;

    @Option(names = "--revisions-schema", paramLabel = "NAME",
            description = "The schema holding the revisions table.")
    String revisionsSchema;

    @Override
    public Integer call() {
        // Built (and so validated: --var, --run) now, so the later implementation only replaces the throw
        // below with runTests(request) once the runtime reads migration directories and TestRequest
        // carries --dir-format and --revisions-schema.
        TestRequest request = new TestRequest(TestKind.MIGRATE, workingDir(), project.config(), project.env(),
                project.vars(), devUrl.devUrl(), List.of(), dir, runFilter.run(), output.strictOutput(), 0);
        throw unsupported(request);
    }

    private static Atlas4jException unsupported(TestRequest request) {
        return new Atlas4jException(ErrorCode.CONFIGURATION,
                "migrate test needs migration directories, which Atlas4J does not support yet",
                "run the test \"schema\" cases with 'atlas4j schema test'; migrate test comes with migration "
                        + "directory support",
                null);
    }
}
