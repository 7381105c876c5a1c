package io.atlas4j.dialect.sqlite.inspect;

import io.atlas4j.dialect.sqlite.inspect.Ddl.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code CREATE INDEX} statement says beyond SQLite's PRAGMAs: the text of each key part (for
 * expression parts) and the partial-index predicate.
 *
 * @param parts each key part as written, without {@code ASC}/{@code DESC} and {@code COLLATE}
 * @param predicate the text after {@code WHERE}, if any
 */
record IndexDdl(List<String> parts, Optional<String> predicate) {

    /** Parses {@code sql}; a missing statement (auto-indexes) gives no parts and no predicate. */
    static IndexDdl parse(String sql) {
        if (sql == null) {
            return new IndexDdl(List.of(), Optional.empty());
        }
        List<Token> t = Ddl.tokens(sql);
        int on = Ddl.find(t, 0, "ON");
        int group = on < 0 ? -1 : Ddl.findGroup(t, on);
        if (group < 0) {
            return new IndexDdl(List.of(), Optional.empty());
        }
        List<String> parts = new ArrayList<>();
        for (String piece : Ddl.splitCommas(t.get(group).text())) {
            parts.add(stripOrder(piece));
        }
        int where = Ddl.find(t, group + 1, "WHERE");
        Optional<String> predicate = Optional.empty();
        if (where >= 0) {
            String p = sql.substring(t.get(where).end()).trim();
            while (p.endsWith(";")) {
                p = p.substring(0, p.length() - 1).trim();
            }
            predicate = Optional.of(p);
        }
        return new IndexDdl(parts, predicate);
    }

    /** A key part without its trailing {@code COLLATE x} and {@code ASC|DESC}. */
    private static String stripOrder(String piece) {
        List<Token> t = Ddl.tokens(piece);
        int end = t.size();
        if (end > 0 && (t.get(end - 1).is("ASC") || t.get(end - 1).is("DESC"))) {
            end--;
        }
        if (end > 1 && t.get(end - 2).is("COLLATE")) {
            end -= 2;
        }
        return end == 0 ? piece.trim() : piece.substring(0, t.get(end - 1).end()).trim();
    }
}
