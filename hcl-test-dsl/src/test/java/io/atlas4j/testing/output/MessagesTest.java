package io.atlas4j.testing.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.atlas4j.testdsl.Step;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessagesTest {

    @Test
    void t12MismatchMessage() {
        assertThat(Messages.noMatch("54321", "12345")).isEqualTo("no match for `54321` found in \"12345\"");
    }

    @Test
    void atlasPostExample() {
        assertThat(Messages.noMatch("John Fitzgerald, Kennedy", "John, Fitzgerald"))
                .isEqualTo("no match for `John Fitzgerald, Kennedy` found in \"John, Fitzgerald\"");
    }

    @Test
    void t15SeveralRowsStayOnOneLine() {
        String actual = OutputComparator.render(Step.Format.CSV, Tables.users());

        assertThat(Messages.noMatch("2, Bob\n1, Ada", actual))
                .isEqualTo("no match for `2, Bob\n1, Ada` found in \"1, Ada\\n2, Bob\"");
    }

    @Test
    void t21PatternShape() {
        assertThat(Messages.noMatch("^d", "Ada")).isEqualTo("no match for `^d` found in \"Ada\"");
    }

    @Test
    void t13EmptyActual() {
        assertThat(Messages.noMatch("0", "")).isEqualTo("no match for `0` found in \"\"");
    }

    static Stream<Arguments> quotes() {
        return Stream.of(
                arguments("plain", "\"plain\""),
                arguments("", "\"\""),
                arguments("a\nb", "\"a\\nb\""),
                arguments("tab\there", "\"tab\\there\""),
                arguments("cr\r", "\"cr\\r\""),
                arguments("say \"hi\"", "\"say \\\"hi\\\"\""),
                arguments("back\\slash", "\"back\\\\slash\""),
                arguments("bell\u0007", "\"bell\\a\""),
                arguments("bs\b ff\f vt\u000B", "\"bs\\b ff\\f vt\\v\""),
                arguments("nul\u0000 esc\u001B", "\"nul\\x00 esc\\x1b\""),
                arguments("del\u007F", "\"del\\x7f\""),
                arguments("café 😀 ü ß 名前", "\"café 😀 ü ß 名前\""),
                arguments("nbsp\u00A0", "\"nbsp\\u00a0\""),
                arguments("soft\u00ADhyphen", "\"soft\\u00adhyphen\""),
                arguments("ls\u2028", "\"ls\\u2028\""),
                arguments("tag\uDB40\uDC01", "\"tag\\U000e0001\""),
                arguments("lone\uD800", "\"lone\\ufffd\""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("quotes")
    void goQuote(String input, String quoted) {
        assertThat(Messages.goQuote(input)).isEqualTo(quoted);
    }
}
