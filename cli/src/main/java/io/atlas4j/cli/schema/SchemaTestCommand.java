package io.atlas4j.cli.schema;

import io.atlas4j.cli.TestCommand;
import io.atlas4j.cli.options.DevProperties;
import io.atlas4j.time.GoDuration;
import io.atlas4j.config.TestRequest;
import io.atlas4j.testdsl.TestKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code atlas4j schema test [flags] [paths]}: runs the {@code test "schema"} cases of test files. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run schema tests (test \"schema\" cases of *.test.hcl files) against a dev database.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} test --dev-url \"sqlite://dev?mode=memory\" \\",
            "      --url file://schema.sql .",
            "  ${PARENT-COMMAND-FULL-NAME} test --env dev ./tests",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n")
public final class SchemaTestCommand extends TestCommand {

    @Option(names = {"-u", "--url"}, split = ",", paramLabel = "URL",
            description = "The desired schema (repeatable, or a comma-separated list); default: the env's src, "
                    + "else its url.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N",
            description = "Workers for parallel cases (default: the number of processors).")
    int parallel;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "The longest a case may run (e.g. 30s, 2m); a statement or program still running then is "
                    + "stopped and the case fails (default: no limit).")
    String timeout;

    @Option(names = "--docker-fallback", paramLabel = "embedded|fail",
            description = "Without a Docker engine, run docker://postgres/N dev databases on embedded://postgres/N "
                    + "(embedded, the default) or fail.")
    String dockerFallback;

    @Override
    public Integer call() {
        if (parallel < 0) {
            throw new ParameterException(spec.commandLine(),
                    "invalid value for --parallel: must be 0 or more, got: " + parallel);
        }
        TestRequest request = new TestRequest(TestKind.SCHEMA, workingDir(), project.config(), project.env(),
                project.vars(), devUrl.devUrl(), urls, null, runFilter.run(), output.strictOutput(), parallel,
                timeout == null ? null : GoDuration.parse(timeout), DevProperties.from(System.getProperties(), dockerFallback));
        return runTests(request);
    }
}
