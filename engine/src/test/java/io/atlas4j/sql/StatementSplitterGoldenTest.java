package io.atlas4j.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Splits every {@code src/test/resources/sql/<dialect>-<behaviour>.sql} and compares the result with
 * {@code <name>.sql.golden}. Run with {@code -Datlas4j.updateGolden=true} to rewrite the golden files,
 * then review the diff.
 */
class StatementSplitterGoldenTest {

    private static final Path DIR = Path.of("src", "test", "resources", "sql");
    private static final boolean UPDATE = Boolean.getBoolean("atlas4j.updateGolden");
    private static final Map<String, SplitRules> RULES = Map.of(
            "postgres", SplitRules.POSTGRES,
            "mysql", SplitRules.MYSQL,
            "sqlite", SplitRules.SQLITE,
            "sqlserver", SplitRules.SQLSERVER,
            "generic", SplitRules.GENERIC);

    static Stream<String> scripts() throws IOException {
        assertThat(DIR).as("golden directory (tests run from the engine module)").isDirectory();
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .sorted()
                    .toList();
            assertThat(names).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void matchesGolden(String name) throws IOException {
        String dialect = name.substring(0, name.indexOf('-'));
        SplitRules rules = RULES.get(dialect);
        assertThat(rules).as("dialect prefix of %s", name).isNotNull();
        String sql = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);

        String actual = render(StatementSplitter.split(SqlScript.of(URI.create("classpath:/sql/" + name), sql), rules));

        Path golden = DIR.resolve(name + ".golden");
        if (UPDATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; create it with -Datlas4j.updateGolden=true").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** One header line per statement ({@code === <n> @ line:col-endLine:endCol}), then its text. */
    static String render(List<SqlStatement> statements) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement st = statements.get(i);
            b.append("=== ").append(i + 1).append(" @ ")
                    .append(st.range().line()).append(':').append(st.range().column()).append('-')
                    .append(st.range().endLine()).append(':').append(st.range().endColumn()).append('\n')
                    .append(st.text()).append('\n');
        }
        return b.toString();
    }
}
