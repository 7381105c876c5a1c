package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The names of template schemas: apart from the slots' {@code atlas4j_<schema>_<n>}, and within 64 characters. */
class TemplateNameTest {

    @ParameterizedTest
    @CsvSource({
            "dev, 1, atlas4j_tpl_dev_1",
            "dev, 12, atlas4j_tpl_dev_12",
            "a_very_long_schema_name_that_goes_on_and_on_for_ever_and_ever, 3,"
                    + " atlas4j_tpl_a_very_long_schema_name_that_goes_on_and_on_for_ev_3",
    })
    void namesATemplate(String schema, int n, String expected) {
        String name = MysqlDevDatabase.templateName(schema, n);
        assertThat(name).isEqualTo(expected).hasSizeLessThanOrEqualTo(64);
    }
}
