package io.atlas4j.error;

import io.atlas4j.url.Redaction;
import java.util.Objects;

/**
 * The root of every failure Atlas4J reports to a user. Its message is final text for people: it is
 * printed without a stack trace, and passwords in URLs are masked in it.
 */
public class Atlas4jException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String hint;

    public Atlas4jException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public Atlas4jException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    /**
     * @param hint what the user can do about it, printed on its own {@code hint:} line; may be null
     */
    public Atlas4jException(ErrorCode code, String message, String hint, Throwable cause) {
        super(Redaction.mask(message), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.hint = hint == null ? null : Redaction.mask(hint);
    }

    public ErrorCode code() {
        return code;
    }

    /** What to do about it, or null. */
    public String hint() {
        return hint;
    }
}
