package io.atlas4j.dev.testcontainers;

import io.atlas4j.dev.DevOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.util.Locale;

/**
 * What a {@code docker://postgres/N} URL does on a machine without a Docker engine: the setting
 * {@value #PROPERTY}.
 */
public enum FallbackPolicy {
    /** Open {@code embedded://postgres/N} instead, with a one-line notice (the default). */
    EMBEDDED,
    /** Fail with "no Docker engine found". */
    FAIL;

    /** The {@link DevOptions#properties()} key: {@code embedded} (default) or {@code fail}. */
    public static final String PROPERTY = "atlas4j.dev.docker-fallback";

    /**
     * The policy set in {@code options}.
     *
     * @throws Atlas4jException {@code CONFIGURATION} for another value
     */
    public static FallbackPolicy of(DevOptions options) {
        String value = options.properties().get(PROPERTY);
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "embedded":
                return EMBEDDED;
            case "fail":
                return FAIL;
            default:
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "invalid " + PROPERTY + " \"" + value + "\"",
                        "use embedded (the default) or fail", null);
        }
    }
}
