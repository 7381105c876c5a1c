package io.atlas4j.testing.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code csv} rendering of a result: no header, fields joined by {@code ", "}, rows joined by
 * {@code "\n"}; a field holding a comma, a double quote, CR or LF is quoted with inner quotes doubled;
 * NULL is the empty field.
 */
public final class CsvFormat {

    private CsvFormat() {
    }

    /** Renders a result; an empty result renders as the empty string. */
    public static String render(ResultTable t) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < t.rows().size(); r++) {
            if (r > 0) {
                b.append('\n');
            }
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    b.append(", ");
                }
                b.append(field(ResultTable.text(row.get(c))));
            }
        }
        return b.toString();
    }

    private static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * Parses CSV text leniently, for comparison: rows end at an unquoted {@code \n} or {@code \r\n},
     * fields at an unquoted comma; blanks around a field are dropped; {@code "..."} quotes a field, with
     * {@code ""} for a quote inside. Text after a closing quote is kept, so malformed input still
     * compares by its characters. The empty string has no rows.
     */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        if (text.isEmpty()) {
            return rows;
        }
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (true) {
            // one field
            while (i < n && isBlank(text.charAt(i))) {
                i++;
            }
            field.setLength(0);
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        field.append(c);
                        i++;
                    }
                }
            }
            int quoted = field.length();
            while (i < n && text.charAt(i) != ',' && !rowEnd(text, i)) {
                field.append(text.charAt(i));
                i++;
            }
            row.add(stripBlanks(field, quoted));
            if (i < n && text.charAt(i) == ',') {
                i++;
                continue;
            }
            rows.add(row);
            if (i >= n) {
                return rows;
            }
            i += text.charAt(i) == '\r' ? 2 : 1;
            row = new ArrayList<>();
        }
    }

    private static boolean rowEnd(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Drops trailing blanks, but none of the first {@code keep} characters (a quoted field's content). */
    private static String stripBlanks(StringBuilder field, int keep) {
        int end = field.length();
        while (end > keep && isBlank(field.charAt(end - 1))) {
            end--;
        }
        return field.substring(0, end);
    }
}
