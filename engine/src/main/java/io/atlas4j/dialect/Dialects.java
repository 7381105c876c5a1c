package io.atlas4j.dialect;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The registry of dialects on the class path. */
public final class Dialects {

    private Dialects() {
    }

    /** Every dialect found by {@link ServiceLoader}, in class-path order. */
    public static List<Dialect> all() {
        return ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());
    }

    /**
     * The dialect for a URL's scheme.
     *
     * @throws Atlas4jException {@link ErrorCode#UNSUPPORTED_DIALECT} naming the dialects found and the
     *     artifact to add
     */
    public static Dialect forUrl(DatabaseUrl url) {
        List<Dialect> all = all();
        return all.stream()
                .filter(d -> d.urlSchemes().contains(url.scheme()))
                .findFirst()
                .orElseThrow(() -> new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                        "no dialect for URL scheme \"" + url.scheme() + "\" (" + url.masked() + "); dialects found: "
                                + (all.isEmpty() ? "none" : all.stream().map(Dialect::name).collect(Collectors.joining(", "))),
                        "add io.atlas4j:atlas4j-dialect-" + artifactFor(url.scheme()) + " to the class path", null));
    }

    private static String artifactFor(String scheme) {
        switch (scheme) {
            case "postgresql":
                return "postgres";
            case "maria":
            case "mariadb":
                return "mysql";
            case "sqlite3":
                return "sqlite";
            default:
                return scheme;
        }
    }
}
