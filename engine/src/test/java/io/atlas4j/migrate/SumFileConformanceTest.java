package io.atlas4j.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hashes a copy of every migration directory of the shared conformance data (Atlas's own test data,
 * whose {@code atlas.sum} files Atlas wrote) and compares the result with Atlas's file byte for byte.
 *
 * <p>The data lives outside the repository ({@code ../shared/conformance/atlas-sum} from the project
 * root, or {@code -Datlas4j.conformance.dir=<dir>}); the test is skipped when it is absent.
 */
class SumFileConformanceTest {

    private static final Path DIR = Path.of(System.getProperty("atlas4j.conformance.dir",
            Path.of("..", "..", "shared", "conformance", "atlas-sum").toString()));

    @TempDir
    Path copy;

    static Stream<String> folders() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return Stream.of("<absent>");
        }
        try (Stream<Path> list = Files.list(DIR)) {
            List<String> names = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(22);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void hashReproducesAtlasSumByteForByte(String folder) throws IOException {
        assumeTrue(Files.isDirectory(DIR), () -> "conformance data not found at " + DIR.toAbsolutePath());
        Path source = DIR.resolve(folder);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".sql")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        byte[] atlas = Files.readAllBytes(source.resolve("atlas.sum"));

        MigrationDir.open(copy).writeSumFile();

        byte[] ours = Files.readAllBytes(copy.resolve("atlas.sum"));
        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(new String(atlas, StandardCharsets.UTF_8));
        assertThat(ours).isEqualTo(atlas);
        MigrationDir.open(source).validate();
    }
}
