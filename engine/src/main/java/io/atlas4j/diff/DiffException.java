package io.atlas4j.diff;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;

/**
 * A difference that no plan can express (changing a generated expression, a partition key, removing an
 * enum value): Atlas reports these as errors rather than planning something unsafe.
 */
public class DiffException extends Atlas4jException {

    private static final long serialVersionUID = 1L;

    public DiffException(String message, String hint) {
        super(ErrorCode.CONFIGURATION, message, hint, null);
    }
}
