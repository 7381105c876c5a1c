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
import io.atlas4j.schema.change.ChangeKind;
import java.util.Optional;
import java.util.Set;

/**
 * SQLite's answers to the diff questions (spec §3.6–3.10): types equal by kind (sizes and integer widths
 * are not changes), defaults equal once unquoted ({@code 'a'} is {@code "a"}), generated columns by
 * expression and storage, AUTOINCREMENT, partial-index predicates, and SQLite's generated index names.
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
}
