package io.atlas4j.testing.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.testdsl.Step;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void readsLabelsAndDatabaseTextFromSqlite() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE users (id integer PRIMARY KEY, name text, score real)");
            st.execute("INSERT INTO users VALUES (1, 'Ada', 1.5), (2, NULL, NULL), (3, 'a,b', 2)");

            ResultTable table;
            try (ResultSet rs = st.executeQuery("SELECT id, name AS who, score FROM users ORDER BY id")) {
                table = ResultTable.read(rs);
            }

            assertThat(table.columns()).containsExactly("id", "who", "score");
            assertThat(table.rows()).containsExactly(
                    List.of("1", "Ada", "1.5"),
                    Arrays.asList("2", null, null),
                    List.of("3", "a,b", "2.0"));
            assertThat(OutputComparator.render(Step.Format.CSV, table))
                    .isEqualTo("1, Ada, 1.5\n2, , \n3, \"a,b\", 2.0");
        }
    }

    @Test
    void readsAnEmptyResult() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1 AS one WHERE 0")) {
            ResultTable table = ResultTable.read(rs);

            assertThat(table.columns()).containsExactly("one");
            assertThat(table.rows()).isEmpty();
            assertThat(OutputComparator.matches(Step.Format.CSV, "", table, true)).isTrue();
        }
    }

    @Test
    void copiesRowsAndKeepsNulls() {
        List<String> row = new ArrayList<>(Arrays.asList("1", null));
        List<List<String>> rows = new ArrayList<>(List.of(row));
        ResultTable table = new ResultTable(List.of("a", "b"), rows);

        row.set(0, "changed");
        rows.clear();

        assertThat(table.rows()).containsExactly(Arrays.asList("1", null));
        assertThatThrownBy(() -> table.rows().get(0).set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new ResultTable(List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells").hasMessageContaining("2 columns");
    }
}
