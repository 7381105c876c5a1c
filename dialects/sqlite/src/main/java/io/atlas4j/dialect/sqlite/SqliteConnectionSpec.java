package io.atlas4j.dialect.sqlite;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig.Pragma;

/**
 * How an Atlas SQLite URL opens with sqlite-jdbc.
 *
 * <p>Atlas hands the URL without its scheme to the Go driver as the DSN ({@code sqlite://dev.db} →
 * {@code dev.db}, relative to the working directory), prefixes {@code file:} when {@code mode=memory}, and
 * reads the Go driver's {@code _name} parameters ({@code _fk=1} turns foreign keys on). Here the same
 * DSN becomes a sqlite-jdbc URL: the {@code _name} parameters become connection pragmas, the others
 * ({@code mode}, {@code cache}, {@code vfs}, ...) stay SQLite URI parameters. A memory database gets
 * {@code cache=shared}, so every connection with the same name reaches the same database, as
 * {@link io.atlas4j.dev.DevSession#newConnection()} needs.
 *
 * @param jdbcUrl the sqlite-jdbc URL
 * @param pragmas sqlite-jdbc connection properties (pragma names), applied on every connection
 * @param memory whether the URL names an in-memory database
 */
record SqliteConnectionSpec(String jdbcUrl, Map<String, String> pragmas, boolean memory) {

    SqliteConnectionSpec {
        pragmas = Map.copyOf(pragmas);
    }

    /** Maps an Atlas {@code sqlite://} or {@code sqlite3://} URL. */
    static SqliteConnectionSpec of(DatabaseUrl url) {
        String name = dsnName(url.raw());
        Map<String, String> uriParams = new LinkedHashMap<>();
        Map<String, String> pragmas = new LinkedHashMap<>();
        url.query().forEach((key, value) -> {
            if (key.startsWith("_")) {
                goDriverParam(url, key, value, pragmas);
            } else {
                uriParams.put(key, value);
            }
        });
        boolean memory = "memory".equals(uriParams.get("mode")) || name.equals(":memory:");
        if ("memory".equals(uriParams.get("mode"))) {
            uriParams.putIfAbsent("cache", "shared");
        }
        String jdbcUrl;
        if (uriParams.isEmpty()) {
            jdbcUrl = JDBC.PREFIX + name;
        } else {
            // SQLite reads query parameters only from URI file names.
            String file = name.startsWith("file:") ? name : "file:" + name;
            jdbcUrl = JDBC.PREFIX + file + "?" + uriParams.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
        }
        return new SqliteConnectionSpec(jdbcUrl, pragmas, memory);
    }

    /** Opens a connection (auto-commit on). */
    Connection open() throws SQLException {
        return open(Map.of());
    }

    /** Opens a connection with sqlite-jdbc properties on top of the URL's pragmas. */
    Connection open(Map<String, String> extra) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(pragmas);
        properties.putAll(extra);
        return JDBC.createConnection(jdbcUrl, properties);
    }

    /** The DSN's file part: the URL after the scheme, before the query, as written. */
    static String dsnName(String raw) {
        String rest = raw.substring(raw.indexOf("://") + 3);
        int q = rest.indexOf('?');
        return q >= 0 ? rest.substring(0, q) : rest;
    }

    private static void goDriverParam(DatabaseUrl url, String key, String value, Map<String, String> pragmas) {
        switch (key) {
            case "_fk":
            case "_foreign_keys":
                pragmas.put(Pragma.FOREIGN_KEYS.pragmaName, Boolean.toString(bool(url, key, value)));
                break;
            case "_defer_fk":
            case "_defer_foreign_keys":
                pragmas.put(Pragma.DEFER_FOREIGN_KEYS.pragmaName, Boolean.toString(bool(url, key, value)));
                break;
            case "_rt":
            case "_recursive_triggers":
                pragmas.put(Pragma.RECURSIVE_TRIGGERS.pragmaName, Boolean.toString(bool(url, key, value)));
                break;
            case "_cslike":
            case "_case_sensitive_like":
                pragmas.put(Pragma.CASE_SENSITIVE_LIKE.pragmaName, Boolean.toString(bool(url, key, value)));
                break;
            case "_timeout":
            case "_busy_timeout":
                pragmas.put(Pragma.BUSY_TIMEOUT.pragmaName, value);
                break;
            case "_journal":
            case "_journal_mode":
                pragmas.put(Pragma.JOURNAL_MODE.pragmaName, value.toUpperCase(Locale.ROOT));
                break;
            case "_sync":
            case "_synchronous":
                pragmas.put(Pragma.SYNCHRONOUS.pragmaName, synchronous(value));
                break;
            default:
                // The Go driver ignores parameters it does not know, and so does Atlas4J (_loc, _txlock, ...).
                break;
        }
    }

    private static boolean bool(DatabaseUrl url, String key, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "1":
            case "true":
            case "yes":
            case "on":
                return true;
            case "0":
            case "false":
            case "no":
            case "off":
                return false;
            default:
                throw new Atlas4jException(ErrorCode.CONFIGURATION,
                        "invalid value \"" + value + "\" for " + key + " in " + url.masked(),
                        "use " + key + "=1 or " + key + "=0", null);
        }
    }

    private static String synchronous(String value) {
        switch (value.toUpperCase(Locale.ROOT)) {
            case "0":
                return "OFF";
            case "1":
                return "NORMAL";
            case "2":
            case "3":
            case "EXTRA":
                // sqlite-jdbc knows OFF, NORMAL and FULL only; FULL is the closest to EXTRA.
                return "FULL";
            default:
                return value.toUpperCase(Locale.ROOT);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
