package io.atlas4j.dialect.mysql;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabaseProvider;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.time.Duration;

/**
 * Opens a running MySQL or MariaDB server as a dev database: {@code mysql://user:pass@host:3306/dev}
 * (schema scope: Atlas4J owns schema {@code dev}) or {@code mysql://user:pass@host:3306} (server scope:
 * Atlas4J owns every user schema). Either must be clean when opened.
 *
 * <p>Settings in {@link DevOptions#properties()}: {@value MysqlDevDatabase#SESSION_WAIT} (seconds a
 * server-scope lease waits for the open session, default 120) and {@value MysqlDevDatabase#LOCK_WAIT}
 * (seconds a drop waits for locks, default 30), {@value MysqlDevDatabase#ISOLATION} ({@code auto}, the
 * default: cases of row work only run in a transaction rolled back at their end; {@code recreate}: every
 * session gets the schema re-created).
 */
public final class MysqlDevDatabaseProvider implements DevDatabaseProvider {

    private final MysqlDialect dialect = new MysqlDialect();

    @Override
    public boolean supports(DatabaseUrl url) {
        return dialect.urlSchemes().contains(url.scheme());
    }

    @Override
    public DevDatabase open(DatabaseUrl url, DevOptions options) {
        return MysqlDevDatabase.open(dialect, url, options.connectTimeout(),
                Duration.ofSeconds(seconds(options, MysqlDevDatabase.SESSION_WAIT, 120)),
                seconds(options, MysqlDevDatabase.LOCK_WAIT, 30), transactions(options));
    }

    private static boolean transactions(DevOptions options) {
        String v = options.properties().get(MysqlDevDatabase.ISOLATION);
        if (v == null || v.isBlank() || v.strip().equalsIgnoreCase("auto")) {
            return true;
        }
        if (v.strip().equalsIgnoreCase("recreate")) {
            return false;
        }
        throw new Atlas4jException(ErrorCode.CONFIGURATION, "invalid " + MysqlDevDatabase.ISOLATION + "=" + v
                + ": expected auto or recreate");
    }

    private static long seconds(DevOptions options, String key, long fallback) {
        String v = options.properties().get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long s = Long.parseLong(v.strip());
            if (s > 0) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Atlas4jException(ErrorCode.CONFIGURATION, "invalid " + key + "=" + v + ": expected a positive number of seconds");
    }
}
