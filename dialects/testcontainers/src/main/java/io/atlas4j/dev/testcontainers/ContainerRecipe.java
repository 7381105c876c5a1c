package io.atlas4j.dev.testcontainers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How to run a dev database in a container and how to connect to it: Atlas's Docker configuration for
 * one {@code docker://} URL. Pure data; {@link ContainerRecipes#forUrl(DockerUrl)} computes it.
 *
 * @param image the image reference, e.g. {@code postgres:16} or {@code arigaio/mysql} (no tag: latest)
 * @param port the port the server listens on inside the container
 * @param env the container's environment, in order
 * @param setup statements run once on the server (see {@link #adminUrl}) when it is ready, e.g.
 *     {@code CREATE DATABASE [dev]}
 * @param scheme the scheme of the resulting connection URL: {@code postgres}, {@code mysql},
 *     {@code mariadb}, {@code sqlserver} or {@code clickhouse}
 * @param user the login the resulting URL uses
 * @param password its password
 * @param database the database the resulting URL connects to, or null for server scope (MySQL, MariaDB,
 *     ClickHouse without a database)
 * @param params the docker URL's own query parameters, passed on to the resulting URL
 */
public record ContainerRecipe(String image, int port, Map<String, String> env, List<String> setup, String scheme,
                              String user, String password, String database, Map<String, String> params) {

    public ContainerRecipe {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(scheme, "scheme");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        setup = List.copyOf(setup);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * The URL the dev database is opened with, once the container runs and its port {@link #port()} is
     * mapped to {@code hostPort} on {@code host}: e.g.
     * {@code postgres://postgres:pass@localhost:55001/dev?search_path=public&sslmode=disable}.
     *
     * <p>The parameters the container needs ({@code sslmode=disable} for PostgreSQL, {@code database=<db>}
     * for SQL Server) win over the URL's own; parameters are sorted by name, as Atlas (Go's
     * {@code url.Values.Encode}) writes them.
     */
    public String connectionUrl(String host, int hostPort) {
        Map<String, String> query = new TreeMap<>(params);
        query.putAll(containerParams(database));
        return base(host, hostPort, database) + encode(query);
    }

    /**
     * The server-level URL the setup statements run on, without the database they may create (Atlas's
     * "ping" URL): the login's default database for PostgreSQL, {@code master} for SQL Server, none for
     * the others. The URL's own parameters are not used here: they are meant for the dev database.
     */
    public String adminUrl(String host, int hostPort) {
        return base(host, hostPort, null) + encode(containerParams(null));
    }

    private String base(String host, int hostPort, String db) {
        String authority = escape(user) + ":" + escape(password) + "@" + hostLiteral(host) + ":" + hostPort;
        if (scheme.equals("sqlserver")) {
            return scheme + "://" + authority;
        }
        return scheme + "://" + authority + "/" + (db == null ? "" : escape(db));
    }

    private Map<String, String> containerParams(String db) {
        switch (scheme) {
            case "postgres":
                return Map.of("sslmode", "disable");
            case "sqlserver":
                return db == null ? Map.of() : Map.of("database", db);
            default:
                return Map.of();
        }
    }

    private static String hostLiteral(String host) {
        // An IPv6 address must be bracketed in a URL authority.
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String encode(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return new TreeMap<>(query).entrySet().stream()
                .map(e -> escape(e.getKey()) + "=" + escape(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String escape(String s) {
        // %20 rather than '+': io.atlas4j.url.DatabaseUrl reads '+' as a literal plus.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
