package io.atlas4j.hcl;

import io.atlas4j.source.SourceRange;
import java.util.List;

/**
 * A function callable from HCL expressions. Report bad arguments by throwing
 * {@link HclFunctionException} (the evaluator adds the position and function name) or a
 * {@code DiagnosticException}.
 */
@FunctionalInterface
public interface HclFunction {

    /**
     * @param args the evaluated arguments (a final {@code ...} argument is already expanded)
     * @param at the position of the call, for diagnostics
     */
    Value call(List<Value> args, SourceRange at);
}
