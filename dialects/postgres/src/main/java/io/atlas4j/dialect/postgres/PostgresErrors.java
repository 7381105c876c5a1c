package io.atlas4j.dialect.postgres;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.sql.SQLException;
import java.util.Locale;

/** Messages for failures to reach or use a PostgreSQL dev database; URLs appear only masked. */
final class PostgresErrors {

    /** SQLSTATE of {@code permission denied} (insufficient_privilege). */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    private PostgresErrors() {
    }

    /** The server cannot be reached, refuses the login, or has no such database. */
    static Atlas4jException cannotConnect(PostgresDialect dialect, DatabaseUrl url, SQLException e) {
        return new Atlas4jException(ErrorCode.CONNECTION,
                "cannot connect to dev database " + url.masked() + ": " + oneLine(dialect.errorMessage(e)),
                connectHint(url, e), e);
    }

    /** What to do about a failed connection, from the SQLSTATE and the driver's words. */
    static String connectHint(DatabaseUrl url, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        String sslmode = url.param("sslmode").orElse("require");
        PostgresConnectionSpec.Endpoint endpoint = PostgresConnectionSpec.endpoint(url);
        if (!"disable".equals(sslmode) && message.contains("ssl")) {
            return "the server does not accept SSL connections (Atlas and Atlas4J default to sslmode=require):"
                    + " add ?sslmode=disable to the URL";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "check the user name and password in the URL (URL-escape special characters in the password)";
        }
        if (state.equals("3D000")) {
            return "create the database first (CREATE DATABASE \"" + endpoint.database()
                    + "\") or name an existing one in the URL path";
        }
        return "check that a PostgreSQL server is running and accepts TCP connections on "
                + endpoint.host() + ":" + endpoint.port();
    }

    /** A dev-database operation failed on the server. */
    static Atlas4jException failed(PostgresDialect dialect, DatabaseUrl url, String what, SQLException e) {
        return new Atlas4jException(ErrorCode.DEV_DATABASE,
                "dev database " + url.masked() + ": " + what + ": " + oneLine(dialect.errorMessage(e)), e);
    }

    static boolean isPermissionDenied(SQLException e) {
        return INSUFFICIENT_PRIVILEGE.equals(e.getSQLState());
    }

    private static String oneLine(String message) {
        return message.replace("\r", "").replace("\n  ", "; ").replace('\n', ' ');
    }
}
