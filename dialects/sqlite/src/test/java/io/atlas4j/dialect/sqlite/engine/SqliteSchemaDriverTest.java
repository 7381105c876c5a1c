package io.atlas4j.dialect.sqlite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.sqlite.SqliteType;
import io.atlas4j.url.DatabaseUrl;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQLite schema driver's own answers: scope, quoting and type spelling (engine.md §0, §1.2, E27). */
class SqliteSchemaDriverTest {

    @ParameterizedTest
    @ValueSource(strings = {"sqlite://dev?mode=memory", "sqlite://app.db", "sqlite3://x.db?_fk=1"})
    void everyUrlIsBoundToMain(String url) {
        assertThat(Fx.DRIVER.boundSchema(DatabaseUrl.parse(url))).contains("main");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"users|`users`", "a`b|`a``b`"})
    void namesAreQuotedWithBackticks(String name, String quoted) {
        assertThat(Fx.DRIVER.quote(name)).isEqualTo(quoted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VARCHAR(255)|varchar|varchar", "DECIMAL(10, 2)|decimal|decimal", "''|blob|blob", "Unsigned  Big INT|unsigned big int|unsigned big int",
        "int|int|int"})
    void typesAreLowerCasedAndPrintedWithoutSizes(String declared, String name, String ddl) {
        SqliteType t = (SqliteType) Fx.DRIVER.parseType(declared);

        assertThat(t.name()).isEqualTo(name);
        assertThat(Fx.DRIVER.formatType(t)).isEqualTo(ddl);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VARCHAR(255)"})
    void sizesAreKeptInTheModel(String declared) {
        assertThat(Fx.DRIVER.parseType(declared)).isEqualTo(new SqliteType("varchar", List.of("255")));
    }
}
