package io.atlas4j.dev.testcontainers;

/** Where a {@code docker://} URL is opened: decided by {@link DockerFallback#route}. */
public sealed interface DockerRoute permits DockerRoute.Container, DockerRoute.Embedded, DockerRoute.NoDocker {

    /** A Docker engine is there: run the container. */
    record Container() implements DockerRoute {
    }

    /**
     * No Docker engine, but an embedded PostgreSQL stands in.
     *
     * @param url the {@code embedded://postgres/N[/db][?params]} URL to open
     * @param notice the one line to print to standard error before opening it
     */
    record Embedded(String url, String notice) implements DockerRoute {
    }

    /** No Docker engine and no stand-in: fail with "no Docker engine found". */
    record NoDocker() implements DockerRoute {
    }
}
