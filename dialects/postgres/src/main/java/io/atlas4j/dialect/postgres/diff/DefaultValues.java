package io.atlas4j.dialect.postgres.diff;

import io.atlas4j.schema.Expr;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Equality of PostgreSQL column defaults without a live connection (Atlas asks the server only for
 * ambiguous raw expressions; without one they count as changed).
 */
final class DefaultValues {

    /**
     * What follows {@code ::} in a trailing cast: a possibly qualified, quoted type name, words
     * ({@code character varying}), a size ({@code (10,2)}) and array brackets.
     */
    private static final Pattern CAST_TYPE = Pattern.compile(
            "\\s*(?:\"[^\"]+\"|[a-z_][a-z0-9_$]*)(?:\\.(?:\"[^\"]+\"|[a-z_][a-z0-9_$]*))?"
                    + "(?:\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\)|\\s+[a-z_][a-z0-9_]*)*(?:\\[\\])*\\s*",
            Pattern.CASE_INSENSITIVE);

    private DefaultValues() {
    }

    /**
     * Whether two defaults differ: not when both are absent, when they are equal after trimming trailing
     * {@code ::type} casts, or when both are constants that spell the same string literal.
     */
    static boolean changed(Optional<Expr> from, Optional<Expr> to) {
        if (from.isEmpty() || to.isEmpty()) {
            return from.isPresent() != to.isPresent();
        }
        String a = trimCast(from.get().sql());
        String b = trimCast(to.get().sql());
        if (a.equals(b)) {
            return false;
        }
        boolean constants = from.get() instanceof Expr.Literal && to.get() instanceof Expr.Literal;
        return !(constants && quote(a).equals(quote(b)));
    }

    /** {@code sql} without its trailing casts: {@code 'a'::character varying} gives {@code 'a'}. */
    static String trimCast(String sql) {
        String s = sql.trim();
        while (true) {
            int i = s.lastIndexOf("::");
            if (i <= 0 || !CAST_TYPE.matcher(s.substring(i + 2)).matches()) {
                return s;
            }
            s = s.substring(0, i).trim();
        }
    }

    /** {@code s} as a string literal, unless it already is one. */
    static String quote(String s) {
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }
}
