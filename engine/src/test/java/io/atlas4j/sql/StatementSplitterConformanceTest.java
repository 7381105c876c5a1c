package io.atlas4j.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Splits the migration files of the shared conformance data (taken from Atlas's own test data) and
 * checks that nothing is lost: every statement is non-empty and stands at its reported position, and
 * what lies outside the statements is only whitespace, delimiters and comments.
 *
 * <p>The data lives outside the repository ({@code ../shared/conformance/atlas-sum} from the project
 * root, or {@code -Datlas4j.conformance.dir=<dir>}); the test is skipped when it is absent.
 */
class StatementSplitterConformanceTest {

    private static final Path DIR = Path.of(System.getProperty("atlas4j.conformance.dir",
            Path.of("..", "..", "shared", "conformance", "atlas-sum").toString()));

    @Test
    void splitsEveryConformanceFileWithoutLosingText() throws IOException {
        assumeTrue(Files.isDirectory(DIR), () -> "conformance data not found at " + DIR.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DIR)) {
            files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).isNotEmpty();

        int total = 0;
        for (Path file : files) {
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            List<SqlStatement> statements = StatementSplitter.split(SqlScript.of(file.toUri(), sql), rulesFor(file));
            total += statements.size();

            StringBuilder outside = new StringBuilder(sql);
            for (int i = statements.size() - 1; i >= 0; i--) {
                SqlStatement st = statements.get(i);
                assertThat(st.text()).as("%s statement %d", file, i + 1).isNotBlank();
                int from = offset(sql, st.range().line(), st.range().column());
                assertThat(sql.substring(from)).as("%s statement %d at its position", file, i + 1)
                        .startsWith(st.text());
                outside.replace(from, from + st.text().length(), " ");
            }
            // An independent, deliberately simple stripper: the data has no strings outside statements.
            String rest = outside.toString()
                    .replaceAll("(?s)/\\*.*?\\*/", " ")
                    .replaceAll("--[^\\n]*", " ");
            assertThat(rest).as("%s: text outside statements", file).matches("[\\s;]*");
        }
        assertThat(total).isGreaterThan(files.size());
    }

    /** mysql folders → MYSQL, sqlite folders → SQLITE, else POSTGRES. */
    private static SplitRules rulesFor(Path file) {
        String folder = file.getParent().getFileName().toString();
        if (folder.contains("mysql")) {
            return SplitRules.MYSQL;
        }
        return folder.contains("sqlite") ? SplitRules.SQLITE : SplitRules.POSTGRES;
    }

    /** The string offset of a 1-based line and code-point column. */
    private static int offset(String s, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = s.indexOf('\n', at) + 1;
        }
        return s.offsetByCodePoints(at, column - 1);
    }
}
