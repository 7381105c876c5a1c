package io.atlas4j.dev;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
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
        List<DevDatabaseProvider> providers = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        // A provider whose own dependencies are missing (say, Testcontainers excluded by the user) must
        // not take the others down with it: it is skipped, and named if nothing else fits.
        for (ServiceLoader.Provider<DevDatabaseProvider> candidate
                : ServiceLoader.load(DevDatabaseProvider.class, DevDatabases.class.getClassLoader()).stream().toList()) {
            try {
                providers.add(candidate.get());
            } catch (ServiceConfigurationError | LinkageError e) {
                broken.add(candidate.type().getName());
            }
        }
        DevDatabaseProvider provider = providers.stream()
                .filter(p -> p.supports(url))
                .max(Comparator.comparingInt(DevDatabaseProvider::priority))
                .orElseThrow(() -> new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                        "no dev database provider for \"" + url.masked() + "\""
                                + (broken.isEmpty() ? "" : " (could not load: " + String.join(", ", broken) + ")"),
                        "supported: sqlite://NAME?mode=memory, sqlite://FILE, postgres://..., mysql://..., maria://...,"
                                + " embedded://postgres/N, docker://...; add the io.atlas4j artifact for the database", null));
        return provider.open(url, options);
    }
}
