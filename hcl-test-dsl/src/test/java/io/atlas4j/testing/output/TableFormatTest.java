package io.atlas4j.testing.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableFormatTest {

    static Stream<Arguments> renderings() {
        return Stream.of(
                arguments("T17 two users", Tables.users(), """
                         id | name
                        ----+------
                         1  | Ada
                         2  | Bob"""),
                arguments("header centred in a 7-wide column, values left-aligned",
                        Tables.columns("id", "name").row("1", "Alice").row("2", "Beatrix").build(), """
                         id |  name
                        ----+---------
                         1  | Alice
                         2  | Beatrix"""),
                arguments("T18 centring, trailing spaces trimmed",
                        Tables.columns("email").row("user1@example.com").build(),
                        "       email\n-------------------\n user1@example.com"),
                arguments("odd space goes right: 19-wide column",
                        Tables.columns("latest_post_ts").row("2024-01-23 00:51:54").build(),
                        "   latest_post_ts\n---------------------\n 2024-01-23 00:51:54"),
                arguments("T20 NULL cell is blank", Tables.columns("v", "w").row(null, "1").build(),
                        " v | w\n---+---\n   | 1"),
                arguments("NULL in the last column leaves no trailing space",
                        Tables.columns("v", "w").row("1", null).build(), " v | w\n---+---\n 1 |"),
                arguments("header wider than values", Tables.columns("count").row("2").build(),
                        " count\n-------\n 2"),
                arguments("no rows: header and separator", Tables.columns("id", "name").build(),
                        " id | name\n----+------"),
                arguments("no columns", new ResultTable(List.of(), List.of()), ""),
                arguments("widths count code points", Tables.columns("v").row("é😀").build(),
                        " v\n----\n é😀"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void renders(String name, ResultTable table, String expected) {
        assertThat(TableFormat.render(table)).isEqualTo(expected);
    }

    @Test
    void t18HeaderHasSevenSpacesAndSeparatorNineteenDashes() {
        String[] lines = TableFormat.render(Tables.columns("email").row("user1@example.com").build()).split("\n");

        assertThat(lines[0]).isEqualTo(" ".repeat(7) + "email");
        assertThat(lines[1]).isEqualTo("-".repeat(19));
    }

    @Test
    void cellsDropBlankLinesAndTheSeparatorAfterTheHeader() {
        String text = "\n id | name\n----+------\n\n 1  | Ada\n--  | -\n";

        assertThat(TableFormat.cells(text)).containsExactly(
                List.of("id", "name"), List.of("1", "Ada"), List.of("--", "-"));
    }

    @Test
    void cellsKeepADashOnlyDataRow() {
        assertThat(TableFormat.cells(" v\n---\n -\n --")).containsExactly(List.of("v"), List.of("-"), List.of("--"));
    }
}
