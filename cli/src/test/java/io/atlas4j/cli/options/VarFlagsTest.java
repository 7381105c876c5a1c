package io.atlas4j.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --var} parsing, project-config.md §4.1 and checklist item P7. */
class VarFlagsTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(List.of("a=1"), Map.of("a", List.of("1"))),
                // P7: repeating a name builds a list, in order.
                Arguments.of(List.of("a=1", "a=2"), Map.of("a", List.of("1", "2"))),
                // P7: one flag holds several comma-separated pairs.
                Arguments.of(List.of("a=1,b=2"), Map.of("a", List.of("1"), "b", List.of("2"))),
                Arguments.of(List.of("a=1,a=2", "a=3"), Map.of("a", List.of("1", "2", "3"))),
                // Only the first '=' separates: values may hold '='.
                Arguments.of(List.of("q=x=y"), Map.of("q", List.of("x=y"))),
                Arguments.of(List.of("e="), Map.of("e", List.of(""))),
                // CSV quoting keeps commas and quotes inside one pair.
                Arguments.of(List.of("\"msg=a,b\",n=1"), Map.of("msg", List.of("a,b"), "n", List.of("1"))),
                Arguments.of(List.of("\"say=\"\"hi\"\"\""), Map.of("say", List.of("\"hi\""))),
                // Spaces are data.
                Arguments.of(List.of("who= ada "), Map.of("who", List.of(" ada "))),
                // An empty flag value holds no pairs.
                Arguments.of(List.of(""), Map.of()),
                Arguments.of(List.of("url=postgres://u:p@h/db?sslmode=disable"),
                        Map.of("url", List.of("postgres://u:p@h/db?sslmode=disable"))));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void p7_parses(List<String> flags, Map<String, List<String>> expected) {
        assertThat(VarFlags.parse(flags)).isEqualTo(expected);
    }

    @Test
    void keepsFirstAppearanceOrder() {
        assertThat(VarFlags.parse(List.of("z=1", "a=2", "m=3")).keySet()).containsExactly("z", "a", "m");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(List.of("a"), "variables must be format as key=value, got: \"a\""),
                Arguments.of(List.of("a=1", "b"), "variables must be format as key=value, got: \"b\""),
                Arguments.of(List.of("a=1,b"), "variables must be format as key=value, got: \"b\""),
                Arguments.of(List.of("a=1,"), "variables must be format as key=value, got: \"\""),
                Arguments.of(List.of("\"q\\\""), "variables must be format as key=value, got: \"q\\\\\""),
                Arguments.of(List.of("\"a=1"),
                        "invalid argument \"\\\"a=1\" for \"--var\" flag: unterminated quoted field"),
                Arguments.of(List.of("\"a=1\"x"),
                        "invalid argument \"\\\"a=1\\\"x\" for \"--var\" flag: extraneous \" in field"),
                Arguments.of(List.of("a=\"1\""),
                        "invalid argument \"a=\\\"1\\\"\" for \"--var\" flag: bare \" in non-quoted field"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void p7_rejects(List<String> flags, String message) {
        assertThatThrownBy(() -> VarFlags.parse(flags))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
