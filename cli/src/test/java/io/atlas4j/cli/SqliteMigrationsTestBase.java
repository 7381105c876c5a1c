package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box runs of the {@code migrate} commands on a SQLite file database ({@code app.db}) and a hashed
 * {@code migrations} directory in a temporary working directory.
 */
abstract class SqliteMigrationsTestBase {

    @TempDir
    Path dir;

    /** The target database's file and URL. */
    Path db;
    String url;

    @BeforeEach
    void database() {
        db = dir.resolve("app.db");
        url = "sqlite://" + db;
    }

    /** Writes a migration file and re-hashes the directory with {@code migrate hash}. */
    void file(String name, String content) {
        try {
            Files.createDirectories(dir.resolve("migrations"));
            Files.writeString(dir.resolve("migrations").resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliResult hash = Cli.run(dir, "migrate", "hash");
        assertThat(hash.exitCode()).as(hash.toString()).isZero();
    }

    /** The rows of {@code sql} on the target, columns joined with {@code |}. */
    List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
