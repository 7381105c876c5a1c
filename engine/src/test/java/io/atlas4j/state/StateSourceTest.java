package io.atlas4j.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateSourceTest {

    private static final Predicate<Path> HCL = p -> p.toString().endsWith(".hcl") && !p.toString().endsWith(".test.hcl");

    @TempDir
    Path dir;

    @Test
    void aDatabaseUrlIsInspected() {
        StateSource s = StateSource.parse("postgres://u:secret@localhost:5432/app?search_path=public", dir, HCL);
        assertThat(s).isInstanceOf(StateSource.Database.class);
        assertThat(((StateSource.Database) s).parsed().path()).isEqualTo("app");
    }

    @Test
    void filesAreSplitIntoSqlAndOtherSchemaFilesInNameOrderSkippingTests() throws Exception {
        Files.writeString(dir.resolve("b.sql"), "");
        Files.writeString(dir.resolve("a.sql"), "");
        Files.writeString(dir.resolve("schema.hcl"), "");
        Files.writeString(dir.resolve("users.test.hcl"), "");
        Files.writeString(dir.resolve("README.md"), "");
        StateSource.Files s = (StateSource.Files) StateSource.parse("file://.", dir, HCL);
        assertThat(s.sql()).extracting(p -> p.getFileName().toString()).containsExactly("a.sql", "b.sql");
        assertThat(s.other()).extracting(p -> p.getFileName().toString()).containsExactly("schema.hcl");
    }

    @Test
    void aSingleFileIsSqlOrHcl() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), "");
        Files.writeString(dir.resolve("schema.sql"), "");
        assertThat(((StateSource.Files) StateSource.parse("file://schema.hcl", dir, HCL)).other()).hasSize(1);
        assertThat(((StateSource.Files) StateSource.parse("file://schema.sql", dir, HCL)).sql()).hasSize(1);
    }

    @Test
    void aDirectoryWithAnIntegrityFileOrAVersionIsAMigrationDirectory() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("atlas.sum"), "");
        StateSource s = StateSource.parse("file://migrations", dir, HCL);
        assertThat(s).isEqualTo(new StateSource.MigrationDirectory("file://migrations", m, Optional.empty()));
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("1.sql"), "");
        assertThat(StateSource.parse("file://plain?version=1", dir, HCL))
                .isEqualTo(new StateSource.MigrationDirectory("file://plain?version=1", plain, Optional.of("1")));
    }

    @Test
    void badUrlsSayWhatToDo() throws Exception {
        assertThatThrownBy(() -> StateSource.parse("file://missing.hcl", dir, HCL))
                .isInstanceOf(Atlas4jException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> StateSource.parse("schema.hcl", dir, HCL))
                .isInstanceOf(Atlas4jException.class).hasMessageContaining("missing scheme");
        Files.writeString(dir.resolve("notes.txt"), "");
        assertThatThrownBy(() -> StateSource.parse("file://notes.txt", dir, HCL))
                .isInstanceOf(Atlas4jException.class).hasMessageContaining("neither a .sql nor an .hcl");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> StateSource.parse("file://empty", dir, HCL))
                .isInstanceOf(Atlas4jException.class).hasMessageContaining("no schema files in " + empty);
    }
}
