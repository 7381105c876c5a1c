package io.atlas4j.dialect.sqlite.inspect;

import io.atlas4j.schema.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code CREATE TRIGGER} or {@code CREATE VIEW} statement as SQLite keeps it in {@code sqlite_master},
 * read into the model: SQLite has no catalog for a trigger's parts, so timing, event, WHEN condition and
 * body come from the text, as the user wrote it.
 */
public final class TriggerDdl {

    private TriggerDdl() {
    }

    /**
     * The trigger {@code sql} defines, named {@code name}. SQLite triggers are always row triggers (FOR EACH
     * ROW is optional and the only choice), so the model says FOR EACH ROW whether or not the text does.
     */
    public static Trigger parse(String name, String sql) {
        List<Ddl.Token> t = Ddl.tokens(sql);
        int i = Ddl.find(t, 0, "TRIGGER") + 1;
        if (i + 2 < t.size() && t.get(i).is("IF") && t.get(i + 1).is("NOT") && t.get(i + 2).is("EXISTS")) {
            i += 3;
        }
        // The (possibly schema-qualified) trigger name.
        i++;
        if (i < t.size() && t.get(i).kind() == Ddl.Kind.OTHER && t.get(i).text().equals(".")) {
            i += 2;
        }
        Trigger.Timing timing = Trigger.Timing.BEFORE;
        if (i < t.size() && t.get(i).is("BEFORE")) {
            i++;
        } else if (i < t.size() && t.get(i).is("AFTER")) {
            timing = Trigger.Timing.AFTER;
            i++;
        } else if (i + 1 < t.size() && t.get(i).is("INSTEAD") && t.get(i + 1).is("OF")) {
            timing = Trigger.Timing.INSTEAD_OF;
            i += 2;
        }
        int on = Ddl.find(t, i, "ON");
        if (on < 0) {
            throw new IllegalArgumentException("no ON clause in " + sql);
        }
        if (i >= on) {
            throw new IllegalArgumentException("no event before ON in " + sql);
        }
        String event = Ddl.upper(t.get(i).text());
        if (event.equals("UPDATE") && i + 1 < on && t.get(i + 1).is("OF")) {
            List<String> columns = new ArrayList<>();
            for (int j = i + 2; j < on; j++) {
                if (!t.get(j).isComma()) {
                    // Quoted as the HCL reader spells UPDATE OF columns, so both sides compare equal.
                    columns.add("\"" + t.get(j).name().replace("\"", "\"\"") + "\"");
                }
            }
            event = "UPDATE OF " + String.join(", ", columns);
        }
        int begin = Ddl.find(t, on + 1, "BEGIN");
        if (begin < 0) {
            throw new IllegalArgumentException("no BEGIN in " + sql);
        }
        int j = on + 2;
        if (j + 2 < begin && t.get(j).is("FOR") && t.get(j + 1).is("EACH") && t.get(j + 2).is("ROW")) {
            j += 3;
        }
        Optional<String> when = Optional.empty();
        if (j + 1 < begin && t.get(j).is("WHEN")) {
            when = Optional.of(sql.substring(t.get(j + 1).start(), t.get(begin - 1).end()).trim());
        }
        String body = sql.substring(t.get(begin).start()).trim();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).trim();
        }
        return new Trigger(name, timing, List.of(event), true, when, body, List.of());
    }

    /** The query of a {@code CREATE VIEW} statement: what follows its top-level AS. */
    public static String viewQuery(String sql) {
        List<Ddl.Token> t = Ddl.tokens(sql);
        int as = Ddl.find(t, Math.max(0, Ddl.find(t, 0, "VIEW")), "AS");
        String query = as < 0 ? sql : sql.substring(t.get(as).end());
        query = query.trim();
        return query.endsWith(";") ? query.substring(0, query.length() - 1).trim() : query;
    }
}
