package io.atlas4j.dialect.postgres;

import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a case can run inside one transaction that is rolled back when it ends, and still
 * behave exactly as it does on a database of its own where every statement commits at once.
 *
 * <p>A statement does not fit when it cannot run in a transaction block ({@code VACUUM},
 * {@code CREATE DATABASE}, anything {@code CONCURRENTLY}, {@code ALTER SYSTEM}, ...), when it ends or
 * nests transactions itself ({@code BEGIN}, {@code COMMIT}, {@code SAVEPOINT}, {@code CALL}, a {@code DO}
 * block that commits), when it acts outside the transaction ({@code dblink}, {@code pg_background},
 * {@code COPY}, {@code LOAD}, {@code pg_terminate_backend}), or when it behaves differently inside a
 * block than in auto-commit ({@code LOCK} and {@code DECLARE} fail outside one; {@code SET LOCAL},
 * {@code SET TRANSACTION}, {@code SET CONSTRAINTS}, {@code set_config(..., true)} and the
 * {@code default_transaction_*} settings last for one statement in auto-commit but for the whole case in
 * a block; {@code ALTER TYPE ... ADD VALUE} cannot be used before it commits). A statement that does
 * not start with a known command does not fit either: unknown means a copy.
 *
 * <p>Custom settings ({@code SET app.tenant = ...}, {@code set_config('app.tenant', ...)}) fit, but
 * ROLLBACK leaves the setting defined (empty instead of missing) on the connection, so such cases need a
 * fresh connection afterwards.
 *
 * <p>The classification reads keywords, not a full grammar: it errs towards a copy, which is always
 * correct, only slower.
 *
 * <p>What a transaction does differently and no keyword of the case reveals: {@code now()} and
 * {@code current_timestamp} are the transaction's start, the same for every statement of the case
 * ({@code clock_timestamp()} moves on); {@code SET LOCAL} or {@code set_config(..., true)} run by a
 * routine of the prepared state lasts until the case ends rather than until its statement ends;
 * {@code NOTIFY} is never delivered. A suite that depends on these can set
 * {@code atlas4j.postgres.isolation=template}.
 */
final class TransactionFit {

    /** How a case may be isolated. Ordered from cheapest to most expensive. */
    enum Verdict {
        /** One transaction rolled back at the end, on a reused connection. */
        TRANSACTION,
        /** A transaction rolled back at the end; the connection is replaced afterwards. */
        TRANSACTION_FRESH_CONNECTION,
        /** A database of its own (a template clone, or the re-created dev database). */
        COPY;

        Verdict max(Verdict other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /**
     * What a case that fits in a transaction is known to do, for the connection that runs it.
     *
     * @param freshConnection it may define custom settings, which outlive ROLLBACK on the connection
     * @param defersConstraints it may create or alter deferrable constraints
     * @param deallocates it may deallocate prepared statements
     */
    record Traits(boolean freshConnection, boolean defersConstraints, boolean deallocates) {
    }

    private static final URI INLINE = URI.create("inline:case");

    private static final Pattern DEFERRAL = Pattern.compile("\\bdeferr");

    private static final Pattern DEALLOCATE = Pattern.compile("\\bdeallocate\\b");

    /** Commands that may run, and be undone, inside a transaction block (with the exceptions below). */
    private static final Set<String> FITTING_COMMANDS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE",
            "WITH", "VALUES", "TABLE", "CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "TRUNCATE", "SET",
            "RESET", "SHOW", "EXPLAIN", "FETCH", "MOVE", "CLOSE", "PREPARE", "EXECUTE", "DEALLOCATE", "LISTEN",
            "NOTIFY", "UNLISTEN", "SECURITY", "REFRESH", "ANALYZE", "ANALYSE", "CLUSTER", "IMPORT", "DISCARD", "DO",
            "REASSIGN", "CHECKPOINT", "(");

    /** Objects of CREATE / ALTER / DROP that live outside the database or cannot change in a block. */
    private static final Set<String> GLOBAL_OBJECTS = Set.of("DATABASE", "TABLESPACE", "SUBSCRIPTION", "SYSTEM");

    /**
     * Words that, anywhere in a statement, mean work outside the transaction or outside a block, or an
     * effect at commit ({@code ON COMMIT DROP} / {@code DELETE ROWS} temporary tables, emptied or gone
     * after each statement in auto-commit).
     */
    private static final Pattern OUTSIDE_THE_TRANSACTION = Pattern.compile(
            "\\b(concurrently|dblink\\w*|pg_background\\w*|pg_terminate_backend|on\\s+commit)\\b");

    /** Inside a DO block: the words that can end the transaction (COMMIT, ROLLBACK, a procedure that does). */
    private static final Pattern ENDS_TRANSACTION = Pattern.compile("\\b(commit|rollback|call)\\b");

    private static final Pattern SET_CONFIG = Pattern.compile("\\bset_config\\s*\\(");

    /** {@code SET app.x}, {@code RESET app.x}, a routine's {@code SET app.x = ...} clause. */
    private static final Pattern CUSTOM_SETTING = Pattern.compile(
            "\\b(set|reset)\\s+(session\\s+)?(\"[^\"]*\\.[^\"]*\"|(\"[^\"]+\"|[a-z_][a-z0-9_$]*)\\s*\\.)");

    private static final Set<String> SESSION_LEVEL = Set.of("false", "'f'", "'false'", "'off'", "'no'", "'n'", "'0'");

    private TransactionFit() {
    }

    /** The cheapest correct isolation for a case with {@code needs}. */
    static Verdict of(SessionNeeds needs) {
        if (!needs.known() || needs.externalPrograms()) {
            return Verdict.COPY;
        }
        Verdict verdict = Verdict.TRANSACTION;
        for (String text : needs.statements()) {
            verdict = verdict.max(ofText(text));
            if (verdict == Verdict.COPY) {
                break;
            }
        }
        return verdict;
    }

    /**
     * The traits of a case whose verdict is not {@link Verdict#COPY}.
     *
     * @param stateDefinesSettings what {@link #definesCustomSettings} says of the prepared state
     */
    static Traits traits(SessionNeeds needs, Verdict verdict, boolean stateDefinesSettings) {
        boolean defers = false;
        boolean deallocates = false;
        for (String text : needs.statements()) {
            String lower = withoutComments(text).toLowerCase(Locale.ROOT);
            defers |= DEFERRAL.matcher(lower).find();
            deallocates |= DEALLOCATE.matcher(lower).find();
        }
        return new Traits(stateDefinesSettings || verdict == Verdict.TRANSACTION_FRESH_CONNECTION, defers, deallocates);
    }

    /** The verdict for one SQL text holding any number of statements. */
    static Verdict ofText(String text) {
        List<SqlStatement> statements;
        try {
            statements = StatementSplitter.split(SqlScript.of(INLINE, text), SplitRules.POSTGRES);
        } catch (RuntimeException e) {
            return Verdict.COPY;
        }
        Verdict verdict = Verdict.TRANSACTION;
        for (SqlStatement statement : statements) {
            verdict = verdict.max(ofStatement(statement.text()));
        }
        return verdict;
    }

    /**
     * Whether building {@code state} defines routines that set custom settings, so that any case calling
     * them leaves a setting defined on its connection.
     */
    static boolean definesCustomSettings(SchemaState state) {
        for (SqlScript script : state.scripts()) {
            String lower = withoutComments(script.text()).toLowerCase(Locale.ROOT);
            if (SET_CONFIG.matcher(lower).find() || CUSTOM_SETTING.matcher(lower).find()) {
                return true;
            }
        }
        return false;
    }

    /** The verdict for one statement. */
    static Verdict ofStatement(String sql) {
        List<String> words = leadingWords(sql, 16);
        if (words.isEmpty()) {
            return Verdict.TRANSACTION;
        }
        String lower = withoutComments(sql).toLowerCase(Locale.ROOT);
        if (OUTSIDE_THE_TRANSACTION.matcher(lower).find()) {
            return Verdict.COPY;
        }
        String command = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        if (!FITTING_COMMANDS.contains(command)) {
            return Verdict.COPY;
        }
        switch (command) {
            case "PREPARE":
                if (second.equals("TRANSACTION")) {
                    return Verdict.COPY;
                }
                break;
            case "CREATE":
            case "DROP":
                if (GLOBAL_OBJECTS.contains(second)) {
                    return Verdict.COPY;
                }
                break;
            case "ALTER":
                if (GLOBAL_OBJECTS.contains(second) || second.equals("TYPE") && addsEnumValue(words)) {
                    return Verdict.COPY;
                }
                break;
            case "DISCARD":
                if (second.equals("ALL")) {
                    return Verdict.COPY;
                }
                break;
            case "CLUSTER":
                if (!namesTable(words)) {
                    return Verdict.COPY;
                }
                break;
            case "SET":
                if (setOutlivesStatement(words)) {
                    return Verdict.COPY;
                }
                break;
            case "DO":
                if (ENDS_TRANSACTION.matcher(lower).find()) {
                    return Verdict.COPY;
                }
                break;
            default:
                break;
        }
        Verdict settings = setConfig(lower);
        if (settings == Verdict.TRANSACTION && CUSTOM_SETTING.matcher(lower).find()) {
            settings = Verdict.TRANSACTION_FRESH_CONNECTION;
        }
        return settings;
    }

    /** {@code ALTER TYPE name ADD VALUE ...}. */
    private static boolean addsEnumValue(List<String> words) {
        for (int i = 2; i + 1 < words.size(); i++) {
            if (words.get(i).equals("ADD") && words.get(i + 1).equals("VALUE")) {
                return true;
            }
        }
        return false;
    }

    /** {@code CLUSTER [VERBOSE] [(options)] name ...}: without a name it cannot run in a block. */
    private static boolean namesTable(List<String> words) {
        int i = 1;
        int depth = 0;
        for (; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("(")) {
                depth++;
            } else if (w.equals(")")) {
                depth--;
            } else if (depth == 0 && !w.equals("VERBOSE")) {
                return !w.equals(";");
            }
        }
        return false;
    }

    /**
     * SET forms that behave differently inside a block: they last for one statement in auto-commit
     * ({@code LOCAL}, {@code TRANSACTION}, {@code CONSTRAINTS}) or change how later transactions start.
     */
    private static boolean setOutlivesStatement(List<String> words) {
        String second = words.size() > 1 ? words.get(1) : "";
        String third = words.size() > 2 ? words.get(2) : "";
        if (second.equals("LOCAL") || second.equals("TRANSACTION") || second.equals("CONSTRAINTS")
                || second.equals("SESSION") && third.equals("CHARACTERISTICS")) {
            return true;
        }
        String name = (second.equals("SESSION") ? third : second).toLowerCase(Locale.ROOT);
        return name.startsWith("default_transaction_") || name.startsWith("transaction_")
                || name.equals("idle_in_transaction_session_timeout");
    }

    /**
     * {@code set_config(name, value, is_local)}: session-level settings fit (with a fresh connection
     * afterwards); transaction-local ones, or ones whose scope is not a literal, need a copy.
     */
    private static Verdict setConfig(String lower) {
        Verdict verdict = Verdict.TRANSACTION;
        Matcher m = SET_CONFIG.matcher(lower);
        while (m.find()) {
            List<String> args = arguments(lower, m.end());
            if (args.size() != 3 || !SESSION_LEVEL.contains(args.get(2))) {
                return Verdict.COPY;
            }
            verdict = Verdict.TRANSACTION_FRESH_CONNECTION;
        }
        return verdict;
    }

    /** The top-level, trimmed arguments of a call whose {@code (} ends just before {@code from}. */
    private static List<String> arguments(String s, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                while (close >= 0 && close + 1 < s.length() && s.charAt(close + 1) == '\'') {
                    close = s.indexOf('\'', close + 2);
                }
                if (close < 0) {
                    break;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ')' || (c == ',' && depth == 0)) {
                args.add(s.substring(start, i).strip());
                start = i + 1;
                if (c == ')') {
                    return args;
                }
            }
        }
        // Unbalanced: report nothing that could pass as a session-level call.
        return List.of();
    }

    /**
     * The first {@code max} tokens of a statement, comments skipped: words upper-cased, quoted
     * identifiers without their quotes, a string literal as {@code '}, other characters one by one.
     */
    static List<String> leadingWords(String sql, int max) {
        List<String> words = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n && words.size() < max) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = endOfBlockComment(sql, i);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            } else if (c == '"') {
                int close = sql.indexOf('"', i + 1);
                while (close >= 0 && close + 1 < n && sql.charAt(close + 1) == '"') {
                    close = sql.indexOf('"', close + 2);
                }
                close = close < 0 ? n : close;
                words.add(sql.substring(i + 1, close).replace("\"\"", "\""));
                i = close + 1;
            } else if (c == '\'') {
                int close = sql.indexOf('\'', i + 1);
                while (close >= 0 && close + 1 < n && sql.charAt(close + 1) == '\'') {
                    close = sql.indexOf('\'', close + 2);
                }
                words.add("'");
                i = close < 0 ? n : close + 1;
            } else {
                words.add(String.valueOf(c));
                i++;
            }
        }
        return words;
    }

    /**
     * {@code sql} with its comments replaced by spaces; quoted strings and identifiers are kept as they
     * are, and so are dollar-quoted bodies, whose comments go too (a routine body's words count).
     */
    static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = endOfBlockComment(sql, i);
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                // An unterminated quote keeps the rest: when in doubt, hide nothing.
                int end = close < 0 ? n : close + 1;
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Past the end of the (nested) block comment starting at {@code start}. */
    private static int endOfBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i + 1 < sql.length()) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
