package io.atlas4j.dialect.mysql;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.RevisionSupport;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementFailedException;
import io.atlas4j.sql.StatementSplitter;
import io.atlas4j.url.DatabaseUrl;
import io.atlas4j.url.Redaction;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB: {@code mysql://} through MySQL Connector/J, {@code maria://} and {@code mariadb://}
 * through MariaDB Connector/J.
 *
 * <p>Connector/J talks to MariaDB too (checked against MariaDB 10.11 with {@code mysql_native_password}),
 * so a {@code mysql://} URL pointing at a MariaDB server behaves as it does in Atlas. Each driver is
 * called directly rather than through {@link java.sql.DriverManager}: both claim {@code jdbc:mysql:}
 * in some configurations, and the scheme the user wrote decides.
 */
public final class MysqlDialect implements Dialect {

    /** Used when the URL sets no {@code timeout}/{@code connectTimeout}. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    // MariaDB Connector/J prefixes server errors with the connection id: "(conn=12) Table ... doesn't exist".
    private static final Pattern MARIADB_CONN_PREFIX = Pattern.compile("^\\(conn=\\d+\\)\\s*");

    static {
        quietMariadbDriver();
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public Set<String> urlSchemes() {
        // The +unix forms are claimed so that their users get a clear "not supported" instead of "no dialect".
        return Set.of("mysql", "maria", "mariadb", "mysql+unix", "maria+unix", "mariadb+unix");
    }

    @Override
    public Connection connect(DatabaseUrl url) throws SQLException {
        return connect(MysqlUrl.of(url), DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Connects with the driver of the URL's scheme; the URL's own timeout wins over {@code timeout}.
     *
     * @throws SQLException naming the masked URL and the driver's reason
     */
    static Connection connect(MysqlUrl url, Duration timeout) throws SQLException {
        Properties props = url.driverProperties();
        props.putIfAbsent("connectTimeout", Long.toString(timeout.toMillis()));
        try {
            Connection c = driver(url.flavor()).connect(url.jdbcUrl(), props);
            if (c == null) {
                throw new SQLException("driver rejected " + url.jdbcUrl(), "08001");
            }
            return c;
        } catch (SQLException e) {
            throw new SQLException("cannot connect to " + url.url().masked() + ": " + reason(e),
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    @Override
    public List<SqlStatement> split(SqlScript script) {
        return StatementSplitter.split(script, SplitRules.MYSQL);
    }

    /** The revisions table in the URL's database (or {@code atlas_schema_revisions}) and a {@code GET_LOCK} lock. */
    @Override
    public Optional<RevisionSupport> revisions() {
        return Optional.of(new MysqlRevisions());
    }

    @Override
    public String errorMessage(SQLException e) {
        return MARIADB_CONN_PREFIX.matcher(StatementFailedException.databaseMessage(e)).replaceFirst("");
    }

    /**
     * Why a connection failed, in one line: the driver's first line, plus the root cause when the
     * driver's own words say little (Connector/J's "Communications link failure").
     */
    static String reason(SQLException e) {
        String first = firstLine(MARIADB_CONN_PREFIX.matcher(StatementFailedException.databaseMessage(e)).replaceFirst(""));
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null) {
            String rootLine = firstLine(root.getMessage());
            if (!first.contains(rootLine)) {
                first = first + " (" + rootLine + ")";
            }
        }
        return Redaction.mask(first);
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    private static Driver driver(MysqlUrl.Flavor flavor) throws SQLException {
        switch (flavor) {
            case MYSQL:
                return Drivers.MYSQL;
            case MARIADB:
                return Drivers.MARIADB;
            default:
                throw new SQLException("no driver for " + flavor);
        }
    }

    /**
     * Without SLF4J, MariaDB Connector/J prints every server error as a warning on stderr, including the
     * errors a {@code catch} step expects; Atlas4J reports errors itself. A user who configures the
     * driver's logging ({@code mariadb.logging.*}) or has SLF4J keeps their choice.
     */
    private static void quietMariadbDriver() {
        if (System.getProperty("mariadb.logging.disable") != null || System.getProperty("mariadb.logging.fallback") != null) {
            return;
        }
        try {
            Class.forName("org.slf4j.LoggerFactory", false, MysqlDialect.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            System.setProperty("mariadb.logging.disable", "true");
        }
    }

    /** The driver instances, created on first use (after the logging property above is set). */
    private static final class Drivers {
        static final Driver MYSQL = create(MysqlUrl.Flavor.MYSQL);
        static final Driver MARIADB = create(MysqlUrl.Flavor.MARIADB);

        private static Driver create(MysqlUrl.Flavor flavor) {
            try {
                return flavor == MysqlUrl.Flavor.MYSQL ? new com.mysql.cj.jdbc.Driver() : new org.mariadb.jdbc.Driver();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot load the JDBC driver for " + flavor, e);
            }
        }
    }
}
