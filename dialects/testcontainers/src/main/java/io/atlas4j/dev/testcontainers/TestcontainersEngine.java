package io.atlas4j.dev.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.Redaction;
import java.io.PrintStream;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.TestcontainersConfiguration;

/** Runs recipes as Testcontainers {@link GenericContainer}s. */
final class TestcontainersEngine implements ContainerEngine {

    /** How long a container may take to listen on its port, as Atlas waits for its containers. */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(1);

    /**
     * A label holding the recipe's setup statements. Testcontainers reuses a container only when its whole
     * creation request matches, labels included: so a reused container has had exactly these statements
     * run (a postgis container created for database "a" is not picked up for database "b").
     */
    static final String SETUP_LABEL = "io.atlas4j.dev.setup";

    @Override
    public boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            // A broken DOCKER_HOST or socket is "no engine" for our purposes; the fallback decides what next.
            return false;
        }
    }

    @Override
    public RunningContainer start(ContainerRecipe recipe, boolean reuse, PrintStream output) {
        DockerImageName image;
        try {
            image = DockerImageName.parse(recipe.image());
            image.assertValid();
        } catch (IllegalArgumentException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "invalid docker image \"" + recipe.image() + "\"",
                    "write the image as [registry/]name[:tag]", e);
        }
        // Without testcontainers.reuse.enable=true Testcontainers ignores withReuse and the container would
        // be removed at JVM exit anyway; asking only when it takes effect keeps kept() truthful.
        boolean keep = reuse && TestcontainersConfiguration.getInstance().environmentSupportsReuse();
        RecipeContainer container = new RecipeContainer(image);
        container.withExposedPorts(recipe.port())
                .withEnv(recipe.env())
                .withLabel(SETUP_LABEL, String.join(";\n", recipe.setup()))
                .withStartupAttempts(1)
                .waitingFor(Wait.forListeningPort().withStartupTimeout(STARTUP_TIMEOUT))
                .withReuse(keep);
        if (output != null) {
            String prefix = "[" + recipe.image() + "] ";
            container.withLogConsumer(frame -> output.println(prefix + frame.getUtf8StringWithoutLineEnding()));
        }
        try {
            container.start();
            return new Started(container, recipe.port(), keep);
        } catch (RuntimeException e) {
            stopQuietly(container);
            throw failure(recipe, e);
        }
    }

    /** The user's view of a start failure: which image, and what to do. */
    static Atlas4jException failure(ContainerRecipe recipe, RuntimeException e) {
        String image = recipe.image();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ContainerFetchException) {
                return new Atlas4jException(ErrorCode.DEV_DATABASE,
                        "cannot pull image \"" + image + "\": " + hidePassword(recipe, rootMessage(e)),
                        "check the image name and tag, that the registry can be reached, and that you are logged in"
                                + " to it when it is private (try: docker pull " + image + ")",
                        e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Timed out waiting")) {
                return new Atlas4jException(ErrorCode.DEV_DATABASE,
                        "container " + image + " did not become ready within " + STARTUP_TIMEOUT.toSeconds() + "s",
                        "is Docker running, with the memory the image needs? add ?v to the docker URL to see the"
                                + " container's output",
                        e);
            }
        }
        return new Atlas4jException(ErrorCode.DEV_DATABASE,
                "cannot start container " + image + ": " + hidePassword(recipe, rootMessage(e)),
                "is Docker running? add ?v to the docker URL to see the container's output", e);
    }

    /** Docker's messages may echo the environment (KEY=value); the recipe's password must not show. */
    private static String hidePassword(ContainerRecipe recipe, String text) {
        String p = recipe.password();
        return text.replace("=" + p, "=" + Redaction.MASK).replace(":" + p + "@", ":" + Redaction.MASK + "@");
    }

    private static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }

    private static void stopQuietly(GenericContainer<?> container) {
        try {
            container.stop();
        } catch (RuntimeException ignored) {
            // Already failing; the start failure is the one to report.
        }
    }

    /** Records whether Testcontainers picked up an existing container. */
    private static final class RecipeContainer extends GenericContainer<RecipeContainer> {
        private volatile boolean reused;

        RecipeContainer(DockerImageName image) {
            super(image);
        }

        @Override
        protected void containerIsStarting(InspectContainerResponse containerInfo, boolean reused) {
            this.reused = reused;
            super.containerIsStarting(containerInfo, reused);
        }
    }

    private static final class Started implements RunningContainer {
        private final RecipeContainer container;
        private final int port;
        private final boolean kept;

        Started(RecipeContainer container, int internalPort, boolean kept) {
            this.container = container;
            this.port = container.getMappedPort(internalPort);
            this.kept = kept;
        }

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public boolean reused() {
            return container.reused;
        }

        @Override
        public boolean kept() {
            return kept;
        }

        @Override
        public void stop() {
            stopQuietly(container);
        }
    }
}
