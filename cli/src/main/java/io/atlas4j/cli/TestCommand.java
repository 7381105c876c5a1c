package io.atlas4j.cli;

import io.atlas4j.cli.options.DevUrlOptions;
import io.atlas4j.cli.options.OutputOptions;
import io.atlas4j.cli.options.ProjectOptions;
import io.atlas4j.cli.options.RunFilterOptions;
import io.atlas4j.cli.options.VerbosityOptions;
import io.atlas4j.cli.output.ConsolePrinter;
import io.atlas4j.config.TestConfigResolver;
import io.atlas4j.config.TestRequest;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.testdsl.TestFile;
import io.atlas4j.testing.RunSummary;
import io.atlas4j.testing.TestConfig;
import io.atlas4j.testing.TestEnvironment;
import io.atlas4j.testing.TestLoader;
import io.atlas4j.testing.TestRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code schema test} and {@code migrate test} share: the options, and the run itself, a thin
 * adapter over the runtime: flags → {@link TestRequest} → {@link TestConfigResolver} →
 * {@link TestLoader} → {@link TestRun} → console lines.
 */
public abstract class TestCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected ProjectOptions project;

    @Mixin
    protected DevUrlOptions devUrl;

    @Mixin
    protected RunFilterOptions runFilter;

    @Mixin
    protected OutputOptions output;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Test files, or directories whose *.test.hcl files run (default: the env's "
                    + "test src, else the working directory).")
    protected List<String> paths = new ArrayList<>();

    /** The directory relative paths resolve against. */
    protected Path workingDir() {
        return Atlas4jCommand.of(spec).workingDir();
    }

    /** The positional paths, resolved against the working directory. */
    protected List<Path> paths() {
        List<Path> resolved = new ArrayList<>();
        for (String p : paths) {
            resolved.add(workingDir().resolve(p).normalize());
        }
        return resolved;
    }

    /**
     * Runs the cases {@code request} selects and prints their reports.
     *
     * @return {@link ExitCodes#SUCCESS} or {@link ExitCodes#TESTS_FAILED}; load errors are all printed
     *     and end the run with their exit code before any case runs
     */
    protected int runTests(TestRequest request) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TestConfig config = TestConfigResolver.resolve(request);
        if (config.devUrl() == null || config.devUrl().isBlank()) {
            throw new ParameterException(spec.commandLine(), "required flag(s) \"dev-url\" not set");
        }
        List<Path> files = TestLoader.findTestFiles(config, paths());

        // Every file is read before anything runs, so one run shows every load error at once.
        List<TestFile> testFiles = new ArrayList<>();
        List<Atlas4jException> loadErrors = new ArrayList<>();
        for (Path file : files) {
            try {
                testFiles.add(TestLoader.load(config, file));
            } catch (Atlas4jException e) {
                loadErrors.add(e);
            }
        }
        if (!loadErrors.isEmpty()) {
            boolean stacktrace = stacktrace();
            int code = 0;
            for (Atlas4jException e : loadErrors) {
                code = Math.max(code, ErrorHandling.report(e, err, stacktrace));
            }
            return code;
        }

        ConsolePrinter printer = new ConsolePrinter(out);
        RunSummary summary;
        try (TestEnvironment environment = TestEnvironment.create(config)) {
            summary = TestRun.run(environment, testFiles, printer);
        }
        printer.printRunResult(summary.ok());
        if (request.run() != null && summary.passed() + summary.failed() + summary.skipped() == 0) {
            err.println("Warning: no test cases matched --run \"" + request.run() + "\"");
            err.flush();
        }
        return summary.ok() ? ExitCodes.SUCCESS : ExitCodes.TESTS_FAILED;
    }

    private boolean stacktrace() {
        return VerbosityOptions.stacktrace(spec.root().commandLine().getParseResult());
    }
}
