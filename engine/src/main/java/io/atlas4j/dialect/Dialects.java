package io.atlas4j.dialect;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The registry of dialects on the class path. */
public final class Dialects {

    private Dialects() {
    }

    /** Providers that fail to load before the scan stops trying: ServiceLoader's recovery is best effort. */
    private static final int MAX_BROKEN = 16;

    /**
     * Every dialect found by {@link ServiceLoader}, in class-path order. A provider that cannot be loaded
     * (a missing driver class, a failing constructor) is left out, so the others still serve their URLs.
     */
    public static List<Dialect> all() {
        return load().dialects();
    }

    /** The dialects that loaded, and why the others did not. */
    private record Loaded(List<Dialect> dialects, List<String> broken) {
    }

    private static Loaded load() {
        List<Dialect> dialects = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<Dialect> it = ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader()).iterator();
        while (broken.size() < MAX_BROKEN) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                dialects.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                broken.add(e.getMessage());
            }
        }
        return new Loaded(dialects, broken);
    }

    /**
     * The dialect for a URL's scheme.
     *
     * @throws Atlas4jException {@link ErrorCode#UNSUPPORTED_DIALECT} naming the dialects found and the
     *     artifact to add
     */
    public static Dialect forUrl(DatabaseUrl url) {
        Loaded loaded = load();
        List<Dialect> all = loaded.dialects();
        return all.stream()
                .filter(d -> d.urlSchemes().contains(url.scheme()))
                .findFirst()
                .orElseThrow(() -> new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                        "no dialect for URL scheme \"" + url.scheme() + "\" (" + url.masked() + "); dialects found: "
                                + (all.isEmpty() ? "none" : all.stream().map(Dialect::name).collect(Collectors.joining(", ")))
                                + (loaded.broken().isEmpty() ? "" : "; not loaded: " + String.join("; ", loaded.broken())),
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
