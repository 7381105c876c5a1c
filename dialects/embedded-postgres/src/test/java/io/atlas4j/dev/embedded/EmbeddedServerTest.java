package io.atlas4j.dev.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** A server that does not start: with fake binaries whose initdb fails, so no real server is needed. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class EmbeddedServerTest {

    @TempDir
    Path temp;

    /** A .txz laid out as zonky's, whose programs print {@code output} and fail. */
    private Path failingBinaries(String output) throws IOException {
        Path archive = temp.resolve("fake-" + Math.abs(output.hashCode()) + "-" + System.nanoTime() + ".txz");
        String script = "#!/bin/sh\necho '" + output + "'\nexit 1\n";
        try (OutputStream file = Files.newOutputStream(archive);
             XZOutputStream xz = new XZOutputStream(file, new LZMA2Options());
             TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) {
            for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
                byte[] body = script.getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("bin/" + program);
                entry.setSize(body.length);
                entry.setMode(0755);
                // A fixed time keeps the archive identical from run to run, so zonky extracts it once.
                entry.setModTime(0);
                tar.putArchiveEntry(entry);
                tar.write(body);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    @Test
    void aServerThatDoesNotStartIsReportedWithItsOutputAndLeavesNothing() throws Exception {
        Path binaries = failingBinaries("initdb: error: FATAL something is broken");
        Path root = temp.resolve("root");
        EmbeddedPostgresUrl url = EmbeddedPostgresUrl.parse(DatabaseUrl.parse("embedded://postgres/16/dev"));

        assertThatThrownBy(() -> EmbeddedServer.start(url, new PostgresBinaries(16, "16.0.0", binaries.toUri()), root))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).isEqualTo("embedded://postgres/16/dev: the embedded PostgreSQL 16 server"
                            + " did not start: initdb: error: FATAL something is broken");
                    assertThat(e.hint()).startsWith("it ran binaries 16.0.0 from " + binaries.toUri());
                });
        try (var homes = Files.list(root)) {
            assertThat(homes).isEmpty();
        }
    }

    @Test
    void anUnwritableDataRootIsReported() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        EmbeddedPostgresUrl url = EmbeddedPostgresUrl.parse(DatabaseUrl.parse("embedded://postgres/17"));
        assertThatThrownBy(() -> EmbeddedServer.start(url,
                new PostgresBinaries(17, null, failingBinaries("unused").toUri()), file.resolve("root")))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEV_DATABASE);
                    assertThat(e.getMessage()).startsWith("embedded://postgres/17: cannot create a data directory in "
                            + file.resolve("root"));
                    assertThat(e.hint()).contains(EmbeddedSettings.DATA_DIR);
                });
    }

    @Test
    void theTailOfALogPrefersLinesThatSayWhatWentWrong() throws IOException {
        Path log = Files.writeString(temp.resolve("server.log"), String.join("\n",
                "The files belonging to this database system will be owned by user \"nobody\".",
                "LOG:  starting PostgreSQL 17.11",
                "FATAL:  could not create lock file \"/tmp/.s.PGSQL.5432.lock\": Permission denied",
                "LOG:  database system is shut down", ""));
        assertThat(EmbeddedServer.tail(log))
                .isEqualTo("FATAL:  could not create lock file \"/tmp/.s.PGSQL.5432.lock\": Permission denied");
        assertThat(EmbeddedServer.tail(temp.resolve("missing.log"))).isEmpty();
    }
}
