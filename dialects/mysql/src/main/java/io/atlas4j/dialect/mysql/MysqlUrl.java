package io.atlas4j.dialect.mysql;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * An Atlas MySQL/MariaDB URL read for JDBC: which driver, the JDBC URL without credentials, the
 * driver properties (credentials among them), and the scope.
 *
 * <p>Credentials travel only as properties, so the JDBC URL may appear in a message as it is.
 *
 * @param url the Atlas URL
 * @param flavor the driver family to connect with
 * @param jdbcUrl the JDBC URL, without user or password
 * @param properties the driver properties, in order; holds the password
 * @param schema the schema the URL is bound to (schema scope), or null (server scope)
 */
record MysqlUrl(DatabaseUrl url, Flavor flavor, String jdbcUrl, Map<String, String> properties, String schema) {

    /** MySQL's port, used when the URL names none. */
    static final int DEFAULT_PORT = 3306;

    /** The host used when the URL names none, as Atlas and the MySQL clients do. */
    static final String DEFAULT_HOST = "localhost";

    /** Query parameters of Go's MySQL driver that Atlas users write and the JDBC drivers have no use for. */
    private static final Set<String> GO_ONLY_PARAMS = Set.of(
            "parseTime", "loc", "charset", "collation", "multiStatements", "interpolateParams",
            "columnsWithAlias", "clientFoundRows", "allowNativePasswords", "allowCleartextPasswords",
            "allowOldPasswords", "allowFallbackToPlaintext", "maxAllowedPacket", "rejectReadOnly",
            "checkConnLiveness", "readTimeout", "writeTimeout", "serverPubKey", "timeTruncate");

    /** The JDBC driver family behind a URL scheme. */
    enum Flavor {
        /** {@code mysql://}: MySQL Connector/J. */
        MYSQL("jdbc:mysql://"),
        /** {@code maria://}, {@code mariadb://}: MariaDB Connector/J. */
        MARIADB("jdbc:mariadb://");

        private final String jdbcPrefix;

        Flavor(String jdbcPrefix) {
            this.jdbcPrefix = jdbcPrefix;
        }
    }

    MysqlUrl {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * Reads an Atlas URL of one of {@link MysqlDialect}'s schemes.
     *
     * @throws Atlas4jException {@code UNSUPPORTED_DIALECT} for another scheme or a Unix-socket URL,
     *     {@code CONFIGURATION} for a query parameter that cannot be mapped
     */
    static MysqlUrl of(DatabaseUrl url) {
        Flavor flavor = flavorOf(url);
        Map<String, String> props = new LinkedHashMap<>();
        if (url.user() != null) {
            props.put("user", url.user());
        }
        if (url.password() != null) {
            props.put("password", url.password());
        }
        // Render values as MySQL shows them (and as Atlas, through Go's driver, prints them): a
        // TINYINT(1) is a number and a YEAR is a year, not a Boolean and a Date.
        props.put("tinyInt1isBit", "false");
        props.put("yearIsDateType", "false");
        if (flavor == Flavor.MYSQL) {
            // MySQL 8's default caching_sha2_password needs the server's key on a plain-text
            // connection; Go's driver fetches it too. Dev databases are local or throw-away.
            props.put("allowPublicKeyRetrieval", "true");
        }
        url.query().forEach((key, value) -> param(flavor, url, key, value, props));
        String schema = url.path().isEmpty() ? null : url.path();
        String host = url.host() == null ? DEFAULT_HOST : url.host();
        int port = url.port() < 0 ? DEFAULT_PORT : url.port();
        String jdbc = flavor.jdbcPrefix + host + ":" + port + "/" + (schema == null ? "" : encodePath(schema));
        return new MysqlUrl(url, flavor, jdbc, props, schema);
    }

    /** Whether the URL is bound to one schema (schema scope) rather than the whole server. */
    boolean schemaScope() {
        return schema != null;
    }

    /** The same URL with one more driver property. */
    MysqlUrl withProperty(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new MysqlUrl(url, flavor, jdbcUrl, more, schema);
    }

    /** The connection properties for a driver. */
    Properties driverProperties() {
        Properties p = new Properties();
        properties.forEach(p::setProperty);
        return p;
    }

    /**
     * A concrete Atlas URL of the same server bound to {@code schemaName} (null: server scope), with
     * host and port spelled out, for external programs.
     */
    DatabaseUrl withSchema(String schemaName) {
        return DatabaseUrl.rebuild(url.scheme(), url.user(), url.password(),
                url.host() == null ? DEFAULT_HOST : url.host(), url.port() < 0 ? DEFAULT_PORT : url.port(),
                schemaName == null ? "" : schemaName, url.query());
    }

    /** The JDBC URL for display: without credentials already, so it is shown as it is. */
    @Override
    public String toString() {
        return jdbcUrl;
    }

    private static Flavor flavorOf(DatabaseUrl url) {
        switch (url.scheme()) {
            case "mysql":
                return Flavor.MYSQL;
            case "maria":
            case "mariadb":
                return Flavor.MARIADB;
            case "mysql+unix":
            case "maria+unix":
            case "mariadb+unix":
                // Both JDBC drivers need a native library (JNA, junixsocket) for Unix sockets.
                throw new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                        "Unix-socket URLs are not supported: " + url.masked(),
                        "connect over TCP instead, e.g. " + url.scheme().replace("+unix", "")
                                + "://root@localhost:3306/schema (a password goes after the user and a colon)", null);
            default:
                throw new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                        "not a MySQL or MariaDB URL: " + url.masked(), "use mysql://, maria:// or mariadb://", null);
        }
    }

    private static void param(Flavor flavor, DatabaseUrl url, String key, String value, Map<String, String> props) {
        if (GO_ONLY_PARAMS.contains(key)) {
            return;
        }
        switch (key) {
            case "tls":
                props.put("sslMode", sslMode(flavor, url, value));
                return;
            case "timeout":
                timeoutMillis(value).ifPresent(ms -> props.put("connectTimeout", Long.toString(ms)));
                return;
            case "user":
            case "password":
                // Credentials come from the URL's user info only, so masking them stays reliable.
                throw new Atlas4jException(ErrorCode.CONFIGURATION,
                        "invalid database URL \"" + url.masked() + "\": put the " + key + " before the host",
                        "write the user (and password) before the host, as in " + url.scheme() + "://root@localhost:3306/dev", null);
            default:
                // Anything else is a JDBC driver property (sslMode, connectTimeout, useSSL, ...).
                props.put(key, value);
        }
    }

    /** Go's {@code tls} values in the driver's {@code sslMode} words. */
    private static String sslMode(Flavor flavor, DatabaseUrl url, String value) {
        boolean mysql = flavor == Flavor.MYSQL;
        switch (value.toLowerCase(Locale.ROOT)) {
            case "false":
                return mysql ? "DISABLED" : "disable";
            case "preferred":
                // MariaDB Connector/J has no "use TLS if offered" mode; a dev server rarely offers it.
                return mysql ? "PREFERRED" : "disable";
            case "skip-verify":
                return mysql ? "REQUIRED" : "trust";
            case "true":
                return mysql ? "VERIFY_IDENTITY" : "verify-full";
            default:
                throw new Atlas4jException(ErrorCode.CONFIGURATION,
                        "unsupported tls=" + value + " in " + url.masked(),
                        "use tls=true|false|skip-verify|preferred, or the driver's sslMode parameter", null);
        }
    }

    /** Go durations as Atlas users write them ({@code 5s}, {@code 500ms}, {@code 1m}); plain numbers are milliseconds. */
    static Optional<Long> timeoutMillis(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Optional.of(Math.round(Double.parseDouble(v.substring(0, v.length() - 2))));
            }
            if (v.endsWith("s")) {
                return Optional.of(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Optional.of(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
            }
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String encodePath(String schema) {
        // Schema names may hold characters the JDBC URL grammar reserves.
        return java.net.URLEncoder.encode(schema, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
