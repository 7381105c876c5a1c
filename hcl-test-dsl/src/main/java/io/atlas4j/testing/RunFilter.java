package io.atlas4j.testing;

import io.atlas4j.testdsl.TestCase;
import java.util.regex.Pattern;

/**
 * Atlas's {@code --run}: an unanchored regular expression. A case is selected when the pattern is found
 * in its full name ({@code seed/2}) or, for a {@code for_each} row, in its block name ({@code seed}).
 */
public final class RunFilter {

    private RunFilter() {
    }

    /** Whether {@code pattern} (null: everything) selects the case. */
    public static boolean selects(Pattern pattern, TestCase testCase) {
        if (pattern == null) {
            return true;
        }
        return pattern.matcher(testCase.name()).find()
                || (testCase.isExample() && pattern.matcher(testCase.blockName()).find());
    }
}
