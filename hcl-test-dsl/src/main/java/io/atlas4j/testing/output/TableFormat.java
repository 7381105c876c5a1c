package io.atlas4j.testing.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code table} rendering of a result, psql's aligned layout without the row-count footer:
 *
 * <pre>
 *  id | name
 * ----+------
 *  1  | Ada
 * </pre>
 *
 * <p>A column is as wide as its longest header or value. Headers are centred with the odd space on the
 * right ({@code floor((width - length) / 2)} spaces on the left), values are left-aligned, every cell
 * has one space of padding on each side, columns are joined by {@code |} (by {@code +} in the separator
 * line), trailing whitespace is removed from each line and lines are joined by {@code \n}. NULL is an
 * empty cell. Widths count code points.
 */
public final class TableFormat {

    private TableFormat() {
    }

    /** Renders a result; a result without columns renders as the empty string. */
    public static String render(ResultTable t) {
        int count = t.columns().size();
        if (count == 0) {
            return "";
        }
        int[] widths = new int[count];
        for (int c = 0; c < count; c++) {
            widths[c] = length(t.columns().get(c));
            for (List<String> row : t.rows()) {
                widths[c] = Math.max(widths[c], length(ResultTable.text(row.get(c))));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(count, c -> centred(t.columns().get(c), widths[c]), "|"));
        lines.add(line(count, c -> "-".repeat(widths[c] + 2), "+"));
        for (List<String> row : t.rows()) {
            lines.add(line(count, c -> padded(ResultTable.text(row.get(c)), widths[c]), "|"));
        }
        return String.join("\n", lines);
    }

    /** Splits table text into cells for the tolerant comparison; see {@link OutputComparator}. */
    static List<List<String>> cells(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        // The separator line follows the header; later lines of dashes are data.
        if (lines.size() > 1 && isSeparator(lines.get(1))) {
            lines.remove(1);
        }
        List<List<String>> cells = new ArrayList<>(lines.size());
        for (String line : lines) {
            List<String> row = new ArrayList<>();
            for (String cell : line.split("\\|", -1)) {
                row.add(cell.strip());
            }
            cells.add(row);
        }
        return cells;
    }

    private static boolean isSeparator(String line) {
        return line.chars().allMatch(ch -> ch == '-' || ch == '+' || ch == ' ') && line.indexOf('-') >= 0;
    }

    private interface Cell {
        String at(int column);
    }

    private static String line(int count, Cell cell, String joint) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < count; c++) {
            if (c > 0) {
                b.append(joint);
            }
            b.append(cell.at(c));
        }
        return b.toString().stripTrailing();
    }

    private static String centred(String name, int width) {
        int space = width - length(name);
        int left = space / 2;
        return " " + " ".repeat(left) + name + " ".repeat(space - left) + " ";
    }

    private static String padded(String value, int width) {
        return " " + value + " ".repeat(width - length(value)) + " ";
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
