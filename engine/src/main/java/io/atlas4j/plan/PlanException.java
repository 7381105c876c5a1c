package io.atlas4j.plan;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;

/** A change that cannot be planned (removing or reordering enum values, modifying an unnamed check). */
public class PlanException extends Atlas4jException {

    private static final long serialVersionUID = 1L;

    public PlanException(String message, String hint) {
        super(ErrorCode.PLAN, message, hint, null);
    }
}
