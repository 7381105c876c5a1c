package io.atlas4j.dev.embedded;

import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of embedded dev databases, read from {@link DevOptions#properties()} and, where a
 * property is not set there, from the JVM's system properties of the same name.
 *
 * @param download whether missing binaries are downloaded ({@value #DOWNLOAD}, default true)
 * @param repository the Maven repository to download from ({@value #REPOSITORY}, default Maven Central)
 * @param localRepository the local Maven repository ({@code maven.repo.local}, default
 *     {@code ~/.m2/repository})
 * @param dataRoot where data directories go ({@value #DATA_DIR}), or null to choose (see {@link DataRoot})
 */
record EmbeddedSettings(boolean download, URI repository, Path localRepository, Path dataRoot) {

    /** Whether missing binaries are downloaded: {@code true} (default) or {@code false}. */
    static final String DOWNLOAD = "atlas4j.embedded.download";
    /** The Maven repository binaries are downloaded from. */
    static final String REPOSITORY = "atlas4j.embedded.repository";
    /** The directory data directories are created in (default: /dev/shm when it has room, else the temp dir). */
    static final String DATA_DIR = "atlas4j.embedded.data-dir";

    /** Maven Central. */
    static final URI CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    /**
     * Reads the settings.
     *
     * @throws Atlas4jException {@code CONFIGURATION} for an invalid value
     */
    static EmbeddedSettings of(DevOptions options) {
        Map<String, String> props = options.properties();
        String download = setting(props, DOWNLOAD);
        boolean downloading;
        if (download == null || download.isBlank()) {
            downloading = true;
        } else {
            switch (download.strip().toLowerCase(Locale.ROOT)) {
                case "true":
                    downloading = true;
                    break;
                case "false":
                    downloading = false;
                    break;
                default:
                    throw new Atlas4jException(ErrorCode.CONFIGURATION, "invalid " + DOWNLOAD + " \"" + download + "\"",
                            "use true (the default) or false", null);
            }
        }
        String repo = setting(props, REPOSITORY);
        URI repository = CENTRAL;
        if (repo != null && !repo.isBlank()) {
            try {
                repository = URI.create(repo.strip());
            } catch (IllegalArgumentException e) {
                repository = null;
            }
            if (repository == null || repository.getScheme() == null
                    || !(repository.getScheme().equals("https") || repository.getScheme().equals("http"))) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "invalid " + REPOSITORY + " \"" + repo + "\"",
                        "give the base URL of a Maven repository, e.g. " + CENTRAL, null);
            }
        }
        String local = System.getProperty("maven.repo.local");
        Path localRepository = local != null && !local.isBlank()
                ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        String data = setting(props, DATA_DIR);
        Path dataRoot = data == null || data.isBlank() ? null : Path.of(data.strip());
        return new EmbeddedSettings(downloading, repository, localRepository, dataRoot);
    }

    private static String setting(Map<String, String> props, String key) {
        String value = props.get(key);
        return value != null ? value : System.getProperty(key);
    }
}
