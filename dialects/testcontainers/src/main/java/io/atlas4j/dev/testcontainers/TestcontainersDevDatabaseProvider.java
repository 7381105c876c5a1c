package io.atlas4j.dev.testcontainers;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabaseProvider;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Opens {@code docker://<driver>[/<tag>[/<db>]]} and {@code docker+<driver>://<registry>/<image>[/<db>]}
 * dev databases: starts one container per dev database from the {@link ContainerRecipe} of the URL, waits
 * until the server accepts logins, runs the recipe's setup statements, and opens the resulting connection
 * URL ({@code postgres://postgres:pass@localhost:P/dev?sslmode=disable}, ...) through
 * {@link DevDatabases#open}: the running-server provider of the dialect module checks cleanliness and
 * isolates sessions. Closing the dev database stops the container.
 *
 * <p>Settings in {@link DevOptions#properties()}:
 * <ul>
 *   <li>{@value #REUSE_PROPERTY} {@code =true}: keep the container for the next run (Testcontainers reuse).
 *       Takes effect only with {@code testcontainers.reuse.enable=true} in
 *       {@code ~/.testcontainers.properties}; meant for sequential runs, not concurrent ones.</li>
 *   <li>{@value FallbackPolicy#PROPERTY} {@code =embedded|fail}: without a Docker engine,
 *       {@code docker://postgres/N} opens {@code embedded://postgres/N} (default) or fails.</li>
 * </ul>
 */
public final class TestcontainersDevDatabaseProvider implements DevDatabaseProvider {

    /** Keep containers between runs: {@code true} or {@code false} (default). */
    public static final String REUSE_PROPERTY = "atlas4j.dev.reuse";

    private final ContainerEngine engine;
    private final ServerSetup setup;
    private final BiFunction<DatabaseUrl, DevOptions, DevDatabase> opener;
    private final Predicate<DatabaseUrl> providerExists;
    private final Supplier<PrintStream> notices;

    /** The provider {@link ServiceLoader} creates: Testcontainers, notices on standard error. */
    public TestcontainersDevDatabaseProvider() {
        this(new TestcontainersEngine(), new DialectServerSetup(), DevDatabases::open,
                TestcontainersDevDatabaseProvider::anyProviderSupports, () -> System.err);
    }

    TestcontainersDevDatabaseProvider(ContainerEngine engine, ServerSetup setup,
                                      BiFunction<DatabaseUrl, DevOptions, DevDatabase> opener,
                                      Predicate<DatabaseUrl> providerExists, Supplier<PrintStream> notices) {
        this.engine = engine;
        this.setup = setup;
        this.opener = opener;
        this.providerExists = providerExists;
        this.notices = notices;
    }

    @Override
    public boolean supports(DatabaseUrl url) {
        return DockerUrl.isDockerScheme(url.scheme());
    }

    @Override
    public DevDatabase open(DatabaseUrl url, DevOptions options) {
        // Everything that can be checked without Docker is checked first, so a typo is reported as such on
        // every machine.
        DockerUrl docker = DockerUrl.parse(url.raw());
        ContainerRecipe recipe = ContainerRecipes.forUrl(docker);
        FallbackPolicy policy = FallbackPolicy.of(options);
        boolean reuse = reuse(options);

        DockerRoute route = DockerFallback.route(docker, engine.available(), policy);
        if (route instanceof DockerRoute.NoDocker) {
            throw DockerFallback.noDockerEngine(docker);
        }
        if (route instanceof DockerRoute.Embedded) {
            return openEmbedded(docker, (DockerRoute.Embedded) route, options);
        }
        return openContainer(url, docker, recipe, reuse, options);
    }

    private DevDatabase openEmbedded(DockerUrl docker, DockerRoute.Embedded route, DevOptions options) {
        DatabaseUrl embedded = DatabaseUrl.parse(route.url());
        if (!providerExists.test(embedded)) {
            throw DockerFallback.noDockerEngine(docker);
        }
        notices.get().println(route.notice());
        try {
            return opener.apply(embedded, options);
        } catch (Atlas4jException e) {
            if (e.code() == ErrorCode.UNSUPPORTED_DIALECT) {
                throw DockerFallback.noDockerEngine(docker, e);
            }
            throw e;
        }
    }

    private DevDatabase openContainer(DatabaseUrl url, DockerUrl docker, ContainerRecipe recipe, boolean reuse,
                                      DevOptions options) {
        // Fail before pulling anything when nothing could open the container's URL (no sqlserver dialect yet).
        if (!providerExists.test(DatabaseUrl.parse(recipe.connectionUrl("localhost", 1)))) {
            throw new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                    docker.masked() + ": no dev database provider for " + recipe.scheme() + ":// URLs",
                    "add io.atlas4j:atlas4j-dialect-" + artifact(recipe.scheme()) + " to the class path", null);
        }
        ContainerEngine.RunningContainer container;
        try {
            container = engine.start(recipe, reuse, docker.verbose() ? notices.get() : null);
        } catch (Atlas4jException e) {
            throw inContext(docker, e, null);
        }
        if (reuse && !container.kept()) {
            notices.get().println("atlas4j: " + REUSE_PROPERTY + "=true has no effect without testcontainers.reuse.enable=true"
                    + " in ~/.testcontainers.properties; this container is removed at the end of the run");
        }
        try {
            String host = container.host();
            int port = container.port();
            if (!container.reused()) {
                setup.run(DatabaseUrl.parse(recipe.adminUrl(host, port)), recipe.setup(),
                        Instant.now().plus(TestcontainersEngine.STARTUP_TIMEOUT));
            }
            DevDatabase server = opener.apply(DatabaseUrl.parse(recipe.connectionUrl(host, port)), options);
            return new ContainerDevDatabase(url, server, container);
        } catch (RuntimeException e) {
            container.stop();
            String hint = container.reused()
                    ? "the container was reused from an earlier run: remove it (docker rm -f) to start afresh" : null;
            if (e instanceof Atlas4jException) {
                throw inContext(docker, (Atlas4jException) e, hint);
            }
            throw new Atlas4jException(ErrorCode.DEV_DATABASE, "dev database " + docker.masked() + ": " + e, hint, e);
        }
    }

    private static boolean reuse(DevOptions options) {
        String value = options.properties().getOrDefault(REUSE_PROPERTY, "false").trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "true":
                return true;
            case "false":
            case "":
                return false;
            default:
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "invalid " + REUSE_PROPERTY + " \"" + value + "\"",
                        "use true or false", null);
        }
    }

    /** The same failure, saying which dev database it is about. */
    private static Atlas4jException inContext(DockerUrl docker, Atlas4jException e, String extraHint) {
        String hint = e.hint() == null ? extraHint : extraHint == null ? e.hint() : e.hint() + "; " + extraHint;
        return new Atlas4jException(e.code(), "dev database " + docker.masked() + ": " + e.getMessage(), hint, e);
    }

    private static String artifact(String scheme) {
        return scheme.equals("mariadb") ? "mysql" : scheme;
    }

    /** Whether any dev-database provider on the class path opens {@code url}. */
    static boolean anyProviderSupports(DatabaseUrl url) {
        return ServiceLoader.load(DevDatabaseProvider.class, TestcontainersDevDatabaseProvider.class.getClassLoader())
                .stream()
                .map(ServiceLoader.Provider::get)
                .anyMatch(p -> p.supports(url));
    }
}
