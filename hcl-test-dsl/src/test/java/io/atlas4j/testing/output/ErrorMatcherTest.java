package io.atlas4j.testing.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code catch} error patterns (T32, T33). */
class ErrorMatcherTest {

    private static final String PG = "ERROR: value for domain zip violates check constraint \"zip_check\"";

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "violates check constraint      | true",    // T32 fragment
            "duplicate key                  | false",   // T32 mismatch
            "violates .* constraint         | true",    // T33 regexp
            "constraint \"zip               | true",    // T33 quote inside
            "zip_check(                     | false",   // T33 invalid regexp, not a substring: no error
            "\"zip_check(                   | false",
            "^ERROR: value                  | true",    // unanchored search, anchors allowed
            "^value                         | false",
            "(?i)VIOLATES                   | true",
            "VIOLATES                       | false",
            "'zip_check\"$'                 | true"
    })
    void matchesPostgresMessage(String expected, boolean matches) {
        assertThat(ErrorMatcher.matches(expected, PG)).isEqualTo(matches);
    }

    @Test
    void invalidRegexpFallsBackToLiteralSubstring() {
        assertThat(ErrorMatcher.matches("check(", "failed: check(x > 0)")).isTrue();
        assertThat(ErrorMatcher.matches("[unclosed", "the [unclosed bracket")).isTrue();
        assertThat(ErrorMatcher.matches("*", "a * b")).isTrue();
        assertThat(ErrorMatcher.matches("*", "a b")).isFalse();
    }

    @Test
    void validRegexpIsNotAlsoTriedLiterally() {
        // "a.c" compiles, so it is only a regexp; "(x)" as a regexp finds "x", not the parentheses.
        assertThat(ErrorMatcher.matches("(x)", "value x")).isTrue();
        assertThat(ErrorMatcher.matches("a+b", "a+b")).isFalse();
    }

    @Test
    void sqliteIncompleteInput() {
        assertThat(ErrorMatcher.matches("incomplete input", "[SQLITE_ERROR] SQL error or missing database "
                + "(incomplete input)")).isTrue();
    }

    @Test
    void nullMessageIsEmpty() {
        assertThat(ErrorMatcher.matches("x", null)).isFalse();
        assertThat(ErrorMatcher.matches("", null)).isTrue();
    }
}
