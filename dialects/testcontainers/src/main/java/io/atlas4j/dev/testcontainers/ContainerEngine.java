package io.atlas4j.dev.testcontainers;

import java.io.PrintStream;

/**
 * Runs containers from recipes. Testcontainers in production ({@link TestcontainersEngine}); a stand-in in
 * unit tests, so that what the provider does around a container is tested where there is no Docker.
 */
interface ContainerEngine {

    /** Whether a Docker engine answers. */
    boolean available();

    /**
     * Starts a container from {@code recipe} and waits until its port listens.
     *
     * @param reuse whether to pick up (or leave behind for next time) a container with the same recipe
     * @param output where to stream the container's output, or null for nowhere
     * @throws io.atlas4j.error.Atlas4jException naming the image when it cannot be pulled or started; no
     *     container is left running then
     */
    RunningContainer start(ContainerRecipe recipe, boolean reuse, PrintStream output);

    /** A started container. */
    interface RunningContainer {

        /** The host its mapped port is reached on ({@code localhost}, or the host of {@code DOCKER_HOST}). */
        String host();

        /** The host port the recipe's port is mapped to. */
        int port();

        /** Whether an existing container was picked up (reuse), so its setup has already run. */
        boolean reused();

        /** Whether it outlives the run (reuse in effect): then closing leaves it running. */
        boolean kept();

        /** Stops and removes it; quiet when already gone. */
        void stop();
    }
}
