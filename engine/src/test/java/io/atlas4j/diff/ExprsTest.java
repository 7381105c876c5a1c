package io.atlas4j.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a > 0|(a > 0)",
        "(a > 0)|(a > 0)",
        "  (a > 0) |(a > 0)",
        "(a) > (b)|((a) > (b))",
        "((a) > (b))|((a) > (b))",
        "f(x)|(f(x))",
        "(a = ')(')|(a = ')(')",
        "(a) = ')'|((a) = ')')",
    })
    void mayWrap(String expr, String wrapped) {
        assertThat(Exprs.mayWrap(expr)).isEqualTo(wrapped);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a > 0|(a > 0)|true",
        "((a > 0))|a > 0|true",
        "a > 0|a > 1|false",
        "(a) > (b)|a > b|false",
        "(a) > (b)|((a) > (b))|true",
        "'(x)'|(x)|false",
    })
    void equivalent(String a, String b, boolean equal) {
        assertThat(Exprs.equivalent(a, b)).isEqualTo(equal);
        assertThat(Exprs.equivalent(b, a)).isEqualTo(equal);
    }
}
