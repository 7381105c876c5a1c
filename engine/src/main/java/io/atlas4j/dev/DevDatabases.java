package io.atlas4j.dev;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.Comparator;
import java.util.ServiceLoader;

/** Finds the provider for a dev-database URL and opens it. */
public final class DevDatabases {

    private DevDatabases() {
    }

    /**
     * Opens the dev database at {@code url}.
     *
     * @throws Atlas4jException {@code UNSUPPORTED_DIALECT} when no provider supports the URL
     */
    public static DevDatabase open(DatabaseUrl url, DevOptions options) {
        DevDatabaseProvider provider = ServiceLoader.load(DevDatabaseProvider.class, DevDatabases.class.getClassLoader())
                .stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.supports(url))
                .max(Comparator.comparingInt(DevDatabaseProvider::priority))
                .orElseThrow(() -> new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                        "no dev database provider for \"" + url.masked() + "\"",
                        "supported: sqlite://NAME?mode=memory, sqlite://FILE, postgres://..., mysql://..., maria://...;"
                                + " add the io.atlas4j:atlas4j-dialect-<name> artifact for the database", null));
        return provider.open(url, options);
    }
}
