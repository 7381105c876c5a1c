package io.atlas4j.dialect.sqlite;

import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a case can run inside one SQLite transaction that is rolled back at its end, with the
 * same results as on its own copy of the database, where every statement commits on its own.
 *
 * <p>SQLite undoes rows, DDL, {@code sqlite_sequence} (AUTOINCREMENT counters) and TEMP objects with the
 * transaction, and a failing statement normally undoes only itself. What cannot run that way:
 * <ul>
 *   <li>transaction control ({@code BEGIN}, {@code COMMIT}, {@code END}, {@code ROLLBACK},
 *       {@code SAVEPOINT}, {@code RELEASE}), {@code VACUUM}, {@code ATTACH}, {@code DETACH};</li>
 *   <li>pragmas, except reads of the schema ({@code PRAGMA table_info(t)}, ...): most are connection
 *       settings that a rollback keeps;</li>
 *   <li>any {@code ROLLBACK} conflict resolution ({@code ON CONFLICT ROLLBACK}, {@code INSERT OR ROLLBACK},
 *       {@code RAISE(ROLLBACK, ...)}): it ends the whole transaction, undoing the case's earlier steps;</li>
 *   <li>{@code DEFERRED} constraints: checked at commit, which a rolled-back case never reaches;</li>
 *   <li>functions reading connection state that outlives a transaction ({@code last_insert_rowid()},
 *       {@code changes()}, {@code total_changes()}) or changing it ({@code load_extension()}).</li>
 * </ul>
 * The check is lexical and errs on the side of a copy: a keyword in a quoted identifier counts too.
 */
final class RollbackSafety {

    private static final URI INLINE = URI.create("inline:case");

    private static final Set<String> COPY_STATEMENTS =
            Set.of("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "VACUUM", "ATTACH", "DETACH");

    /** Pragmas that only read the schema: no side effects, and nothing tied to the connection. */
    private static final Set<String> READ_ONLY_PRAGMAS = Set.of(
            "TABLE_INFO", "TABLE_XINFO", "TABLE_LIST", "INDEX_LIST", "INDEX_INFO", "INDEX_XINFO",
            "FOREIGN_KEY_LIST", "FOREIGN_KEY_CHECK", "INTEGRITY_CHECK", "QUICK_CHECK", "COLLATION_LIST",
            "FUNCTION_LIST", "MODULE_LIST", "PRAGMA_LIST", "COMPILE_OPTIONS", "DATABASE_LIST");

    private static final Set<String> CONNECTION_FUNCTIONS =
            Set.of("LAST_INSERT_ROWID", "CHANGES", "TOTAL_CHANGES", "LOAD_EXTENSION");

    /**
     * Every word one of the reasons above needs. A text without any of them (as a run of letters, digits
     * and underscores, anywhere: in strings and comments too) is admitted without being split.
     */
    private static final List<String> HAZARD_WORDS = List.of("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT",
            "RELEASE", "VACUUM", "ATTACH", "DETACH", "PRAGMA", "DEFERRED", "LAST_INSERT_ROWID", "CHANGES",
            "TOTAL_CHANGES", "LOAD_EXTENSION");

    /** Words after which {@code name (} names a table or view, not a function call. */
    private static final Set<String> BEFORE_TABLE_NAME =
            Set.of("TABLE", "INTO", "EXISTS", "ON", "REFERENCES", "VIEW", "INDEX", "TRIGGER", "UPDATE", "FROM", "JOIN");

    private RollbackSafety() {
    }

    /**
     * Why a case with these needs must run on a copy, or empty when a rolled-back transaction isolates it.
     * Unknown needs and external programs (which connect on their own and must see committed work) need
     * a copy.
     */
    static Optional<String> copyReason(SessionNeeds needs) {
        if (!needs.known()) {
            return Optional.of("the case's statements are not known");
        }
        if (needs.externalPrograms()) {
            return Optional.of("the case runs external programs");
        }
        for (String text : needs.statements()) {
            if (!mayNeedCopy(text)) {
                continue;
            }
            for (SqlStatement statement : StatementSplitter.split(new SqlScript(INLINE, text, 1, 1), SplitRules.SQLITE)) {
                Optional<String> reason = statementReason(statement.text());
                if (reason.isPresent()) {
                    return reason;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code text} holds a hazard word; false means no statement split out of it has a reason to
     * need a copy. Cheaper than splitting and tokenizing, which the common case (plain DML) then skips.
     */
    static boolean mayNeedCopy(String text) {
        // A custom delimiter may cut a word in two (-- atlas:delimiter x), so such texts take the full path.
        if (text.contains("atlas:delimiter")) {
            return true;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!wordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int from = i;
            while (i < n && wordChar(text.charAt(i))) {
                i++;
            }
            int length = i - from;
            for (String hazard : HAZARD_WORDS) {
                if (hazard.length() == length && text.regionMatches(true, from, hazard, 0, length)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Characters of a hazard word's run; {@code $} separates, so {@code $commit} still shows COMMIT. */
    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Why one statement (as split) cannot run in the case's transaction, or empty when it can. */
    static Optional<String> statementReason(String statement) {
        List<Token> tokens = tokens(statement);
        int first = 0;
        if (word(tokens, 0, "EXPLAIN")) {
            first = word(tokens, 1, "QUERY") && word(tokens, 2, "PLAN") ? 3 : 1;
        }
        if (first < tokens.size() && tokens.get(first).word()) {
            String head = tokens.get(first).text();
            if (COPY_STATEMENTS.contains(head)) {
                return Optional.of(head + " statement");
            }
            if (head.equals("PRAGMA") && !readOnlyPragma(tokens, first + 1)) {
                return Optional.of("PRAGMA other than a schema read");
            }
        }
        return objectReason(tokens);
    }

    /**
     * Why an object of the prepared state ({@code sqlite_master.sql}) keeps every case of it from a
     * transaction: a trigger raising {@code ROLLBACK}, a table resolving conflicts by {@code ROLLBACK}, a
     * deferred foreign key.
     */
    static Optional<String> schemaReason(String objectSql) {
        return objectReason(tokens(objectSql));
    }

    private static Optional<String> objectReason(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.word()) {
                continue;
            }
            switch (t.text()) {
                case "ROLLBACK":
                    return Optional.of("ROLLBACK conflict resolution ends the whole transaction");
                case "DEFERRED":
                    return Optional.of("DEFERRED constraints are checked only at commit");
                default:
                    break;
            }
            if (CONNECTION_FUNCTIONS.contains(t.text()) && punct(tokens, i + 1, '(')
                    && !(i > 0 && tokens.get(i - 1).word() && BEFORE_TABLE_NAME.contains(tokens.get(i - 1).text()))) {
                return Optional.of(t.text().toLowerCase(Locale.ROOT) + "() depends on the connection");
            }
        }
        return Optional.empty();
    }

    /** {@code PRAGMA [schema.]name}, optionally {@code (arg)}, for a schema-reading pragma; no {@code =}. */
    private static boolean readOnlyPragma(List<Token> tokens, int at) {
        int name = at;
        if (punct(tokens, at + 1, '.')) {
            name = at + 2;
        }
        if (name >= tokens.size() || !tokens.get(name).word() || !READ_ONLY_PRAGMAS.contains(tokens.get(name).text())) {
            return false;
        }
        return tokens.stream().noneMatch(t -> !t.word() && t.text().equals("="));
    }

    private static boolean word(List<Token> tokens, int i, String w) {
        return i < tokens.size() && tokens.get(i).word() && tokens.get(i).text().equals(w);
    }

    private static boolean punct(List<Token> tokens, int i, char c) {
        return i < tokens.size() && !tokens.get(i).word() && tokens.get(i).text().equals(String.valueOf(c));
    }

    /**
     * One lexical token: a word (upper-cased; quoted identifiers included, unquoted) or one punctuation
     * character. String literals, blobs, numbers and comments are dropped.
     */
    private record Token(String text, boolean word) {
    }

    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'') {
                i = quotedEnd(s, i, '\'');
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = quotedEnd(s, i, close);
                // Doubled quotes stay doubled: the word only has to be recognisable, not exact.
                out.add(new Token(s.substring(i + 1, Math.max(i + 1, end - 1)).toUpperCase(Locale.ROOT), true));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int from = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    i++;
                }
                // x'...' is a blob literal, not the word X.
                if (i - from == 1 && (c == 'x' || c == 'X') && i < n && s.charAt(i) == '\'') {
                    continue;
                }
                out.add(new Token(s.substring(from, i).toUpperCase(Locale.ROOT), true));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
            } else {
                out.add(new Token(String.valueOf(c), false));
                i++;
            }
        }
        return out;
    }

    /** The index after the quoted token at {@code i}; a doubled closing character escapes itself. */
    private static int quotedEnd(String s, int i, char close) {
        int j = i + 1;
        while (j < s.length()) {
            if (s.charAt(j) == close) {
                if (j + 1 < s.length() && s.charAt(j + 1) == close && close != ']') {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return s.length();
    }
}
