package io.atlas4j.dialect.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a table differs from its state only by columns a session added ({@code ALTER TABLE ... ADD
 * COLUMN}, the usual effect of a migration file), read from two {@code SHOW CREATE TABLE} texts: then
 * {@code ALTER TABLE ... DROP COLUMN} (instant on InnoDB) brings it back, where dropping and creating the
 * table costs MySQL a file deletion and a file creation.
 */
final class AddedColumns {

    private AddedColumns() {
    }

    /**
     * The names of the columns {@code now} has beyond {@code state}, when that is the only difference: the
     * same first and last lines (table options), and every other line of {@code state} in {@code now} in
     * the same order. Empty when anything else differs (an index, a constraint, a changed column).
     */
    static Optional<List<String>> of(String state, String now) {
        List<String> before = lines(state);
        List<String> after = lines(now);
        if (before.size() < 2 || after.size() <= before.size()
                || !before.get(0).equals(after.get(0))
                || !before.get(before.size() - 1).equals(after.get(after.size() - 1))) {
            return Optional.empty();
        }
        List<String> added = new ArrayList<>();
        int i = 1;
        for (int k = 1; k < after.size() - 1; k++) {
            String line = after.get(k);
            if (i < before.size() - 1 && line.equals(before.get(i))) {
                i++;
                continue;
            }
            Optional<String> column = columnName(line);
            if (column.isEmpty()) {
                return Optional.empty();
            }
            added.add(column.get());
        }
        return i == before.size() - 1 ? Optional.of(added) : Optional.empty();
    }

    /** The lines of a definition, without the comma that separates body lines. */
    private static List<String> lines(String create) {
        List<String> out = new ArrayList<>();
        for (String line : create.split("\n", -1)) {
            out.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
        }
        return out;
    }

    /** The column a body line defines ({@code   `name` type ...}), or empty for an index or constraint line. */
    private static Optional<String> columnName(String line) {
        if (!line.startsWith("  `")) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder();
        for (int i = 3; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '`') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '`') {
                    name.append('`');
                    i++;
                    continue;
                }
                return Optional.of(name.toString());
            }
            name.append(ch);
        }
        return Optional.empty();
    }
}
