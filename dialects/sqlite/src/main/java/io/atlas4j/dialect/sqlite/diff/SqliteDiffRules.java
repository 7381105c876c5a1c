package io.atlas4j.dialect.sqlite.diff;

import io.atlas4j.dialect.sqlite.SqliteAttrs.AutoIncrement;
import io.atlas4j.dialect.sqlite.SqliteTypes;
import io.atlas4j.diff.DiffRules;
import io.atlas4j.diff.Exprs;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.ChangeKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SQLite's answers to the diff questions (spec §3.6–3.10): types equal by kind (sizes and integer widths
 * are not changes), defaults equal once unquoted ({@code 'a'} is {@code "a"}), generated columns by
 * expression and storage, AUTOINCREMENT, partial-index predicates, SQLite's generated index names, and views
 * and triggers by their SQL text up to white space, case and quoting.
 */
public final class SqliteDiffRules implements DiffRules {

    /** The prefix of the indexes SQLite creates for UNIQUE and PRIMARY KEY constraints. */
    public static final String AUTOINDEX_PREFIX = "sqlite_autoindex_";

    @Override
    public Set<ChangeKind> columnChange(TablePair tables, Column from, Column to) {
        Set<ChangeKind> kinds = ChangeKind.none();
        if (!SqliteTypes.same(from.type(), to.type())) {
            kinds.add(ChangeKind.TYPE);
        }
        if (!from.defaultValue().map(SqliteDiffRules::unquoted).equals(to.defaultValue().map(SqliteDiffRules::unquoted))) {
            kinds.add(ChangeKind.DEFAULT);
        }
        Optional<GeneratedExpr> fg = from.attr(GeneratedExpr.class);
        Optional<GeneratedExpr> tg = to.attr(GeneratedExpr.class);
        if (fg.isPresent() != tg.isPresent() || fg.isPresent() && (fg.get().stored() != tg.get().stored()
                || !Exprs.equivalent(fg.get().expr(), tg.get().expr()))) {
            kinds.add(ChangeKind.GENERATED);
        }
        if (from.attr(AutoIncrement.class).isPresent() != to.attr(AutoIncrement.class).isPresent()) {
            kinds.add(ChangeKind.ATTR);
        }
        return kinds;
    }

    /** A default's text without one pair of surrounding single or double quotes. */
    static String unquoted(Expr e) {
        String s = e.sql().trim();
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            char q = s.charAt(0);
            return s.substring(1, s.length() - 1).replace(String.valueOf(q) + q, String.valueOf(q));
        }
        return Exprs.unwrap(s);
    }

    /** SQLite indexes have one attribute: the partial-index predicate, equal up to outer parentheses. */
    @Override
    public boolean indexAttrsChanged(Index from, Index to) {
        Optional<String> a = from.attr(IndexPredicate.class).map(IndexPredicate::expr);
        Optional<String> b = to.attr(IndexPredicate.class).map(IndexPredicate::expr);
        return a.isPresent() != b.isPresent() || a.isPresent() && !Exprs.equivalent(a.get(), b.get());
    }

    @Override
    public boolean indexPartAttrsChanged(PartPair parts) {
        return false;
    }

    /**
     * {@code sqlite_autoindex_<table>_<n>} (a UNIQUE constraint's index), and {@code <table>_<cols>}: the
     * name the planner gives such an index when it creates it (E27, E72).
     */
    @Override
    public boolean isGeneratedIndexName(Table table, Index index) {
        return index.name().startsWith(AUTOINDEX_PREFIX) || index.name().equals(normalName(table.name(), index));
    }

    /** {@code <table>_<col1>_<col2>}: the name an auto-index gets when planned (spec §3.10, §4.6). */
    public static String normalName(String table, Index index) {
        StringBuilder sb = new StringBuilder(table);
        for (String c : index.columns()) {
            sb.append('_').append(c);
        }
        return sb.toString();
    }
    /**
     * Views are compared by their query only, up to white space, keyword case and identifier quoting:
     * SQLite derives a view's columns, and the HCL side usually declares none.
     */
    @Override
    public boolean viewChanged(View from, View to) {
        return !normalSql(from.definition()).equals(normalSql(to.definition()))
                || triggersChanged(from.triggers(), to.triggers());
    }

    /**
     * Triggers by timing, event, WHEN condition and body, each up to white space, case and quoting, and a
     * body with or without its BEGIN ... END. FOR EACH ROW is no difference: every SQLite trigger is one.
     */
    @Override
    public boolean triggerChanged(Trigger from, Trigger to) {
        return from.timing() != to.timing()
                || !from.events().stream().map(SqliteDiffRules::normalSql).toList()
                        .equals(to.events().stream().map(SqliteDiffRules::normalSql).toList())
                || !from.when().map(w -> normalSql(Exprs.unwrap(w))).equals(to.when().map(w -> normalSql(Exprs.unwrap(w))))
                || !normalSql(triggerStatements(from.body())).equals(normalSql(triggerStatements(to.body())));
    }

    private boolean triggersChanged(List<Trigger> from, List<Trigger> to) {
        if (from.size() != to.size()) {
            return true;
        }
        for (Trigger f : from) {
            Optional<Trigger> t = to.stream().filter(x -> x.name().equals(f.name())).findFirst();
            if (t.isEmpty() || triggerChanged(f, t.get())) {
                return true;
            }
        }
        return false;
    }

    /** A trigger body's statements: without the BEGIN ... END around them, and ending with a semicolon. */
    public static String triggerStatements(String body) {
        String b = body.trim();
        String upper = b.toUpperCase(Locale.ROOT);
        if (upper.startsWith("BEGIN") && upper.endsWith("END") && b.length() >= 8
                && !Character.isLetterOrDigit(b.charAt(5)) && !Character.isLetterOrDigit(b.charAt(b.length() - 4))) {
            b = b.substring(5, b.length() - 3).trim();
        }
        return b.endsWith(";") || b.isEmpty() ? b : b + ";";
    }

    /**
     * SQL text in a comparable form: string literals kept as written; elsewhere lower case, comments
     * dropped, white space only where it separates two words, quotes dropped around plain identifiers,
     * no trailing semicolon.
     */
    public static String normalSql(String sql) {
        StringBuilder out = new StringBuilder();
        int n = sql.length();
        int i = 0;
        boolean space = false;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
                space = true;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                space = true;
                continue;
            }
            String token;
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == close) {
                        if (close != ']' && j + 1 < n && sql.charAt(j + 1) == close) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(n, j + 1);
                token = sql.substring(i, end);
                if (c != '\'' && PLAIN.matcher(token.substring(1, Math.max(1, token.length() - 1))).matches()) {
                    token = token.substring(1, token.length() - 1).toLowerCase(Locale.ROOT);
                }
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                token = sql.substring(i, j).toLowerCase(Locale.ROOT);
                i = j;
            } else {
                token = String.valueOf(c);
                i++;
            }
            if (space && !out.isEmpty() && word(out.charAt(out.length() - 1)) && word(token.charAt(0))) {
                out.append(' ');
            }
            out.append(token);
            space = false;
        }
        String s = out.toString();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\'' || c == '"' || c == '`' || c == '[';
    }
}
