package io.atlas4j.testing.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.testing.output.Truth.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code assert} values (T35, T36, T38). */
class TruthTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(quoteCharacter = '\'', value = {
            "t, TRUE", "T, TRUE", "true, TRUE", "TRUE, TRUE", "True, TRUE", "1, TRUE",
            "f, FALSE", "F, FALSE", "false, FALSE", "FALSE, FALSE", "0, FALSE",
            "yes, OTHER", "no, OTHER", "2, OTHER", "-1, OTHER", "01, OTHER", "1.0, OTHER", "tru, OTHER",
            "'', OTHER", "' t', OTHER", "'true ', OTHER"
    })
    void classifies(String value, Outcome outcome) {
        assertThat(Truth.of(value)).isEqualTo(outcome);
    }

    @Test
    void t38NullIsNeitherTrueNorFalse() {
        assertThat(Truth.of(null)).isEqualTo(Outcome.OTHER);
    }
}
