package io.atlas4j.dialect.postgres;

import io.atlas4j.url.DatabaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * How an Atlas {@code postgres://} URL opens with PgJDBC, following the Go driver (lib/pq) Atlas uses.
 *
 * <ul>
 *   <li>Host defaults to {@code localhost}, port to 5432, the database to the user's name (as libpq).</li>
 *   <li>User and password travel as connection properties, never inside the JDBC URL string.</li>
 *   <li>{@code sslmode} defaults to {@code require}, lib/pq's default, so a server without SSL fails
 *       as it does with Atlas (the message then says to add {@code ?sslmode=disable}).</li>
 *   <li>{@code search_path} becomes the session's search path (PgJDBC {@code currentSchema}).</li>
 *   <li>lib/pq names PgJDBC spells differently are translated ({@code connect_timeout},
 *       {@code application_name}); names PgJDBC knows pass through; lib/pq client-only switches are
 *       dropped; any other name is, as lib/pq does, a server setting sent at startup
 *       ({@code ?statement_timeout=5s} → {@code options=-c statement_timeout=5s}).</li>
 * </ul>
 *
 * @param jdbcUrl the PgJDBC URL, without credentials
 * @param properties PgJDBC connection properties
 */
record PostgresConnectionSpec(String jdbcUrl, Map<String, String> properties) {

    /** Default port of a PostgreSQL server. */
    static final int DEFAULT_PORT = 5432;

    private static final Driver DRIVER = new Driver();

    /** lib/pq connection switches without a PgJDBC counterpart; sending them to the server would fail. */
    private static final Set<String> CLIENT_ONLY = Set.of("binary_parameters", "disable_prepared_binary_result",
            "krbsrvname", "krbspn", "sslsni", "sslinline", "passfile", "service", "target_session_attrs",
            "fallback_application_name", "dbname", "host", "port");

    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    record Endpoint(String host, int port, String database) {
    }

    PostgresConnectionSpec {
        properties = Map.copyOf(properties);
    }

    /**
     * Maps an Atlas URL.
     *
     * @param connectTimeout how long to wait for the server; a {@code connect_timeout} in the URL wins
     */
    static PostgresConnectionSpec of(DatabaseUrl url, Duration connectTimeout) {
        Endpoint endpoint = endpoint(url);
        Map<String, String> props = new LinkedHashMap<>();
        if (url.user() != null) {
            props.put(PGProperty.USER.getName(), url.user());
        }
        if (url.password() != null) {
            props.put(PGProperty.PASSWORD.getName(), url.password());
        }
        props.put(PGProperty.SSL_MODE.getName(), "require");
        props.put(PGProperty.CONNECT_TIMEOUT.getName(), Long.toString(Math.max(1, ceilSeconds(connectTimeout))));
        props.put(PGProperty.APPLICATION_NAME.getName(), url.param("fallback_application_name").orElse("atlas4j"));
        StringBuilder settings = new StringBuilder();
        url.query().forEach((key, value) -> {
            switch (key) {
                case "search_path":
                    if (!value.isBlank()) {
                        props.put(PGProperty.CURRENT_SCHEMA.getName(), value);
                    }
                    break;
                case "connect_timeout":
                    props.put(PGProperty.CONNECT_TIMEOUT.getName(), value);
                    break;
                case "application_name":
                    props.put(PGProperty.APPLICATION_NAME.getName(), value);
                    break;
                case "options":
                    settings.insert(0, value + " ");
                    break;
                default:
                    if (CLIENT_ONLY.contains(key)) {
                        break;
                    }
                    if (PGProperty.forName(key) != null) {
                        props.put(key, value);
                    } else if (SETTING_NAME.matcher(key).matches()) {
                        settings.append("-c ").append(key).append('=').append(escapeOption(value)).append(' ');
                    }
                    break;
            }
        });
        if (settings.length() > 0) {
            props.put(PGProperty.OPTIONS.getName(), settings.toString().strip());
        }
        String jdbcUrl = "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/"
                + URLEncoder.encode(endpoint.database(), StandardCharsets.UTF_8).replace("+", "%20");
        return new PostgresConnectionSpec(jdbcUrl, props);
    }

    /** Host, port and database of a URL, with libpq's defaults. */
    static Endpoint endpoint(DatabaseUrl url) {
        String host = url.host() == null ? "localhost" : url.host();
        int port = url.port() < 0 ? DEFAULT_PORT : url.port();
        String database = url.param("dbname").orElse(url.path());
        if (database.isEmpty()) {
            database = url.user() != null ? url.user() : System.getProperty("user.name", "postgres");
        }
        return new Endpoint(host, port, database);
    }

    /** The same connection with one more PgJDBC property (replacing one of the same name). */
    PostgresConnectionSpec with(String property, String value) {
        Map<String, String> props = new LinkedHashMap<>(properties);
        props.put(property, value);
        return new PostgresConnectionSpec(jdbcUrl, props);
    }

    /** Opens a connection (auto-commit on). */
    Connection open() throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        Connection c = DRIVER.connect(jdbcUrl, p);
        if (c == null) {
            throw new SQLException("PgJDBC does not accept " + jdbcUrl);
        }
        return c;
    }

    private static long ceilSeconds(Duration d) {
        long s = d.getSeconds();
        return d.getNano() > 0 ? s + 1 : s;
    }

    /** libpq's {@code options} syntax: spaces and backslashes inside a value are backslash-escaped. */
    private static String escapeOption(String value) {
        return value.replace("\\", "\\\\").replace(" ", "\\ ");
    }
}
