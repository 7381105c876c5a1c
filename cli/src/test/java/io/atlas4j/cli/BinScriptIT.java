package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/atlas4j} as users run it: a real process, from another directory and through a symlink,
 * on the jar and {@code target/lib} the package phase just built (so it does not build them itself).
 */
class BinScriptIT {

    private static Path script;

    @TempDir
    Path dir;

    @BeforeAll
    static void findScript() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        script = module.getParent().resolve("bin/atlas4j");
        assertThat(script).isExecutable();
        assertThat(module.resolve("target/atlas4j-cli.jar")).as("packaged jar").isRegularFile();
        assertThat(module.resolve("target/lib")).as("copied runtime dependencies").isDirectory();
    }

    private CliResult run(Path executable, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new CliResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void version_fromAnotherDirectory() throws Exception {
        CliResult result = run(script, "--version");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).isEqualTo("atlas4j version " + System.getProperty("atlas4j.projectVersion") + "\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void version_throughASymlink() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("atlas4j"), script);
        CliResult result;
        try {
            result = run(link, "--version");
        } finally {
            Files.delete(link); // ourselves: @TempDir warns about links pointing outside it
        }

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).startsWith("atlas4j version ");
    }

    @Test
    void usageError_exitStatusReachesTheShell() throws Exception {
        CliResult result = run(script, "schema", "test", "--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: Unknown option: '--bogus'");
    }

    @Test
    void schemaTest_runsInTheCallersDirectory_withUtf8Durations() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE users (id int PRIMARY KEY, name text);\n");
        Files.writeString(dir.resolve("a.test.hcl"), """
                test "schema" "t" {
                  log {
                    message = "hello"
                  }
                }
                """);
        String devUrl = "sqlite://bin" + UUID.randomUUID().toString().substring(0, 8) + "?mode=memory";

        CliResult result = run(script, "schema", "test", "--dev-url", devUrl, "--url", "file://schema.sql");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out().lines().toList()).as("%s", result).hasSize(3);
        assertThat(result.out().lines().findFirst().orElseThrow()).matches("-- PASS: t \\(" + ReportLines.DURATION + "\\)");
        assertThat(result.out()).endsWith("    a.test.hcl:2: hello\nPASS\n");
    }
}
