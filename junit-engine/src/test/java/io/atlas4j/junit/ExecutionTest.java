package io.atlas4j.junit;

import static io.atlas4j.junit.EngineKit.FAILING;
import static io.atlas4j.junit.EngineKit.FOR_EACH;
import static io.atlas4j.junit.EngineKit.PASSING;
import static io.atlas4j.junit.EngineKit.RESOURCES;
import static io.atlas4j.junit.EngineKit.engine;
import static io.atlas4j.junit.EngineKit.find;
import static io.atlas4j.junit.EngineKit.schemaUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** Running cases through the engine: results, skips, logs and failures (T79, T80). */
class ExecutionTest {

    @Test
    void passingCasesSucceed() {
        EngineExecutionResults results = engine().selectors(selectFile(PASSING.toFile())).execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(), displayName("select_one"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("insert_user"), finishedSuccessfully()));
    }

    @Test
    void forEachIsAContainerOfOneTestPerRow() {
        // T79
        EngineExecutionResults results = engine().selectors(selectFile(FOR_EACH.toFile())).execute();

        results.containerEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container(), displayName("for-each.test.hcl"), finishedSuccessfully()))
                .haveExactly(1, event(container(), displayName("up"), finishedSuccessfully()));
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(), displayName("up/1"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("up/2"), finishedSuccessfully()));
        assertThat(logs(results.allEvents()))
                .containsExactly("for-each.test.hcl:6: a -> A", "for-each.test.hcl:6: b -> B");
    }

    @Test
    void anOutputMismatchFailsWithExpectedAndActualValues() {
        // T80
        EngineExecutionResults results = engine().selectors(selectFile(FAILING.toFile())).execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
        Throwable mismatch = failure(results.testEvents(), "mismatch");
        assertThat(mismatch).isInstanceOfSatisfying(AssertionFailedError.class, e -> {
            assertThat(e.getMessage()).isEqualTo("failing.test.hcl:2: no match for `54321` found in \"12345\"");
            assertThat(e.isExpectedDefined()).isTrue();
            assertThat(e.getExpected().getStringRepresentation()).isEqualTo("54321");
            assertThat(e.isActualDefined()).isTrue();
            assertThat(e.getActual().getStringRepresentation()).isEqualTo("12345");
        });
    }

    @Test
    void anSqlErrorFailsWithTheDriverMessageAtTheStep() {
        EngineExecutionResults results = engine().selectors(selectFile(FAILING.toFile())).execute();

        Throwable error = failure(results.testEvents(), "sql_error");
        assertThat(error).isInstanceOfSatisfying(AssertionFailedError.class, e -> {
            assertThat(e.getMessage()).startsWith("failing.test.hcl:9: ").contains("no_such_table");
            assertThat(e.isExpectedDefined()).isFalse();
            assertThat(e.isActualDefined()).isFalse();
        });
    }

    @Test
    void skippedCasesAreReportedSkippedWithTheReason() {
        // T79 (T49's case)
        EngineExecutionResults results = engine().selectors(selectFile(RESOURCES.resolve("basic/skip.test.hcl").toFile()))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.skipped(1).started(1).succeeded(1));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(), displayName("t"), skippedWithReason("skip = true")))
                .haveExactly(1, event(test(), displayName("not_skipped"), finishedSuccessfully()));
    }

    @Test
    void logLinesAreReportingEntries() {
        EngineExecutionResults results = engine().selectors(selectFile(RESOURCES.resolve("basic/log.test.hcl").toFile()))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(logs(results.allEvents())).containsExactly("log.test.hcl:2: first", "log.test.hcl:8: second");
        assertThat(results.allEvents().reportingEntryPublished().stream().map(Event::getTestDescriptor))
                .allSatisfy(d -> assertThat(d.getDisplayName()).isEqualTo("logs"));
    }

    @Test
    void aRowSelectedByUniqueIdRunsAlone() {
        UniqueId row = find(engine().selectors(selectFile(FOR_EACH.toFile())).discover().getEngineDescriptor(), "up/2")
                .getUniqueId();

        EngineExecutionResults results = engine().selectors(selectUniqueId(row)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(logs(results.allEvents())).containsExactly("for-each.test.hcl:6: b -> B");
    }

    @Test
    void variablesComeFromTheEnvAndParametersOverrideThem() {
        Path who = RESOURCES.resolve("project/who.test.hcl");
        EngineTestKit.Builder withEnv = EngineTestKit.engine(Constants.ENGINE_ID)
                .configurationParameter(Constants.URL_PROPERTY_NAME, schemaUrl())
                .configurationParameter(Constants.CONFIG_PROPERTY_NAME, RESOURCES.resolve("project/atlas.hcl").toString())
                .configurationParameter(Constants.ENV_PROPERTY_NAME, "local")
                .selectors(selectFile(who.toFile()));

        // The env gives both the dev URL and the variable.
        assertThat(logs(withEnv.execute().allEvents())).containsExactly("who.test.hcl:7: ada");
        assertThat(logs(withEnv.configurationParameter(Constants.VARS_PROPERTY_NAME_PREFIX + "who", "bob").execute()
                .allEvents())).containsExactly("who.test.hcl:7: bob");
        assertThat(logs(engine().selectors(selectFile(who.toFile())).execute().allEvents()))
                .containsExactly("who.test.hcl:7: nobody");
    }

    @Test
    void withoutADevUrlTheEngineFailsAndSaysWhatToSet() {
        EngineExecutionResults results = EngineTestKit.engine(Constants.ENGINE_ID)
                .configurationParameter(Constants.URL_PROPERTY_NAME, schemaUrl())
                .selectors(selectFile(PASSING.toFile()))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents().assertThatEvents().haveExactly(1,
                event(container("atlas4j"), finishedWithFailure(instanceOf(io.atlas4j.error.Atlas4jException.class),
                        message(m -> m.contains("dev-url") && m.contains("hint:")
                                && m.contains(Constants.DEV_URL_PROPERTY_NAME)))));
    }

    private static List<String> logs(Events events) {
        return events.reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(pairs -> pairs.containsKey(CaseRun.LOG_KEY))
                .map(pairs -> pairs.get(CaseRun.LOG_KEY))
                .toList();
    }

    private static Throwable failure(Events tests, String displayName) {
        return tests.finished().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().equals(displayName))
                .map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                .map(r -> r.getThrowable().orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError(displayName + " did not fail"));
    }
}
