package io.atlas4j.testing;

import io.atlas4j.testdsl.TestFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Finds and reads test files for a {@link TestConfig}. */
public final class TestLoader {

    private TestLoader() {
    }

    /**
     * The test files of a CLI run, in lexical path order: the positional {@code paths} (files, and the
     * {@code *.test.hcl} files of directories, not recursive), else the env's {@code test.<kind>.src},
     * else the working directory's {@code *.test.hcl} files.
     *
     * @throws io.atlas4j.error.Atlas4jException {@code CONFIGURATION} with {@code no test files found}
     */
    public static List<Path> findTestFiles(TestConfig config, List<Path> paths) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Reads one test file with the configuration's variables, keeping only cases of the configured
     * kind.
     *
     * @throws io.atlas4j.error.DiagnosticException for every load error, with positions
     */
    public static TestFile load(TestConfig config, URI uri, String text) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Reads a test file from disk. */
    public static TestFile load(TestConfig config, Path file) {
        throw new UnsupportedOperationException("TODO");
    }
}
