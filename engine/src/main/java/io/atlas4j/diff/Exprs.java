package io.atlas4j.diff;

/**
 * Equality of SQL expressions kept as text (check constraints, index predicates and expressions,
 * generated columns, partition keys). Databases print the same expression with or without outer
 * parentheses, so {@code a > 0} and {@code (a > 0)} must compare equal.
 */
public final class Exprs {

    private Exprs() {
    }

    /**
     * {@code expr} wrapped in parentheses unless a balanced pair already encloses all of it (Atlas's
     * {@code mayWrap}): {@code a > 0} gives {@code (a > 0)}, {@code (a > 0)} stays, {@code (a) > (b)} gives
     * {@code ((a) > (b))}.
     */
    public static String mayWrap(String expr) {
        String s = expr.trim();
        return isWrapped(s) ? s : "(" + s + ")";
    }

    /**
     * Whether two expressions are the same up to surrounding white space and redundant outer
     * parentheses.
     */
    public static boolean equivalent(String a, String b) {
        return unwrap(a).equals(unwrap(b));
    }

    /** {@code expr} without white space around it and without redundant outer parentheses. */
    public static String unwrap(String expr) {
        String s = expr.trim();
        while (isWrapped(s)) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    /**
     * Whether the first character opens a parenthesis that the last character closes. Parentheses in
     * quoted strings and identifiers do not count.
     */
    static boolean isWrapped(String s) {
        if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    // The first pair closes here: it wraps everything only if this is the end.
                    return i == s.length() - 1;
                }
            }
        }
        return false;
    }
}
