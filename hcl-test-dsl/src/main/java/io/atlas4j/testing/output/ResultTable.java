package io.atlas4j.testing.output;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rows of a query result as the database's own text, the input of every rendering.
 *
 * @param columns the column labels, in order
 * @param rows the rows, each with one cell per column; a {@code null} cell is SQL NULL
 */
public record ResultTable(List<String> columns, List<List<String>> rows) {

    public ResultTable {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "row has " + row.size() + " cells but the result has " + columns.size() + " columns");
            }
            // List.copyOf rejects nulls, and NULL cells are legitimate here.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /**
     * Reads all remaining rows of a result set. Cells are read with {@link ResultSet#getString(int)}:
     * drivers return the server's text for it ({@code t}, {@code 15.00}, {@code 2024-01-23 00:51:54} on
     * PostgreSQL), which is how Atlas shows values.
     */
    public static ResultTable read(ResultSet rs) throws SQLException {
        Objects.requireNonNull(rs, "rs");
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        List<String> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }

    /** A cell as text: NULL renders as the empty string in both formats. */
    static String text(String cell) {
        return cell == null ? "" : cell;
    }
}
