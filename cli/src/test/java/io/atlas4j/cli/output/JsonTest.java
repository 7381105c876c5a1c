package io.atlas4j.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("plain string", "abc", "\"abc\""),
                Arguments.of("empty string", "", "\"\""),
                Arguments.of("quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\""),
                Arguments.of("short escapes", "\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\""),
                Arguments.of("other control characters", "\u0000\u001f", "\"\\u0000\\u001f\""),
                Arguments.of("line separators", "\u2028\u2029", "\"\\u2028\\u2029\""),
                Arguments.of("slash and unicode stay", "a/b é 😀", "\"a/b é 😀\""),
                Arguments.of("null", null, "null"),
                Arguments.of("true", true, "true"),
                Arguments.of("false", false, "false"),
                Arguments.of("int", 42, "42"),
                Arguments.of("negative long", -7L, "-7"),
                Arguments.of("whole double", 3.0, "3"),
                Arguments.of("fraction", 0.5, "0.5"),
                Arguments.of("empty array", List.of(), "[]"),
                Arguments.of("mixed array", Arrays.asList("x", 1, null, false), "[\"x\",1,null,false]"),
                Arguments.of("empty object", Json.object(), "{}"),
                Arguments.of("keys in put order", Json.object().put("Z", 1).put("A", "b").put("M", null),
                        "{\"Z\":1,\"A\":\"b\",\"M\":null}"),
                Arguments.of("absent optional key", Json.object().putIfPresent("A", null).putIfPresent("B", "x"),
                        "{\"B\":\"x\"}"),
                Arguments.of("nesting", Json.object().put("L", List.of(Json.object().put("k", List.of()))),
                        "{\"L\":[{\"k\":[]}]}"),
                Arguments.of("escaped key", Json.object().put("a\"b", 1), "{\"a\\\"b\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void writes(String name, Object value, String expected) {
        assertThat(Json.write(value)).isEqualTo(expected);
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{{ json . }}", "{{json .}}", " {{- json . -}} "})
    void acceptsAtlasJsonTemplate(String format) {
        assertThat(JsonFormat.json(format)).isTrue();
    }

    @Test
    void noFormatMeansTextAndAnyOtherIsAUsageError() {
        assertThat(JsonFormat.json(null)).isFalse();
        assertThatThrownBy(() -> JsonFormat.json("{{ sql . }}")).isInstanceOf(io.atlas4j.error.Atlas4jException.class)
                .hasMessageContaining("unsupported --format");
    }

    @Test
    void envMasksThePassword() {
        String env = JsonFormat.env(io.atlas4j.url.DatabaseUrl.parse("postgres://u:s3cret@localhost:5432/app"), "file://m")
                .toString();
        assertThat(env).startsWith("{\"Driver\":\"postgres\",\"URL\":\"postgres://u:").endsWith(",\"Dir\":\"file://m\"}")
                .doesNotContain("s3cret");
    }
}
