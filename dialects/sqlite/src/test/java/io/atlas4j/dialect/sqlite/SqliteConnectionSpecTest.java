package io.atlas4j.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqliteConnectionSpecTest {

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of("sqlite://dev?mode=memory", "jdbc:sqlite:file:dev?mode=memory&cache=shared", Map.of(), true),
                Arguments.of("sqlite3://dev?mode=memory", "jdbc:sqlite:file:dev?mode=memory&cache=shared", Map.of(), true),
                Arguments.of("sqlite://dev?mode=memory&_fk=1", "jdbc:sqlite:file:dev?mode=memory&cache=shared",
                        Map.of("foreign_keys", "true"), true),
                Arguments.of("sqlite://dev?mode=memory&cache=private", "jdbc:sqlite:file:dev?mode=memory&cache=private",
                        Map.of(), true),
                Arguments.of("sqlite://dev.db", "jdbc:sqlite:dev.db", Map.of(), false),
                Arguments.of("sqlite://path/to/file.db", "jdbc:sqlite:path/to/file.db", Map.of(), false),
                Arguments.of("sqlite:///abs/file.db?_fk=true", "jdbc:sqlite:/abs/file.db", Map.of("foreign_keys", "true"), false),
                Arguments.of("sqlite://file.db?_foreign_keys=0&_busy_timeout=500", "jdbc:sqlite:file.db",
                        Map.of("foreign_keys", "false", "busy_timeout", "500"), false),
                Arguments.of("sqlite://file.db?_journal_mode=wal&_sync=1", "jdbc:sqlite:file.db",
                        Map.of("journal_mode", "WAL", "synchronous", "NORMAL"), false),
                Arguments.of("sqlite://file.db?mode=ro", "jdbc:sqlite:file:file.db?mode=ro", Map.of(), false),
                Arguments.of("sqlite://file.db?_loc=auto&_txlock=immediate", "jdbc:sqlite:file.db", Map.of(), false),
                Arguments.of("sqlite://:memory:", "jdbc:sqlite::memory:", Map.of(), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void mapsAtlasUrlsToSqliteJdbc(String url, String jdbcUrl, Map<String, String> pragmas, boolean memory) {
        SqliteConnectionSpec spec = SqliteConnectionSpec.of(DatabaseUrl.parse(url));

        assertThat(spec.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(spec.pragmas()).isEqualTo(pragmas);
        assertThat(spec.memory()).isEqualTo(memory);
    }

    @ParameterizedTest
    @MethodSource("badFlags")
    void rejectsAFlagThatIsNotABoolean(String url) {
        assertThatThrownBy(() -> SqliteConnectionSpec.of(DatabaseUrl.parse(url)))
                .isInstanceOf(Atlas4jException.class)
                .hasMessageContaining("invalid value \"maybe\" for _fk")
                .satisfies(e -> assertThat(((Atlas4jException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
    }

    static Stream<String> badFlags() {
        return Stream.of("sqlite://dev?mode=memory&_fk=maybe", "sqlite://dev.db?_fk=maybe");
    }
}
