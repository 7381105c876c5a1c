package io.atlas4j.testing.output;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a database error message satisfies a {@code catch} step's {@code error}: the text is a
 * regular expression searched (not anchored) in the message; text that is not a valid expression, such
 * as {@code zip_check(}, is searched literally instead, so a fragment copied from a message always works.
 */
public final class ErrorMatcher {

    private ErrorMatcher() {
    }

    /** Whether {@code expected} is found in {@code message} (a null message counts as empty). */
    public static boolean matches(String expected, String message) {
        String text = message == null ? "" : message;
        Pattern pattern;
        try {
            pattern = Pattern.compile(expected);
        } catch (PatternSyntaxException e) {
            return text.contains(expected);
        }
        return pattern.matcher(text).find();
    }
}
