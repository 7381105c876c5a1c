package io.atlas4j.cli.migrate;

import io.atlas4j.cli.TestCommand;
import io.atlas4j.cli.options.DevProperties;
import io.atlas4j.time.GoDuration;
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
 * <p>Each case starts from an empty dev database; {@code migrate { to }} steps apply the directory's
 * files forward. The directory's {@code atlas.sum} is checked before any case runs. Only the {@code atlas}
 * directory format is read; {@code --revisions-schema} is accepted but no revisions table is written.
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

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "The longest a case may run (e.g. 30s, 2m) (default: no limit).")
    String timeout;

    @Override
    public Integer call() {
        if (dirFormat != null && !"atlas".equals(dirFormat)) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "unsupported --dir-format \"" + dirFormat + "\"",
                    "Atlas4J reads atlas-format migration directories only", null);
        }
        TestRequest request = new TestRequest(TestKind.MIGRATE, workingDir(), project.config(), project.env(),
                project.vars(), devUrl.devUrl(), List.of(), dir, runFilter.run(), output.strictOutput(), 0,
                timeout == null ? null : GoDuration.parse(timeout), DevProperties.from(System.getProperties(), null));
        return runTests(request);
    }
}
