package io.atlas4j.dev.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabaseProvider;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the provider does around a container — order of checks, setup, the URL it opens, stopping the
 * container on close and on every failure, reuse, the embedded fallback — with a stand-in engine, so it
 * is tested on machines without Docker. {@code TestcontainersIT} runs the real engine.
 */
class TestcontainersDevDatabaseProviderTest {

    private final FakeEngine engine = new FakeEngine();
    private final List<String> setupCalls = new ArrayList<>();
    private RuntimeException setupFailure;
    private final List<String> opened = new ArrayList<>();
    private RuntimeException openFailure;
    private final Set<String> providerSchemes = new HashSet<>(Set.of("postgres", "mysql", "mariadb", "embedded"));
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private TestcontainersDevDatabaseProvider provider() {
        PrintStream notices = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        Predicate<DatabaseUrl> exists = u -> providerSchemes.contains(u.scheme());
        return new TestcontainersDevDatabaseProvider(engine, this::setup, this::open, exists, () -> notices);
    }

    private void setup(DatabaseUrl adminUrl, List<String> statements, Instant deadline) {
        assertThat(deadline).isAfter(Instant.now().plus(Duration.ofSeconds(50)));
        setupCalls.add(adminUrl.raw() + " " + statements);
        if (setupFailure != null) {
            throw setupFailure;
        }
    }

    private DevDatabase open(DatabaseUrl url, DevOptions options) {
        opened.add(url.raw());
        if (openFailure != null) {
            throw openFailure;
        }
        return new FakeDevDatabase(url);
    }

    private DevDatabase open(String url) {
        return open(url, DevOptions.defaults(), provider());
    }

    private static DevDatabase open(String url, DevOptions options, TestcontainersDevDatabaseProvider provider) {
        return provider.open(DatabaseUrl.parse(url), options);
    }

    private static DevOptions options(String key, String value) {
        return new DevOptions(Duration.ofSeconds(10), Map.of(key, value));
    }

    private String notices() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    // ---- which URLs -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"docker://postgres/16/dev", "docker+postgres://_/postgres:16/dev", "docker+mysql:///local/dev"})
    void supportsDockerUrls(String url) {
        assertThat(provider().supports(DatabaseUrl.parse(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://localhost/dev", "embedded://postgres/16", "sqlite://dev?mode=memory"})
    void leavesOtherUrlsAlone(String url) {
        assertThat(provider().supports(DatabaseUrl.parse(url))).isFalse();
    }

    @Test
    void isRegisteredAsAServiceAndReportsUnknownImagesWithoutDocker() {
        assertThat(ServiceLoader.load(DevDatabaseProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(TestcontainersDevDatabaseProvider.class);
        assertThatThrownBy(() -> DevDatabases.open(DatabaseUrl.parse("docker://oracle/21"), DevOptions.defaults()))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("unsupported docker image \"oracle\"");
                });
    }

    // ---- the container route ----------------------------------------------------------------------

    @Test
    void startsTheRecipeRunsSetupAndOpensTheResultingUrl() {
        DevDatabase db = open("docker://mysql/8/dev?parseTime=true");

        assertThat(engine.started).isEqualTo(ContainerRecipes.forUrl(DockerUrl.parse("docker://mysql/8/dev?parseTime=true")));
        assertThat(engine.reuseRequested).isFalse();
        assertThat(engine.output).as("no ?v: no container output").isNull();
        assertThat(setupCalls).containsExactly("mysql://root:pass@docker-host:40000/ [CREATE DATABASE IF NOT EXISTS `dev`]");
        assertThat(opened).containsExactly("mysql://root:pass@docker-host:40000/dev?parseTime=true");
        assertThat(db.url().raw()).as("the dev database keeps the URL it was opened with")
                .isEqualTo("docker://mysql/8/dev?parseTime=true");
        assertThat(notices()).isEmpty();
    }

    @Test
    void waitsForTheServerEvenWithoutSetupStatements() {
        open("docker://postgres/16/dev?search_path=public");

        assertThat(setupCalls).containsExactly("postgres://postgres:pass@docker-host:40000/?sslmode=disable []");
        assertThat(opened).containsExactly("postgres://postgres:pass@docker-host:40000/dev?search_path=public&sslmode=disable");
    }

    @Test
    void delegatesToTheServersDevDatabase() {
        FakeDevDatabase server;
        try (DevDatabase db = open("docker://postgres/16/dev")) {
            server = FakeDevDatabase.last;
            assertThat(db.prepare(SchemaState.EMPTY)).isSameAs(server.workspace);
            assertThat(db.dialect()).isSameAs(server.dialect());
        }
        assertThat(server.closed).isTrue();
    }

    @Test
    void closingStopsTheContainerOnce() {
        DevDatabase db = open("docker://postgres/16/dev");
        assertThat(engine.stops).isZero();

        db.close();
        db.close();

        assertThat(FakeDevDatabase.last.closed).isTrue();
        assertThat(engine.stops).isEqualTo(1);
    }

    @Test
    void closingStopsTheContainerEvenWhenTheServerFailsToClose() {
        DevDatabase db = open("docker://postgres/16/dev");
        FakeDevDatabase.last.closeFailure = new IllegalStateException("connection reset");

        assertThatThrownBy(db::close).hasMessage("connection reset");
        assertThat(engine.stops).isEqualTo(1);
    }

    @Test
    void verboseStreamsTheContainersOutputToTheNoticeStream() {
        open("docker://postgres/16/dev?v");

        assertThat(engine.output).isNotNull();
        assertThat(opened.get(0)).doesNotContain("v=").doesNotContain("&v");
    }

    @Test
    void aFailingSetupStopsTheContainerAndSaysWhichDevDatabase() {
        setupFailure = new Atlas4jException(ErrorCode.DEV_DATABASE, "setup statement CREATE DATABASE [dev] failed: boom");

        assertThatThrownBy(() -> open("docker://mysql/8/dev"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo(
                            "dev database docker://mysql/8/dev: setup statement CREATE DATABASE [dev] failed: boom");
                });
        assertThat(engine.stops).isEqualTo(1);
        assertThat(opened).isEmpty();
    }

    @Test
    void aFailingOpenStopsTheContainerKeepsTheCodeAndMasksPasswords() {
        openFailure = new Atlas4jException(ErrorCode.CONNECTION,
                "cannot connect to postgres://postgres:pass@docker-host:40000/dev?sslmode=disable: refused", "is it up?", null);

        assertThatThrownBy(() -> open("docker://postgres/16/dev"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
                    assertThat(e.getMessage()).isEqualTo("dev database docker://postgres/16/dev: cannot connect to"
                            + " postgres://postgres:xxxxx@docker-host:40000/dev?sslmode=disable: refused");
                    assertThat(e.hint()).isEqualTo("is it up?");
                });
        assertThat(engine.stops).isEqualTo(1);
    }

    @Test
    void anUnexpectedFailureStopsTheContainerToo() {
        openFailure = new IllegalStateException("driver exploded");

        assertThatThrownBy(() -> open("docker://postgres/16/dev"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).startsWith("dev database docker://postgres/16/dev: ")
                            .contains("driver exploded");
                });
        assertThat(engine.stops).isEqualTo(1);
    }

    @Test
    void aStartFailureNamesTheDevDatabase() {
        engine.startFailure = new Atlas4jException(ErrorCode.DEV_DATABASE, "cannot pull image \"postgres:99\": not found",
                "check the image name", null);

        assertThatThrownBy(() -> open("docker://postgres/99/dev"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(
                            "dev database docker://postgres/99/dev: cannot pull image \"postgres:99\": not found");
                    assertThat(e.hint()).isEqualTo("check the image name");
                });
        assertThat(setupCalls).isEmpty();
    }

    @Test
    void withoutAProviderForTheResultingUrlNothingIsStarted() {
        assertThatThrownBy(() -> open("docker://sqlserver/2022-latest/dev?mode=schema"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_DIALECT);
                    assertThat(e.getMessage()).isEqualTo(
                            "docker://sqlserver/2022-latest/dev?mode=schema: no dev database provider for sqlserver:// URLs");
                    assertThat(e.hint()).isEqualTo("add io.atlas4j:atlas4j-dialect-sqlserver to the class path");
                });
        assertThat(engine.started).isNull();
    }

    @Test
    void mariaNeedsTheMysqlArtifact() {
        providerSchemes.remove("mariadb");

        assertThatThrownBy(() -> open("docker://maria/11/dev"))
                .isInstanceOfSatisfying(Atlas4jException.class,
                        e -> assertThat(e.hint()).isEqualTo("add io.atlas4j:atlas4j-dialect-mysql to the class path"));
    }

    // ---- reuse -------------------------------------------------------------------------------------

    @Test
    void reuseKeepsTheContainerAfterClose() {
        engine.kept = true;

        open("docker://postgres/16/dev", options(TestcontainersDevDatabaseProvider.REUSE_PROPERTY, "true"), provider()).close();

        assertThat(engine.reuseRequested).isTrue();
        assertThat(engine.stops).isZero();
        assertThat(notices()).isEmpty();
    }

    @Test
    void aReusedContainerIsNotSetUpAgain() {
        engine.kept = true;
        engine.reused = true;

        open("docker://postgis/16-3.4/dev", options(TestcontainersDevDatabaseProvider.REUSE_PROPERTY, "true"), provider());

        assertThat(setupCalls).isEmpty();
        assertThat(opened).containsExactly("postgres://postgres:pass@docker-host:40000/dev?sslmode=disable");
    }

    @Test
    void aFailureOnAReusedContainerRemovesItAndSaysSo() {
        engine.kept = true;
        engine.reused = true;
        openFailure = new Atlas4jException(ErrorCode.DEV_DATABASE, "sql/migrate: connected database is not clean: found schema \"x\"",
                "use an empty database", null);

        assertThatThrownBy(() -> open("docker://postgres/16/dev", options(TestcontainersDevDatabaseProvider.REUSE_PROPERTY, "true"),
                provider()))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> assertThat(e.hint())
                        .isEqualTo("use an empty database; the container was reused from an earlier run: remove it"
                                + " (docker rm -f) to start afresh"));
        assertThat(engine.stops).isEqualTo(1);
    }

    @Test
    void reuseWithoutTestcontainersSupportSaysSoAndStopsTheContainer() {
        engine.kept = false;

        open("docker://postgres/16/dev", options(TestcontainersDevDatabaseProvider.REUSE_PROPERTY, "true"), provider()).close();

        assertThat(notices()).isEqualTo("atlas4j: atlas4j.dev.reuse=true has no effect without testcontainers.reuse.enable=true"
                + " in ~/.testcontainers.properties; this container is removed at the end of the run" + System.lineSeparator());
        assertThat(engine.stops).isEqualTo(1);
    }

    @Test
    void invalidReuseValue() {
        assertThatThrownBy(() -> open("docker://postgres/16/dev", options(TestcontainersDevDatabaseProvider.REUSE_PROPERTY, "yes"),
                provider()))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("invalid atlas4j.dev.reuse \"yes\"");
                });
        assertThat(engine.started).isNull();
    }

    // ---- no Docker engine --------------------------------------------------------------------------

    @Test
    void withoutDockerPostgresOpensTheEmbeddedServerWithOneNotice() {
        engine.available = false;

        DevDatabase db = open("docker://postgres/16/dev?search_path=public");

        assertThat(opened).containsExactly("embedded://postgres/16/dev?search_path=public");
        assertThat(db).isSameAs(FakeDevDatabase.last);
        assertThat(notices()).isEqualTo("atlas4j: no Docker engine found; using embedded://postgres/16/dev?search_path=public"
                + " instead of docker://postgres/16/dev?search_path=public (set atlas4j.dev.docker-fallback=fail to turn"
                + " this off)" + System.lineSeparator());
        assertThat(engine.started).isNull();
    }

    @Test
    void withoutDockerAndWithoutTheEmbeddedProviderItFailsWithoutANotice() {
        engine.available = false;
        providerSchemes.remove("embedded");

        assertThatThrownBy(() -> open("docker://postgres/16/dev"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo("docker://postgres/16/dev: no Docker engine found");
                    assertThat(e.hint()).startsWith("start Docker (or set DOCKER_HOST)");
                });
        assertThat(notices()).isEmpty();
        assertThat(opened).isEmpty();
    }

    @Test
    void anUnsupportedDialectFromTheFallbackBecomesNoDockerEngine() {
        engine.available = false;
        openFailure = new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT, "no dev database provider for \"embedded://postgres/16/dev\"");

        assertThatThrownBy(() -> open("docker://postgres/16/dev"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo("docker://postgres/16/dev: no Docker engine found");
                    assertThat(e.getCause()).isSameAs(openFailure);
                });
    }

    @Test
    void otherFallbackFailuresAreTheEmbeddedProvidersOwn() {
        engine.available = false;
        openFailure = new Atlas4jException(ErrorCode.DEV_DATABASE, "embedded://postgres/13: no such major (14 to 18)");

        assertThatThrownBy(() -> open("docker://postgres/13"))
                .isSameAs(openFailure);
    }

    @Test
    void failPolicyTurnsTheFallbackOff() {
        engine.available = false;

        assertThatThrownBy(() -> open("docker://postgres/16/dev", options(FallbackPolicy.PROPERTY, "fail"), provider()))
                .isInstanceOfSatisfying(Atlas4jException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("docker://postgres/16/dev: no Docker engine found"));
        assertThat(opened).isEmpty();
        assertThat(notices()).isEmpty();
    }

    @Test
    void withoutDockerOtherDatabasesFail() {
        engine.available = false;

        assertThatThrownBy(() -> open("docker://mysql/8/dev"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo("docker://mysql/8/dev: no Docker engine found");
                });
    }

    @Test
    void urlMistakesAreReportedBeforeLookingForDocker() {
        engine.available = false;

        assertThatThrownBy(() -> open("docker://oracle/21"))
                .isInstanceOfSatisfying(Atlas4jException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("unsupported docker image \"oracle\""));
        assertThatThrownBy(() -> open("docker://postgres/16", options(FallbackPolicy.PROPERTY, "never"), provider()))
                .isInstanceOfSatisfying(Atlas4jException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION));
        assertThat(engine.availabilityChecks).isZero();
    }

    // ---- stand-ins ---------------------------------------------------------------------------------

    /** Records what it is asked to start. */
    private static final class FakeEngine implements ContainerEngine {
        boolean available = true;
        boolean reused;
        boolean kept;
        RuntimeException startFailure;
        int availabilityChecks;
        ContainerRecipe started;
        boolean reuseRequested;
        PrintStream output;
        int stops;

        @Override
        public boolean available() {
            availabilityChecks++;
            return available;
        }

        @Override
        public RunningContainer start(ContainerRecipe recipe, boolean reuse, PrintStream output) {
            this.started = recipe;
            this.reuseRequested = reuse;
            this.output = output;
            if (startFailure != null) {
                throw startFailure;
            }
            return new RunningContainer() {
                @Override
                public String host() {
                    return "docker-host";
                }

                @Override
                public int port() {
                    return 40000;
                }

                @Override
                public boolean reused() {
                    return reused;
                }

                @Override
                public boolean kept() {
                    return kept;
                }

                @Override
                public void stop() {
                    stops++;
                }
            };
        }
    }

    /** A server dev database that remembers being closed. */
    private static final class FakeDevDatabase implements DevDatabase {
        static FakeDevDatabase last;

        private final DatabaseUrl url;
        private final Dialect dialect = new NamedDialect();
        final Workspace workspace = new EmptyWorkspace();
        RuntimeException closeFailure;
        boolean closed;

        FakeDevDatabase(DatabaseUrl url) {
            this.url = url;
            last = this;
        }

        @Override
        public Dialect dialect() {
            return dialect;
        }

        @Override
        public DatabaseUrl url() {
            return url;
        }

        @Override
        public Workspace prepare(SchemaState state) {
            return workspace;
        }

        @Override
        public void close() {
            closed = true;
            if (closeFailure != null) {
                throw closeFailure;
            }
        }
    }

    private static final class EmptyWorkspace implements Workspace {
        @Override
        public SchemaState state() {
            return SchemaState.EMPTY;
        }

        @Override
        public DevSession lease() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private static final class NamedDialect implements Dialect {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Set<String> urlSchemes() {
            return Set.of("fake");
        }

        @Override
        public java.sql.Connection connect(DatabaseUrl url) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<io.atlas4j.sql.SqlStatement> split(io.atlas4j.sql.SqlScript script) {
            return List.of();
        }
    }
}
