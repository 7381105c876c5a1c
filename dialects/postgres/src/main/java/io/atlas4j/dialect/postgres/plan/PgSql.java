package io.atlas4j.dialect.postgres.plan;

import java.util.List;
import java.util.stream.Collectors;

/** SQL text helpers: identifiers, string literals, expression wrapping, dollar quoting. */
final class PgSql {

    private PgSql() {
    }

    /** {@code name} as a double-quoted identifier, embedded quotes doubled. */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Identifiers joined with {@code ", "}. */
    static String idents(List<String> names) {
        return names.stream().map(PgSql::ident).collect(Collectors.joining(", "));
    }

    /** {@code text} as a single-quoted string literal, embedded quotes doubled. */
    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /** {@code expr} in parentheses unless one pair already encloses all of it (Atlas's mayWrap). */
    static String mayWrap(String expr) {
        String e = expr.trim();
        return wrapped(e) ? e : "(" + e + ")";
    }

    /** Whether the first character opens a parenthesis that the last character closes. */
    static boolean wrapped(String e) {
        if (e.length() < 2 || e.charAt(0) != '(' || e.charAt(e.length() - 1) != ')') {
            return false;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i != e.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    /** {@code body} between dollar quotes whose tag does not occur in the body. */
    static String dollarQuote(String body) {
        String tag = "$$";
        int n = 0;
        while (body.contains(tag)) {
            tag = "$q" + (n == 0 ? "" : n) + "$";
            n++;
        }
        return tag + body + tag;
    }

    /** Whether {@code s} is a plain identifier that needs no quoting to be read as written. */
    static boolean plainName(String s) {
        return s.matches("[A-Za-z_][A-Za-z0-9_$]*");
    }
}
