package io.atlas4j.dialect.postgres;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** engine.md §9's PostgreSQL cases, planned from real inspected states and applied to the CI server. */
class PostgresEngineCasesIT {

    static List<EngineCase> cases() {
        return EngineCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planMatchesTheSpecAndApplies(EngineCase c) throws Exception {
        new EngineCaseRunner(PostgresServer.devUrl()).run(c);
    }
}
