package io.atlas4j.testing.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvFormatTest {

    static Stream<Arguments> renderings() {
        return Stream.of(
                arguments("T11 single value", Tables.columns("zip").row("12345").build(), "12345"),
                arguments("T13 empty result", Tables.columns("id", "name", "email").build(), ""),
                arguments("no columns", new ResultTable(List.of(), List.of()), ""),
                arguments("T14 two columns joined by comma and space",
                        Tables.columns("id", "name").row("1", "Ada").build(), "1, Ada"),
                arguments("T15 rows joined by LF, no header", Tables.users(), "1, Ada\n2, Bob"),
                arguments("T16 comma is quoted", Tables.columns("v").row("a,b").build(), "\"a,b\""),
                arguments("double quotes are doubled", Tables.columns("v").row("say \"hi\"").build(),
                        "\"say \"\"hi\"\"\""),
                arguments("LF and CR are quoted", Tables.columns("v", "w").row("a\nb", "c\rd").build(),
                        "\"a\nb\", \"c\rd\""),
                arguments("spaces alone are not quoted", Tables.columns("v").row(" a b ").build(), " a b "),
                arguments("T20 NULL is empty", Tables.columns("v", "w").row(null, "1").build(), ", 1"),
                arguments("all NULL row", Tables.columns("v").row((String) null).build(), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void renders(String name, ResultTable table, String expected) {
        assertThat(CsvFormat.render(table)).isEqualTo(expected);
    }

    static Stream<Arguments> parses() {
        return Stream.of(
                arguments("", List.of()),
                arguments("1", List.of(List.of("1"))),
                arguments("1, Ada", List.of(List.of("1", "Ada"))),
                arguments("1,Ada", List.of(List.of("1", "Ada"))),
                arguments("  1 ,\tAda  ", List.of(List.of("1", "Ada"))),
                arguments("1, Ada\r\n2, Bob", List.of(List.of("1", "Ada"), List.of("2", "Bob"))),
                arguments("a\n\nb", List.of(List.of("a"), List.of(""), List.of("b"))),
                arguments("\"a,b\"", List.of(List.of("a,b"))),
                arguments("a,b", List.of(List.of("a", "b"))),
                arguments(" \" x \" , \"say \"\"hi\"\"\"", List.of(List.of(" x ", "say \"hi\""))),
                arguments("\"a\nb\", c", List.of(List.of("a\nb", "c"))),
                arguments(", 1", List.of(List.of("", "1"))),
                arguments("a,", List.of(List.of("a", ""))));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("parses")
    void parsesLeniently(String text, List<List<String>> expected) {
        assertThat(CsvFormat.parse(text)).isEqualTo(expected);
    }
}
