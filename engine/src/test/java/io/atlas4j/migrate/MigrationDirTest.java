package io.atlas4j.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationDirTest {

    @TempDir
    Path dir;

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void onlySqlFilesDirectlyInTheFolderCount_M2() throws IOException {
        write("9_a.sql", "a");
        write("10_b.sql", "b");
        write("notes.txt", "n");
        Files.createDirectory(dir.resolve("sub"));
        write("sub/1_c.sql", "c");
        Files.createDirectory(dir.resolve("0_dir.sql"));

        MigrationDir migrations = MigrationDir.open(dir);

        assertThat(migrations.files()).extracting(MigrationFile::name).containsExactly("10_b.sql", "9_a.sql");
        assertThat(migrations.files().get(0).path()).isEqualTo(dir.toAbsolutePath().resolve("10_b.sql"));
        assertThat(migrations.files().get(0).text()).isEqualTo("b");
    }

    @Test
    void opensFileUrlsRelativeToTheWorkingDirectory() throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/1.sql"), "a");
        Files.createDirectories(dir.resolve("other"));

        assertThat(MigrationDir.open("file://migrations", dir).files()).hasSize(1);
        assertThat(MigrationDir.open("file://", dir).path()).isEqualTo(dir.resolve("migrations"));
        assertThat(MigrationDir.open("file://other?format=atlas", dir).files()).isEmpty();
        assertThat(MigrationDir.open("file://" + dir.resolve("migrations"), Path.of("/nowhere")).files()).hasSize(1);
    }

    @Test
    void badUrlsAreConfigurationErrors() {
        assertThatThrownBy(() -> MigrationDir.open("file://missing", dir))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e).hasMessage("migration directory file://missing: " + dir.resolve("missing")
                            + " does not exist");
                });
        assertThatThrownBy(() -> MigrationDir.open("migrations", dir))
                .hasMessage("unsupported migration directory URL \"migrations\": missing scheme");
        assertThatThrownBy(() -> MigrationDir.open("s3://bucket/m", dir))
                .hasMessage("unsupported migration directory URL \"s3://bucket/m\": only file:// directories are supported");
        assertThatThrownBy(() -> MigrationDir.open("file://.?format=rails", dir))
                .hasMessage("migration directory file://.?format=rails: unknown migration directory format \"rails\"");
    }

    @Test
    void filesUpToComparesVersionsAsStrings() throws IOException {
        write("1_a.sql", "a");
        write("2_b.sql", "b");
        write("10_c.sql", "c");
        write("3.sql", "d");

        MigrationDir migrations = MigrationDir.open("file://.", dir);

        assertThat(migrations.filesUpTo("2")).extracting(MigrationFile::name)
                .containsExactly("10_c.sql", "1_a.sql", "2_b.sql");
        assertThat(migrations.filesUpTo("10")).extracting(MigrationFile::name).containsExactly("10_c.sql", "1_a.sql");
        assertThat(migrations.file("3")).map(MigrationFile::name).contains("3.sql");
        assertThat(migrations.file("4")).isEmpty();
    }

    @Test
    void filesUpToAnUnknownVersionFails() throws IOException {
        write("1_a.sql", "a");
        write("2_b.sql", "b");

        assertThatThrownBy(() -> MigrationDir.open("file://.", dir).filesUpTo("99"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e).hasMessage("migration version \"99\" was not found in file://.");
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.hint()).isEqualTo("use one of its versions: 1, 2");
                });
    }

    @Test
    void writeSumFileThenValidate() throws IOException {
        write("1_init.sql", "CREATE TABLE t (id int);\n");
        write("2_add.sql", "ALTER TABLE t ADD COLUMN c int;\n");

        MigrationDir.open(dir).writeSumFile();

        assertThat(Files.readString(dir.resolve("atlas.sum"))).isEqualTo("""
                h1:KpOlzjJZsijvrdj8vNwY/nurCibuFvarOERkrI+nroE=
                1_init.sql h1:CljdN0mRRypLgnOb0bKKlZ2rGT42jXDb5lFPkN5gFHI=
                2_add.sql h1:tjQc3bEdpg9X1UOlI1W2r6/Ez5P8ZRYdSSW4gM827D0=
                """);
        MigrationDir.open(dir).validate();
        assertThat(MigrationDir.open(dir).readSumFile().flatMap(s -> s.hash("2_add.sql")))
                .contains("tjQc3bEdpg9X1UOlI1W2r6/Ez5P8ZRYdSSW4gM827D0=");
    }

    @Test
    void missingSumFile_M8() throws IOException {
        MigrationDir.open(dir).validate();
        write("1_initial.sql", "CREATE TABLE t (id int);");

        assertThatThrownBy(() -> MigrationDir.open("file://.", dir).validate())
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e).hasMessage("checksum file not found");
                    assertThat(e.kind()).isEqualTo(ChecksumMismatchException.Kind.SUM_FILE_NOT_FOUND);
                    assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
                    assertThat(e.hint()).isEqualTo("file://. has no atlas.sum: run 'atlas4j migrate hash' to create it");
                    assertThat(e.report()).isEqualTo("You have a checksum error in your migration directory.\n\n"
                            + "Please check your migration files and run 'atlas4j migrate hash' to re-hash the contents\n\n");
                });
    }

    @Test
    void addedFileAtTheEnd_M9() throws IOException {
        write("1_initial.sql", "CREATE TABLE t (id int);");
        MigrationDir.open(dir).writeSumFile();
        write("2_second.sql", "CREATE TABLE u (id int);");

        ChecksumMismatchException e = mismatch();

        assertThat(e).hasMessage("checksum mismatch");
        assertThat(e.mismatch()).contains(new ChecksumMismatchException.Mismatch(3, "2_second.sql",
                ChecksumMismatchException.Reason.ADDED));
        assertThat(e.hint()).startsWith("L3: 2_second.sql was added (" + dir + "): ")
                .endsWith("run 'atlas4j migrate hash' to re-hash the contents");
        assertThat(e.report()).isEqualTo("""
                You have a checksum error in your migration directory.

                \tL3: 2_second.sql was added

                Please check your migration files and run 'atlas4j migrate hash' to re-hash the contents

                """);
    }

    @Test
    void editedFirstFile_M10() throws IOException {
        hashedTwoFiles();
        write("1_initial.sql", "CREATE TABLE t (id bigint);");

        assertThat(mismatch().mismatch()).map(Object::toString).contains("L2: 1_initial.sql was edited");
    }

    @Test
    void removedFirstFile_M10() throws IOException {
        hashedTwoFiles();
        Files.delete(dir.resolve("1_initial.sql"));

        assertThat(mismatch().mismatch()).map(Object::toString).contains("L2: 1_initial.sql was removed");
    }

    @Test
    void insertedFileBeforeTheFirst_M10() throws IOException {
        hashedTwoFiles();
        write("0_new.sql", "CREATE TABLE n (id int);");

        assertThat(mismatch().mismatch()).map(Object::toString).contains("L2: 0_new.sql was added");
    }

    @Test
    void editedLastFileIsLocatedAtItsLine() throws IOException {
        hashedTwoFiles();
        write("2_second.sql", "CREATE TABLE u (id bigint);");

        assertThat(mismatch().mismatch()).map(Object::toString).contains("L3: 2_second.sql was edited");
    }

    @Test
    void removedLastFile() throws IOException {
        hashedTwoFiles();
        Files.delete(dir.resolve("2_second.sql"));

        assertThat(mismatch().mismatch()).map(Object::toString).contains("L3: 2_second.sql was removed");
    }

    @Test
    void handEditedSumFileIsRejected() throws IOException {
        hashedTwoFiles();
        Path sum = dir.resolve("atlas.sum");
        Files.writeString(sum, Files.readString(sum).replaceFirst("h1:.", "h1:!"));

        assertThat(mismatch().mismatch()).isEmpty();
    }

    @Test
    void malformedSumFileIsRejected() throws IOException {
        hashedTwoFiles();
        Files.writeString(dir.resolve("atlas.sum"), Files.readString(dir.resolve("atlas.sum")) + "\n");

        assertThatThrownBy(() -> MigrationDir.open(dir).validate()).hasMessage("checksum file format invalid");
    }

    @Test
    void rehashingRepairsTheDirectory() throws IOException {
        hashedTwoFiles();
        write("3_third.sql", "x");
        MigrationDir.open(dir).writeSumFile();

        MigrationDir.open(dir).validate();
        assertThat(MigrationDir.open(dir).readSumFile().orElseThrow().entries()).hasSize(3);
    }

    private void hashedTwoFiles() throws IOException {
        write("1_initial.sql", "CREATE TABLE t (id int);");
        write("2_second.sql", "CREATE TABLE u (id int);");
        MigrationDir.open(dir).writeSumFile();
        MigrationDir.open(dir).validate();
    }

    private ChecksumMismatchException mismatch() {
        MigrationDir migrations = MigrationDir.open(dir);
        try {
            migrations.validate();
        } catch (ChecksumMismatchException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
            return e;
        }
        throw new AssertionError("expected a checksum error for " + migrations.files());
    }
}
