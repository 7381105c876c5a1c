package io.atlas4j.testing;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.hcl.Block;
import io.atlas4j.hcl.HclParser;
import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testdsl.TestFile;
import io.atlas4j.testdsl.TestFileReader;
import io.atlas4j.testdsl.TestKind;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds and reads test files for a {@link TestConfig}. */
public final class TestLoader {

    /** The suffix of test files. */
    public static final String SUFFIX = ".test.hcl";

    private TestLoader() {
    }

    /**
     * The test files of a CLI run, in lexical path order: the positional {@code paths} (files, and the
     * {@code *.test.hcl} files of directories, not recursive), else the env's {@code test.<kind>.src},
     * else the working directory's {@code *.test.hcl} files.
     *
     * @throws Atlas4jException {@code USAGE} with {@code no test files found}; {@code CONFIGURATION} for
     *     a path that does not exist
     */
    public static List<Path> findTestFiles(TestConfig config, List<Path> paths) {
        List<Path> roots = !paths.isEmpty() ? paths
                : !config.testSources().isEmpty() ? config.testSources() : List.of(config.workingDir());
        TreeSet<Path> files = new TreeSet<>();
        for (Path root : roots) {
            Path path = config.workingDir().resolve(root).normalize();
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    entries.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot read directory " + path + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "test path " + root + " does not exist",
                        "check the path; relative paths resolve against " + config.workingDir(), null);
            }
        }
        if (files.isEmpty()) {
            throw new Atlas4jException(ErrorCode.USAGE, "no test files found",
                    "pass *" + SUFFIX + " files or directories as arguments, or list them in atlas.hcl: test { "
                            + config.kind().label() + " { src = [\"x" + SUFFIX + "\"] } }", null);
        }
        return new ArrayList<>(files);
    }

    /**
     * Reads one test file with the configuration's variables, keeping only cases of the configured kind.
     *
     * @param uri the file's location; {@code file()} in the file resolves against its directory when it is
     *     a {@code file:} URI, else against the working directory
     * @throws io.atlas4j.error.DiagnosticException for every load error, with positions
     */
    public static TestFile load(TestConfig config, URI uri, String text) {
        Path baseDir = "file".equals(uri.getScheme()) ? Path.of(uri).getParent() : config.workingDir();
        TestFile file = TestFileReader.read(uri, text, baseDir, config.vars());
        List<TestCase> cases = file.cases().stream().filter(c -> c.kind() == config.kind()).collect(Collectors.toList());
        return new TestFile(file.uri(), cases);
    }

    /**
     * The kinds of {@code test} blocks a file holds, so a front end that runs several kinds reads the file
     * only for those (a file of schema tests must not need the variables of migrate tests). A file that
     * does not parse is said to hold every kind, so reading it reports its syntax errors.
     */
    public static Set<TestKind> kinds(URI uri, String text) {
        try {
            Set<TestKind> kinds = EnumSet.noneOf(TestKind.class);
            for (Block block : HclParser.parse(uri, text).body().blocks("test")) {
                for (TestKind kind : TestKind.values()) {
                    if (block.label(0).filter(kind.label()::equals).isPresent()) {
                        kinds.add(kind);
                    }
                }
            }
            return kinds;
        } catch (DiagnosticException e) {
            return EnumSet.allOf(TestKind.class);
        }
    }

    /** Reads a test file from disk. */
    public static TestFile load(TestConfig config, Path file) {
        Path absolute = config.workingDir().resolve(file).toAbsolutePath().normalize();
        try {
            return load(config, absolute.toUri(), Files.readString(absolute, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot read test file " + file + ": " + e.getMessage(), e);
        }
    }
}
