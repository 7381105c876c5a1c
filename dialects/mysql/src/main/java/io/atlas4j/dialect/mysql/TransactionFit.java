package io.atlas4j.dialect.mysql;

import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a case can run inside one InnoDB transaction that is rolled back when it ends, and
 * still behave as it does on a schema of its own where every statement commits at once.
 *
 * <p>Only row work fits: queries ({@code SELECT}, {@code WITH}, {@code VALUES}, {@code TABLE},
 * {@code SHOW}, {@code EXPLAIN}, {@code DESCRIBE}) and {@code INSERT}, {@code UPDATE}, {@code DELETE},
 * {@code REPLACE}. Everything else needs the schema re-created: DDL and account statements commit
 * implicitly; transaction control and {@code LOCK TABLES} end the case's transaction; {@code SET} and
 * {@code USE} change the connection, which outlives the case; {@code CALL}, {@code DO},
 * {@code PREPARE}/{@code EXECUTE} may run any of these; {@code LOAD DATA}, {@code HANDLER},
 * {@code INTO OUTFILE} and MariaDB sequences ({@code NEXT VALUE FOR}, {@code SETVAL}) act outside the
 * transaction. Executable comments ({@code /*! ... * /}) hide statements, so they need a copy too.
 *
 * <p>User variables ({@code @v}) and connection state read or changed by functions
 * ({@code LAST_INSERT_ID()}, {@code FOUND_ROWS()}, {@code ROW_COUNT()}, {@code GET_LOCK()}, ...) are not
 * undone by ROLLBACK but live in the connection: such cases run in a transaction on a connection of
 * their own, opened for them and closed after them.
 *
 * <p>The check is lexical (string literals, quoted identifiers and comments are ignored) and errs
 * towards re-creating, which is always correct, only slower.
 */
final class TransactionFit {

    /** How a case may be isolated, from cheapest to most expensive. */
    enum Verdict {
        /** One transaction rolled back at the end, on a connection reused across cases. */
        TRANSACTION,
        /** A transaction rolled back at the end, on a connection used by this case only. */
        TRANSACTION_FRESH_CONNECTION,
        /** The schema re-created for the case (the mechanism without needs). */
        RECREATE;

        Verdict max(Verdict other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /**
     * The isolation of a case, and whether it may change rows (a case that only reads cannot move an
     * AUTO_INCREMENT counter, unless the state's routines or triggers do).
     */
    record Fit(Verdict verdict, boolean writes) {

        static final Fit RECREATE = new Fit(Verdict.RECREATE, true);

        Fit join(Fit other) {
            return new Fit(verdict.max(other.verdict), writes || other.writes);
        }
    }

    private static final URI INLINE = URI.create("inline:case");

    /** Statements that only read. */
    private static final Set<String> READS = Set.of("SELECT", "VALUES", "TABLE", "(", "SHOW", "EXPLAIN", "DESCRIBE",
            "DESC", "HELP");

    /** Statements that change rows, which InnoDB undoes with the transaction. */
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "WITH");

    /** Anywhere in a fitting statement: work outside the transaction. */
    private static final Pattern OUTSIDE_THE_TRANSACTION = Pattern.compile(
            "\\binto\\s+(outfile|dumpfile)\\b|\\b(next|previous)\\s+value\\s+for\\b|\\b(nextval|setval|lastval)\\s*\\(");

    /** Anywhere in a fitting statement: connection state that ROLLBACK keeps. */
    private static final Pattern CONNECTION_STATE = Pattern.compile(
            "(^|[^@])@($|[^@])|\\b(last_insert_id|found_rows|row_count|get_lock|release_lock|release_all_locks"
                    + "|is_used_lock|is_free_lock)\\s*\\(");

    private TransactionFit() {
    }

    /** The cheapest correct isolation for a case with {@code needs}. */
    static Fit of(SessionNeeds needs) {
        if (!needs.known() || needs.externalPrograms()) {
            return Fit.RECREATE;
        }
        Fit fit = new Fit(Verdict.TRANSACTION, false);
        for (String text : needs.statements()) {
            fit = fit.join(ofText(text));
            if (fit.verdict() == Verdict.RECREATE) {
                return Fit.RECREATE;
            }
        }
        return fit;
    }

    /** The fit of one SQL text holding any number of statements. */
    static Fit ofText(String text) {
        List<SqlStatement> statements;
        try {
            statements = StatementSplitter.split(SqlScript.of(INLINE, text), SplitRules.MYSQL);
        } catch (RuntimeException e) {
            return Fit.RECREATE;
        }
        Fit fit = new Fit(Verdict.TRANSACTION, false);
        for (SqlStatement statement : statements) {
            fit = fit.join(ofStatement(statement.text()));
        }
        return fit;
    }

    /** The fit of one statement. */
    static Fit ofStatement(String sql) {
        if (sql.contains("/*!") || sql.contains("/*M!")) {
            return Fit.RECREATE;
        }
        String code = codeOnly(sql);
        String first = firstWord(code);
        if (first.isEmpty()) {
            return new Fit(Verdict.TRANSACTION, false);
        }
        boolean writes = WRITES.contains(first);
        if (!writes && !READS.contains(first)) {
            return Fit.RECREATE;
        }
        String lower = code.toLowerCase(Locale.ROOT);
        if (OUTSIDE_THE_TRANSACTION.matcher(lower).find()) {
            return Fit.RECREATE;
        }
        Verdict verdict = CONNECTION_STATE.matcher(lower).find() ? Verdict.TRANSACTION_FRESH_CONNECTION : Verdict.TRANSACTION;
        return new Fit(verdict, writes);
    }

    /**
     * Whether a prepared state's own statements (its routines and triggers, run by a case's rows) touch
     * connection state that ROLLBACK keeps, so that every case needs a connection of its own.
     */
    static boolean touchesConnectionState(List<SqlStatement> state) {
        for (SqlStatement statement : state) {
            if (CONNECTION_STATE.matcher(codeOnly(statement.text()).toLowerCase(Locale.ROOT)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The first word, upper-cased, or {@code (}; empty for a statement of nothing but blanks. */
    private static String firstWord(String code) {
        int i = 0;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        if (i == code.length()) {
            return "";
        }
        if (code.charAt(i) == '(') {
            return "(";
        }
        int start = i;
        while (i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
            i++;
        }
        // A statement starting with a symbol ({call p}) is nothing known.
        return i == start ? code.substring(start, start + 1) : code.substring(start, i).toUpperCase(Locale.ROOT);
    }

    /**
     * The statement with comments, string literals and quoted identifiers replaced by blanks, so that
     * their contents ({@code 'a@b.c'}, {@code `commit`}) are not read as code.
     */
    static String codeOnly(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n) {
                    char d = sql.charAt(end);
                    if (d == '\\' && c != '`') {
                        end += 2;
                    } else if (d == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2;
                        } else {
                            break;
                        }
                    } else {
                        end++;
                    }
                }
                end = Math.min(end + 1, n);
                // The @ of a quoted user-variable name (@'x') stays in front of the blank.
                out.append(' ');
                i = end;
            } else if (c == '#' || c == '-' && i + 2 < n && sql.charAt(i + 1) == '-' && Character.isWhitespace(sql.charAt(i + 2))) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
