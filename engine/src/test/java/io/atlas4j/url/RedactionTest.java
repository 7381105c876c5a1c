package io.atlas4j.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgres://u:secret@h:5432/db|postgres://u:xxxxx@h:5432/db",
        "cannot connect to mysql://root:p%40ss@localhost/dev: refused|cannot connect to mysql://root:xxxxx@localhost/dev: refused",
        "a postgres://u:s@h/x and mysql://v:t@h/y|a postgres://u:xxxxx@h/x and mysql://v:xxxxx@h/y",
        "postgres://u@h/db|postgres://u@h/db",
        "jdbc:postgresql://h/db?user=u&password=secret&ssl=true|jdbc:postgresql://h/db?user=u&password=xxxxx&ssl=true",
        "sqlserver://h?database=dev;PASSWORD=abc;x=1|sqlserver://h?database=dev;PASSWORD=xxxxx;x=1",
        "dev ?password=se:cret failed|dev ?password=xxxxx failed",
        "docker://h?password=xxxxx: no Docker engine found|docker://h?password=xxxxx: no Docker engine found",
        "url ?pwd=abc:|url ?pwd=xxxxx:",
        "no url here|no url here",
        "mysql://root:p@ss@localhost:3306/dev|mysql://root:xxxxx@localhost:3306/dev",
    })
    void masksEveryPasswordAndKeepsTheRestOfTheText(String text, String expected) {
        assertThat(Redaction.mask(text)).isEqualTo(expected);
    }
}
