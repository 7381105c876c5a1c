package io.atlas4j.cli;

import io.atlas4j.url.DatabaseUrl;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box runs of the schema commands against PostgreSQL: a scratch target database, a scratch dev
 * database, and a temporary working directory; both databases are dropped after each test.
 */
abstract class PostgresCliTestBase {

    @TempDir
    Path dir;

    Scratch pg;
    /** The database the commands change or inspect, bound to schema {@code public}. */
    DatabaseUrl target;
    /** The dev database, bound to schema {@code public}. */
    DatabaseUrl dev;
    /** {@link #target} as the URL text a user passes. */
    String targetUrl;

    @BeforeEach
    void createDatabases() throws SQLException {
        pg = Scratch.open();
        target = pg.create("target");
        targetUrl = target.raw();
        dev = pg.create("dev");
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        if (pg != null) {
            pg.dropAll();
        }
    }

    /** {@link #dev} as the URL text a user passes. */
    String devUrl() {
        return dev.raw();
    }
}
