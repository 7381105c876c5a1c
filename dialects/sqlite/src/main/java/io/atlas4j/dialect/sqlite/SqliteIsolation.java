package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.util.Locale;

/**
 * How SQLite sessions are isolated, from the {@code atlas4j.sqlite.isolation} dev option.
 */
enum SqliteIsolation {

    /**
     * A transaction rolled back at close when {@link RollbackSafety} allows it for the case, a copy of the
     * prepared state otherwise (the default).
     */
    AUTO,

    /** Always a copy of the prepared state made with the backup API. */
    COPY;

    /** The dev option's name. */
    static final String PROPERTY = "atlas4j.sqlite.isolation";

    /**
     * The setting in {@code options}; {@link #AUTO} when absent.
     *
     * @throws Atlas4jException {@code CONFIGURATION} for a value other than {@code auto} or {@code copy}
     */
    static SqliteIsolation of(DevOptions options) {
        String value = options.properties().get(PROPERTY);
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "auto":
                return AUTO;
            case "copy":
                return COPY;
            default:
                throw new Atlas4jException(ErrorCode.CONFIGURATION,
                        "invalid value \"" + value + "\" for " + PROPERTY,
                        "use " + PROPERTY + "=auto (a rolled-back transaction where possible) or "
                                + PROPERTY + "=copy (a copy of the database for every case)", null);
        }
    }
}
