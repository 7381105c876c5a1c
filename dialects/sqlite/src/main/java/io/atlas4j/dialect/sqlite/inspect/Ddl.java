package io.atlas4j.dialect.sqlite.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small lexer for the DDL SQLite keeps in {@code sqlite_master}: what the PRAGMAs do not tell
 * (constraint names, CHECKs, generated expressions, AUTOINCREMENT, index expressions and predicates) is
 * read from the original statement text, as Atlas does (spec §2.4). Quotes, comments and nested
 * parentheses are honoured; everything else is kept as written.
 */
final class Ddl {

    /** What a token is. */
    enum Kind {
        /** An unquoted word: keyword, identifier or number. */
        WORD,
        /** A quoted identifier ({@code "x"}, {@code `x`}, {@code [x]}); {@link Token#text} is unquoted. */
        IDENT,
        /** A string literal {@code 'x'}, text as written. */
        STRING,
        /** A parenthesised group; {@link Token#text} is the inside, as written. */
        GROUP,
        /** Any other character (comma, operator). */
        OTHER
    }

    /**
     * One token.
     *
     * @param kind the token kind
     * @param text the token text (see {@link Kind})
     * @param start the offset of its first character in the source
     * @param end the offset after its last character
     */
    record Token(Kind kind, String text, int start, int end) {
        /** Whether this is the keyword {@code word} (case-insensitive). */
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        /** The identifier this token names (quoted or not). */
        String name() {
            return text;
        }

        boolean isComma() {
            return kind == Kind.OTHER && text.equals(",");
        }
    }

    private Ddl() {
    }

    /** The tokens of {@code sql} at the top level (groups are single tokens). */
    static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'') {
                int end = quoted(sql, i, '\'');
                out.add(new Token(Kind.STRING, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = quoted(sql, i, c);
                String inner = sql.substring(i + 1, Math.max(i + 1, end - 1));
                out.add(new Token(Kind.IDENT, inner.replace(String.valueOf(c) + c, String.valueOf(c)), i, end));
                i = end;
            } else if (c == '[') {
                int close = sql.indexOf(']', i);
                int end = close < 0 ? n : close + 1;
                out.add(new Token(Kind.IDENT, sql.substring(i + 1, Math.max(i + 1, end - 1)), i, end));
                i = end;
            } else if (c == '(') {
                int end = closing(sql, i);
                out.add(new Token(Kind.GROUP, sql.substring(i + 1, Math.max(i + 1, end - 1)), i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$'
                        || sql.charAt(j) == '.' && j > i && Character.isDigit(sql.charAt(i)))) {
                    j++;
                }
                out.add(new Token(Kind.WORD, sql.substring(i, j), i, j));
                i = j;
            } else {
                out.add(new Token(Kind.OTHER, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    /** The offset after the quote that closes the one at {@code open} (doubled quotes escape). */
    private static int quoted(String sql, int open, char q) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == q) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The offset after the parenthesis that closes the one at {@code open}. */
    private static int closing(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = quoted(sql, i, c);
                continue;
            }
            if (c == '[') {
                int close = sql.indexOf(']', i);
                i = close < 0 ? sql.length() : close + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return sql.length();
    }

    /** {@code sql} split on top-level commas, each piece as written and trimmed. */
    static List<String> splitCommas(String sql) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (Token t : tokens(sql)) {
            if (t.isComma()) {
                out.add(sql.substring(from, t.start()).trim());
                from = t.end();
            }
        }
        String last = sql.substring(from).trim();
        if (!last.isEmpty() || !out.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    /** The index of the first token at or after {@code from} that is the keyword {@code word}, or -1. */
    static int find(List<Token> tokens, int from, String word) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    /** The first token after {@code from} that is a group, or -1. */
    static int findGroup(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.GROUP) {
                return i;
            }
        }
        return -1;
    }

    /** The column names of a parenthesised list {@code a, "b" DESC}. */
    static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String piece : splitCommas(list)) {
            List<Token> t = tokens(piece);
            if (!t.isEmpty()) {
                out.add(t.get(0).name());
            }
        }
        return out;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
