package io.atlas4j.migrate.apply;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.util.Locale;

/** What {@code migrate apply} does with files added before the last applied version ({@code --exec-order}). */
public enum ExecOrder {
    /** Refuse them (the default). */
    LINEAR,
    /** Ignore them. */
    LINEAR_SKIP,
    /** Apply them first. */
    NON_LINEAR;

    /** The flag's value, e.g. {@code linear-skip}. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses an {@code --exec-order} value.
     *
     * @throws Atlas4jException (configuration) {@code unknown execution order: "<x>"}
     */
    public static ExecOrder parse(String value) {
        for (ExecOrder o : values()) {
            if (o.flag().equals(value)) {
                return o;
            }
        }
        throw new Atlas4jException(ErrorCode.CONFIGURATION, "unknown execution order: \"" + value + "\"",
                "use --exec-order linear, linear-skip or non-linear", null);
    }
}
