package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.MigrationFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate new} (migrate-dir.md §1, §11, M35): an empty, UTC-timestamped file and a re-hashed atlas.sum. */
class MigrateNewCommandTest {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private List<String> sqlFiles(String folder) throws IOException {
        if (!Files.isDirectory(dir.resolve(folder))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir.resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    /** Runs the command and returns the one file it added, checking its version is the UTC time of the run. */
    private MigrationFile runNew(String folder, String... args) throws IOException {
        List<String> before = sqlFiles(folder);
        String from = UTC.format(Instant.now());
        CliResult result = Cli.run(dir, args);
        String to = UTC.format(Instant.now());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
        List<String> added = sqlFiles(folder).stream().filter(n -> !before.contains(n)).toList();
        assertThat(added).hasSize(1);
        MigrationFile file = MigrationDir.open(dir.resolve(folder)).files().stream()
                .filter(f -> f.name().equals(added.get(0))).findFirst().orElseThrow();
        assertThat(file.version()).matches("[0-9]{14}").isBetween(from, to);
        assertThat(file.content()).isEmpty();
        return file;
    }

    @Test
    void withoutANameWritesAnEmptyTimestampFileAndHashesIt_M35() throws IOException {
        Files.createDirectories(dir.resolve("migrations"));

        MigrationFile file = runNew("migrations", "migrate", "new");

        assertThat(file.name()).isEqualTo(file.version() + ".sql");
        assertThat(file.description()).isEmpty();
        MigrationDir migrations = MigrationDir.open(dir.resolve("migrations"));
        migrations.validate();
        assertThat(migrations.readSumFile()).contains(migrations.checksum());
    }

    @Test
    void withANameAndDirAddsToExistingFilesAndRehashes_M35() throws IOException {
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("1_init.sql"), "CREATE TABLE t (id int);\n");
        MigrationDir.open(db).writeSumFile();

        MigrationFile file = runNew("db", "migrate", "new", "add_users", "--dir", "file://db");

        assertThat(file.name()).isEqualTo(file.version() + "_add_users.sql");
        assertThat(file.description()).isEqualTo("add_users");
        MigrationDir migrations = MigrationDir.open(db);
        assertThat(migrations.files()).extracting(MigrationFile::name).containsExactly("1_init.sql", file.name());
        migrations.validate();
        assertThat(Cli.run(dir, "migrate", "validate", "--dir", "file://db").exitCode()).isZero();
    }

    @Test
    void aDirectoryWithAMismatchedSumIsRefusedAndNothingIsWritten() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_init.sql"), "CREATE TABLE t (id int);\n");
        MigrationDir.open(migrations).writeSumFile();
        Files.writeString(migrations.resolve("2_unhashed.sql"), "CREATE TABLE u (id int);\n");
        String sum = Files.readString(migrations.resolve("atlas.sum"));

        CliResult result = Cli.run(dir, "migrate", "new", "x");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).isEqualTo("Error: checksum mismatch\n");
        assertThat(result.out()).contains("2_unhashed.sql was added");
        assertThat(sqlFiles("migrations")).containsExactly("1_init.sql", "2_unhashed.sql");
        assertThat(Files.readString(migrations.resolve("atlas.sum"))).isEqualTo(sum);
    }

    @Test
    void anExistingFileOfTheSameSecondIsNotOverwritten() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Instant now = Instant.now();
        // Whatever second the command runs in (within the next 30), its file name is taken.
        for (int s = -1; s <= 30; s++) {
            Files.writeString(migrations.resolve(UTC.format(now.plusSeconds(s)) + "_x.sql"), "keep me\n");
        }
        MigrationDir.open(migrations).writeSumFile();

        CliResult result = Cli.run(dir, "migrate", "new", "x");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.errLines().get(0)).startsWith("Error: migration file ").endsWith("_x.sql already exists");
        try (Stream<Path> files = Files.list(migrations)) {
            assertThat(files.filter(p -> p.toString().endsWith(".sql")))
                    .allSatisfy(p -> assertThat(Files.readString(p)).isEqualTo("keep me\n"));
        }
    }

    @Test
    void aMissingDirectoryIsCreated() throws IOException {
        Files.createDirectories(dir.resolve("db"));

        MigrationFile file = runNew("db/new", "migrate", "new", "first", "--dir", "file://db/new");

        assertThat(file.name()).endsWith("_first.sql");
        MigrationDir.open(dir.resolve("db/new")).validate();
    }

    @Test
    void aNonFileDirectoryUrlIsRefused() {
        CliResult result = Cli.run(dir, "migrate", "new", "--dir", "mem://x");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.errLines()).first().asString().startsWith("Error: unsupported migration directory URL");
    }

    @Test
    void migrateHelpListsNew() {
        assertThat(Cli.run(dir, "migrate", "--help").out()).contains("new");
    }
}
