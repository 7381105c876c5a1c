package io.atlas4j.dev.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootTest {

    @TempDir
    Path temp;

    @Test
    void aConfiguredRootWins() {
        Path configured = temp.resolve("mine");
        assertThat(DataRoot.choose(configured, temp, temp)).isEqualTo(configured);
    }

    @Test
    void withoutShmTheTempDirectoryIsUsed() {
        Path tmp = temp.resolve("tmp");
        assertThat(DataRoot.choose(null, temp.resolve("no-shm"), tmp)).isEqualTo(tmp.resolve(DataRoot.DIRECTORY));
    }

    @Test
    void shmIsUsedWhenItHasRoom() throws IOException {
        Path shm = Files.createDirectories(temp.resolve("shm"));
        Path tmp = temp.resolve("tmp");
        boolean room = Files.getFileStore(shm).getUsableSpace() >= DataRoot.SHM_MIN_FREE;
        assertThat(DataRoot.choose(null, shm, tmp))
                .isEqualTo(room ? shm.resolve(DataRoot.DIRECTORY) : tmp.resolve(DataRoot.DIRECTORY));
    }

    private Path home(String name, String owner) throws IOException {
        Path home = Files.createDirectories(temp.resolve(name).resolve("data"));
        if (owner != null) {
            Files.writeString(home.getParent().resolve("owner"), owner, StandardCharsets.UTF_8);
        }
        return home.getParent();
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aHomeIsAbandonedWhenItsJvmIsGone() throws Exception {
        assertThat(DataRoot.abandoned(home("mine", DataRoot.ownerLine()))).isFalse();
        assertThat(DataRoot.abandoned(home("dead", deadPid() + " 0"))).isTrue();
        // The pid runs, but it is another process than the one that wrote the line.
        assertThat(DataRoot.abandoned(home("reused", ProcessHandle.current().pid() + " 1000"))).isTrue();
        // Being created right now: not yet owned, not abandoned; long without an owner: abandoned.
        assertThat(DataRoot.abandoned(home("fresh", null))).isFalse();
        Path old = home("old", null);
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        assertThat(DataRoot.abandoned(old)).isTrue();
    }

    @Test
    void sweepingDeletesAbandonedHomesOnly() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path live = Files.createDirectories(root.resolve(DataRoot.HOME_PREFIX + "17-live/data"));
        Files.writeString(live.getParent().resolve("owner"), DataRoot.ownerLine());
        Path dead = Files.createDirectories(root.resolve(DataRoot.HOME_PREFIX + "17-dead/data"));
        Files.writeString(dead.resolve("PG_VERSION"), "17");
        Files.writeString(dead.getParent().resolve("owner"), deadPid() + " 0");
        Path other = Files.createDirectories(root.resolve("someone-else"));

        DataRoot.sweepOnce(root);

        assertThat(live).exists();
        assertThat(dead.getParent()).doesNotExist();
        assertThat(other).exists();
    }
}
