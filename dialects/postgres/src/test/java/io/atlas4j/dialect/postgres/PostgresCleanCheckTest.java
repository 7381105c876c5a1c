package io.atlas4j.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresCleanCheck.SchemaTables;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PostgresCleanCheckTest {

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of(List.of(), null),
                Arguments.of(List.of(new SchemaTables("public", List.of())), null),
                Arguments.of(List.of(new SchemaTables("public", List.of("t", "u"))), "found table \"t\" in schema \"public\""),
                Arguments.of(List.of(new SchemaTables("foo", List.of())), "found schema \"foo\""),
                Arguments.of(List.of(new SchemaTables("app", List.of("x")), new SchemaTables("public", List.of("t"))),
                        "found schema \"app\""),
                Arguments.of(List.of(new SchemaTables("public", List.of("t")), new SchemaTables("zeta", List.of())),
                        "found table \"t\" in schema \"public\""),
                Arguments.of(List.of(new SchemaTables("public", List.of()), new SchemaTables("zeta", List.of())),
                        "found schema \"zeta\""));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void databaseScopeFollowsAtlas(List<SchemaTables> schemas, String reason) {
        assertThat(PostgresCleanCheck.databaseScopeReason(schemas)).isEqualTo(Optional.ofNullable(reason));
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void schemaScopeLooksAtTheConnectedSchemaOnly(List<String> tables, String reason) {
        assertThat(PostgresCleanCheck.schemaScopeReason(tables)).isEqualTo(Optional.ofNullable(reason));
    }

    static Stream<Arguments> schemas() {
        return Stream.of(
                Arguments.of(List.of(), null),
                Arguments.of(List.of("a", "b"), "found table \"a\" in connected schema"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "public|public",
            "App|app",
            "app, public|app",
            "'\"My Schema\", public'|My Schema",
            "'\"q\"\"uote\"'|q\"uote",
            "$user, public|alice",
            "'\"$user\"'|alice",
            "'  spaced  '|spaced"})
    void theConnectedSchemaIsTheFirstOfTheSearchPath(String searchPath, String schema) {
        assertThat(PostgresScope.firstSchema(searchPath, "alice")).isEqualTo(schema);
    }
}
