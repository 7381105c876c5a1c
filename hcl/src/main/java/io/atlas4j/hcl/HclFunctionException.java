package io.atlas4j.hcl;

/**
 * Thrown by an {@link HclFunction} for a bad call. The evaluator turns it into a diagnostic at the
 * call (or at the offending argument) reading {@code call to function "f" failed: <message>}.
 */
public class HclFunctionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int argumentIndex;

    /** A failure not tied to one argument. */
    public HclFunctionException(String message) {
        this(-1, message);
    }

    /**
     * @param argumentIndex the 0-based argument at fault, or -1
     */
    public HclFunctionException(int argumentIndex, String message) {
        super(message);
        this.argumentIndex = argumentIndex;
    }

    /** The 0-based argument at fault, or -1 for the call as a whole. */
    public int argumentIndex() {
        return argumentIndex;
    }
}
