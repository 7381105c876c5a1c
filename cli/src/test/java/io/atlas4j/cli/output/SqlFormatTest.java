package io.atlas4j.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlFormatTest {

    private static final SqlFormat HCL = new SqlFormat(false, "");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{{ sql . }}|''",
        "{{sql .}}|''",
        "{{ sql . \"  \" }}|'  '",
        "{{ sql . \"\t\" }}|'\t'",
    })
    void sqlTemplatesGiveTheirIndent(String format, String indent) {
        assertThat(SqlFormat.parse(format, HCL)).isEqualTo(new SqlFormat(true, indent));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ json . }}", "{{ sql }}", "sql", "{{ mermaid . }}"})
    void otherTemplatesAreUsageErrorsNamingWhatWorks(String format) {
        assertThatThrownBy(() -> SqlFormat.parse(format, HCL))
                .isInstanceOf(Atlas4jException.class)
                .hasMessageContaining("unsupported --format")
                .satisfies(e -> assertThat(((Atlas4jException) e).hint()).contains("{{ sql . }}"));
    }

    @org.junit.jupiter.api.Test
    void noFormatIsTheCommandsDefault() {
        assertThat(SqlFormat.parse(null, HCL)).isSameAs(HCL);
        assertThat(SqlFormat.parse("", HCL)).isSameAs(HCL);
    }
}
