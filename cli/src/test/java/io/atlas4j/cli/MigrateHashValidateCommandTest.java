package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate hash} and {@code migrate validate} on real directories, with Atlas's output and exit codes. */
class MigrateHashValidateCommandTest {

    private static final Path CONFORMANCE = Path.of(System.getProperty("atlas4j.conformance.dir",
            Path.of("..", "..", "shared", "conformance", "atlas-sum").toString()));

    private static final String TWO_FILE_SUM = """
            h1:KpOlzjJZsijvrdj8vNwY/nurCibuFvarOERkrI+nroE=
            1_init.sql h1:CljdN0mRRypLgnOb0bKKlZ2rGT42jXDb5lFPkN5gFHI=
            2_add.sql h1:tjQc3bEdpg9X1UOlI1W2r6/Ez5P8ZRYdSSW4gM827D0=
            """;

    private static final String REHASH =
            "Please check your migration files and run 'atlas4j migrate hash' to re-hash the contents";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private String sum(String folder) throws IOException {
        return Files.readString(dir.resolve(folder).resolve("atlas.sum"));
    }

    private void twoFiles(String folder) throws IOException {
        write(folder + "/1_init.sql", "CREATE TABLE t (id int);\n");
        write(folder + "/2_add.sql", "ALTER TABLE t ADD COLUMN c int;\n");
    }

    @Test
    void hash_writesAtlasSumInTheDefaultDirectoryAndPrintsNothing() throws IOException {
        twoFiles("migrations");

        CliResult result = Cli.run(dir, "migrate", "hash");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
        assertThat(sum("migrations")).isEqualTo(TWO_FILE_SUM);
    }

    @Test
    void hash_overwritesAStaleSumAndIgnoresDeprecatedForce() throws IOException {
        twoFiles("db");
        write("db/atlas.sum", "garbage\n");

        CliResult result = Cli.run(dir, "migrate", "hash", "--dir", "file://db", "--force");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(sum("db")).isEqualTo(TWO_FILE_SUM);
    }

    @Test
    void hash_missingDirectoryIsAConfigurationError() {
        CliResult result = Cli.run(dir, "migrate", "hash", "--dir", "file://nope");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.errLines()).first()
                .isEqualTo("Error: migration directory file://nope: " + dir.resolve("nope") + " does not exist");
    }

    @Test
    void validate_hashedDirectoryPassesSilently() throws IOException {
        twoFiles("migrations");
        Cli.run(dir, "migrate", "hash");

        CliResult result = Cli.run(dir, "migrate", "validate", "--dir", "file://migrations");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void validate_emptyDirectoryWithoutSumIsValid() throws IOException {
        Files.createDirectories(dir.resolve("migrations"));

        assertThat(Cli.run(dir, "migrate", "validate").exitCode()).isZero();
    }

    @Test
    void validate_missingSumFile_M8() throws IOException {
        write("migrations/1_initial.sql", "CREATE TABLE t (id int);\n");

        CliResult result = Cli.run(dir, "migrate", "validate");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.out()).isEqualTo("You have a checksum error in your migration directory.\n\n" + REHASH + "\n\n");
        assertThat(result.err()).isEqualTo("Error: checksum file not found\n");
    }

    @Test
    void validate_addedFile_M9() throws IOException {
        write("migrations/1_initial.sql", "CREATE TABLE t (id int);\n");
        Cli.run(dir, "migrate", "hash");
        write("migrations/2_second.sql", "CREATE TABLE u (id int);\n");

        CliResult result = Cli.run(dir, "migrate", "validate");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.out()).isEqualTo("You have a checksum error in your migration directory.\n\n"
                + "\tL3: 2_second.sql was added\n\n" + REHASH + "\n\n");
        assertThat(result.err()).isEqualTo("Error: checksum mismatch\n");
    }

    @Test
    void validate_editedAndRemovedFiles_M10() throws IOException {
        twoFiles("migrations");
        Cli.run(dir, "migrate", "hash");
        write("migrations/1_init.sql", "CREATE TABLE t (id bigint);\n");

        assertThat(Cli.run(dir, "migrate", "validate").outLines()).contains("\tL2: 1_init.sql was edited");

        Files.delete(dir.resolve("migrations/1_init.sql"));

        assertThat(Cli.run(dir, "migrate", "validate").outLines()).contains("\tL2: 1_init.sql was removed");
    }

    @Test
    void validate_malformedSumFile_M11() throws IOException {
        twoFiles("migrations");
        write("migrations/atlas.sum", TWO_FILE_SUM.replace("1_init.sql h1:", "1_init.sql "));

        CliResult result = Cli.run(dir, "migrate", "validate");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).isEqualTo("Error: checksum file format invalid\n");
    }

    @Test
    void validate_withDevUrlChecksIntegrityThenSaysReplayIsNotSupported() throws IOException {
        twoFiles("migrations");
        Cli.run(dir, "migrate", "hash");

        CliResult result = Cli.run(dir, "migrate", "validate", "--dev-url", "sqlite://dev?mode=memory");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.errLines()).first().isEqualTo("Error: migrate validate --dev-url is not supported yet: "
                + "Atlas4J cannot replay a migration directory on a dev database");
        assertThat(result.errLines().get(1)).startsWith("hint: ").contains("run without --dev-url");
    }

    @Test
    void validate_withDevUrlStillReportsChecksumErrorsFirst() throws IOException {
        write("migrations/1_initial.sql", "CREATE TABLE t (id int);\n");

        CliResult result = Cli.run(dir, "migrate", "validate", "--dev-url", "sqlite://dev?mode=memory");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).isEqualTo("Error: checksum file not found\n");
    }

    @Test
    void hashThenValidate_reproducesAConformanceFolder() throws IOException {
        Path source = CONFORMANCE.resolve("cmdapi_sqlitetx");
        assumeTrue(Files.isDirectory(source), () -> "conformance data not found at " + source.toAbsolutePath());
        Path copy = Files.createDirectories(dir.resolve("copy"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }

        CliResult hash = Cli.run(dir, "migrate", "hash", "--dir", "file://copy");
        CliResult validate = Cli.run(dir, "migrate", "validate", "--dir", "file://copy");

        assertThat(hash.exitCode()).as(hash.toString()).isZero();
        assertThat(Files.readAllBytes(copy.resolve("atlas.sum"))).isEqualTo(Files.readAllBytes(source.resolve("atlas.sum")));
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
    }

    @Test
    void migrateHelpListsTheNewCommands() {
        CliResult result = Cli.run(dir, "migrate", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("hash", "validate");
    }
}
