package io.atlas4j.dev.embedded;

import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dialect.postgres.EngineCase;
import io.atlas4j.dialect.postgres.EngineCaseRunner;
import io.atlas4j.url.DatabaseUrl;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * engine.md §9's PostgreSQL acceptance cases (the fixtures of the PostgreSQL dialect's tests) on embedded
 * PostgreSQL 16 and 17: the same plans must come out of every supported major.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedEngineCasesIT {

    private EmbeddedPostgresDevDatabase pg16;
    private EmbeddedPostgresDevDatabase pg17;

    @BeforeAll
    void start() {
        pg16 = (EmbeddedPostgresDevDatabase) DevDatabases.open(DatabaseUrl.parse("embedded://postgres/16/cases"), DevOptions.defaults());
        pg17 = (EmbeddedPostgresDevDatabase) DevDatabases.open(DatabaseUrl.parse("embedded://postgres/17/cases"), DevOptions.defaults());
    }

    @AfterAll
    void stop() {
        if (pg16 != null) {
            pg16.close();
        }
        if (pg17 != null) {
            pg17.close();
        }
    }

    Stream<Arguments> cases() {
        List<EngineCase> all = EngineCase.all();
        return Stream.concat(all.stream().map(c -> Arguments.of(16, c)), all.stream().map(c -> Arguments.of(17, c)));
    }

    @ParameterizedTest(name = "PostgreSQL {0}: {1}")
    @MethodSource("cases")
    void planMatchesTheSpecAndApplies(int major, EngineCase c) throws Exception {
        EmbeddedPostgresDevDatabase dev = major == 16 ? pg16 : pg17;
        new EngineCaseRunner(dev.serverUrl()).run(c);
    }
}
