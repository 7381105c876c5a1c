package io.atlas4j.testing.output;

import static io.atlas4j.testdsl.Step.Format.CSV;
import static io.atlas4j.testdsl.Step.Format.TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.atlas4j.testdsl.Step;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OutputComparatorTest {

    private static final String T17 = """
             id | name
            ----+------
             1  | Ada
             2  | Bob
            """;

    private static final ResultTable ZIP = Tables.columns("zip").row("12345").build();
    private static final ResultTable ADA = Tables.columns("id", "name").row("1", "Ada").build();
    private static final ResultTable EMPTY = Tables.columns("id", "name", "email").build();
    private static final ResultTable NULL_AND_ONE = Tables.columns("v", "w").row(null, "1").build();

    /** name, format, expected output, actual result, lenient verdict, strict verdict. */
    static Stream<Arguments> comparisons() {
        return Stream.of(
                arguments("T11 single value", CSV, "12345", ZIP, true, true),
                arguments("T12 different value", CSV, "54321", ZIP, false, false),
                arguments("T13 empty result, empty output", CSV, "", EMPTY, true, true),
                arguments("T13 empty result, output 0", CSV, "0", EMPTY, false, false),
                arguments("T14 comma and space", CSV, "1, Ada", ADA, true, true),
                arguments("T14 comma without space", CSV, "1,Ada", ADA, true, false),
                arguments("T14 trailing space in a field", CSV, "1, Ada ", ADA, true, false),
                arguments("T14 case differs", CSV, "1, ada", ADA, false, false),
                arguments("leading space before a value", CSV, " 12345", ZIP, true, false),
                arguments("T15 heredoc with final newline", CSV, "1, Ada\n2, Bob\n", Tables.users(), true, true),
                arguments("T15 rows swapped", CSV, "2, Bob\n1, Ada\n", Tables.users(), false, false),
                arguments("T15 a row missing", CSV, "1, Ada\n", Tables.users(), false, false),
                arguments("CRLF rows compare as rows", CSV, "1, Ada\r\n2, Bob\r\n", Tables.users(), true, false),
                arguments("blank lines at both ends are trimmed", CSV, "\n\r\n1, Ada\n2, Bob\n\n", Tables.users(),
                        true, true),
                arguments("a blank line between rows is a row", CSV, "1, Ada\n\n2, Bob", Tables.users(), false,
                        false),
                arguments("T16 quoted comma", CSV, "\"a,b\"", Tables.columns("v").row("a,b").build(), true, true),
                arguments("T16 unquoted comma is two fields", CSV, "a,b", Tables.columns("v").row("a,b").build(),
                        false, false),
                arguments("quoting a plain value is tolerated", CSV, "\"1\", Ada", ADA, true, false),
                arguments("T20 NULL in csv", CSV, ", 1", NULL_AND_ONE, true, true),
                arguments("T20 NULL is not the text NULL", CSV, "NULL, 1", NULL_AND_ONE, false, false),
                arguments("no numeric normalisation in csv", CSV, "15", Tables.columns("n").row("15.00").build(),
                        false, false),
                arguments("T17 table with heredoc newline (T28 after <<- stripping)", TABLE, T17, Tables.users(),
                        true, true),
                arguments("T19 rows without the leading space", TABLE, """
                         id | name
                        ----+------
                        1  | Ada
                        2  | Bob
                        """, Tables.users(), true, false),
                arguments("table with other padding and no separator", TABLE, "id|name\n1|Ada\n2|Bob",
                        Tables.users(), true, false),
                arguments("table with trailing spaces and blank lines", TABLE,
                        "\n id | name  \n----+------\n\n 1  | Ada  \n 2  | Bob\n\n", Tables.users(), true, false),
                arguments("table with a different header", TABLE, " ID | name\n----+------\n 1  | Ada\n 2  | Bob",
                        Tables.users(), false, false),
                arguments("table with a row missing", TABLE, " id | name\n----+------\n 1  | Ada",
                        Tables.users(), false, false),
                arguments("table with rows swapped", TABLE, " id | name\n----+------\n 2  | Bob\n 1  | Ada",
                        Tables.users(), false, false),
                arguments("table with an extra column", TABLE,
                        " id | name |\n----+------+\n 1  | Ada  |\n 2  | Bob  |", Tables.users(), false, false),
                arguments("C4 no numeric normalisation in table", TABLE, " n\n----\n 15",
                        Tables.columns("n").row("15.00").build(), false, false),
                arguments("T20 NULL in table is blank", TABLE, " v | w\n---+---\n   | 1", NULL_AND_ONE, true, true),
                arguments("T20 NULL in table, loose spacing", TABLE, "v|w\n|1", NULL_AND_ONE, true, false),
                arguments("csv text against table format", TABLE, "1, Ada\n2, Bob", Tables.users(), false, false),
                arguments("T13 empty table result, empty output", TABLE, "", new ResultTable(
                        java.util.List.of(), java.util.List.of()), true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void comparesLeniently(String name, Step.Format format, String expected, ResultTable actual, boolean lenient,
            boolean strict) {
        assertThat(OutputComparator.matches(format, expected, actual, false)).isEqualTo(lenient);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void comparesStrictly(String name, Step.Format format, String expected, ResultTable actual, boolean lenient,
            boolean strict) {
        assertThat(OutputComparator.matches(format, expected, actual, true)).isEqualTo(strict);
    }

    @Test
    void t17ForcedFailureShowsTheFourLinesByteForByte() {
        assertThat(OutputComparator.render(TABLE, Tables.users())).isEqualTo(T17.stripTrailing());
        assertThat(OutputComparator.render(CSV, Tables.users())).isEqualTo("1, Ada\n2, Bob");
    }

    @ParameterizedTest(name = "T21 match \"{0}\" -> {1}")
    @CsvSource({"^A.a$, true", "d, true", "^d, false", "Ada\\n, false"})
    void t21MatchIsSearchedInTheRendering(String pattern, boolean found) {
        String rendering = OutputComparator.render(CSV, Tables.columns("name").row("Ada").build());

        assertThat(Pattern.compile(pattern).matcher(rendering).find()).isEqualTo(found);
    }

    /** T72: stdout of an external program, compared without CSV parsing. */
    @ParameterizedTest(name = "[{index}] expected \"{0}\" vs stdout \"{1}\"")
    @MethodSource("texts")
    void t72ComparesProgramOutputAfterTrimmingNewlines(String expected, String stdout, boolean equal) {
        assertThat(OutputComparator.matchesText(expected, stdout)).isEqualTo(equal);
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                arguments("hello", "hello\n", true),
                arguments("hello", "\r\nhello\r\n", true),
                arguments("hello\n", "hello", true),
                arguments("bye", "hello\n", false),
                arguments("hi", "", false),
                arguments(" hello", "hello\n", false),
                arguments("hello", "hello \n", false),
                arguments("1,2", "1, 2\n", false),
                arguments("a\nb", "a\nb\n", true),
                arguments("a\nb", "a\r\nb\r\n", false));
    }
}
