package io.atlas4j.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.url.DatabaseUrl;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqliteDialectTest {

    private final SqliteDialect dialect = new SqliteDialect();

    @ParameterizedTest
    @ValueSource(strings = {"sqlite://dev?mode=memory", "sqlite3://dev.db"})
    void isFoundForItsSchemes(String url) {
        Dialect found = Dialects.forUrl(DatabaseUrl.parse(url));

        assertThat(found).isInstanceOf(SqliteDialect.class);
        assertThat(found.name()).isEqualTo("sqlite");
    }

    @Test
    void splitsTriggerBodiesAsOneStatement() {
        String sql = "CREATE TABLE t (a int);\n"
                + "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET a = 1;\n  UPDATE t SET a = 2;\nEND;\n"
                + "INSERT INTO t VALUES (1);";

        List<SqlStatement> statements = dialect.split(SqlScript.of(URI.create("file:/x/schema.sql"), sql));

        assertThat(statements).extracting(SqlStatement::text).containsExactly(
                "CREATE TABLE t (a int)",
                "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET a = 1;\n  UPDATE t SET a = 2;\nEND",
                "INSERT INTO t VALUES (1)");
        assertThat(statements.get(2).range().line()).isEqualTo(6);
    }

    @Test
    void errorMessageIsSqlitesOwnWords() throws SQLException {
        try (Connection c = dialect.connect(DatabaseUrl.parse("sqlite://errors?mode=memory"));
             Statement s = c.createStatement()) {
            SQLException e = catchSql(s, "SELECT * FROM missing");
            assertThat(e.getMessage()).startsWith("[SQLITE_ERROR]");
            assertThat(dialect.errorMessage(e)).isEqualTo("no such table: missing");

            s.execute("CREATE TABLE u (id int PRIMARY KEY)");
            s.execute("INSERT INTO u VALUES (1)");
            assertThat(dialect.errorMessage(catchSql(s, "INSERT INTO u VALUES (1)")))
                    .isEqualTo("UNIQUE constraint failed: u.id");
            assertThat(dialect.errorMessage(catchSql(s, "SELECT (")))
                    .isEqualTo("incomplete input");
        }
    }

    @Test
    void foreignKeysFollowTheFkParameter() throws SQLException {
        assertThat(foreignKeys("sqlite://fk1?mode=memory&_fk=1")).isEqualTo(1);
        assertThat(foreignKeys("sqlite://fk0?mode=memory")).isEqualTo(0);
    }

    @Test
    void memoryConnectionsWithTheSameNameShareOneDatabase() throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse("sqlite://shared_name_test?mode=memory");
        try (Connection a = dialect.connect(url); Connection b = dialect.connect(url)) {
            a.createStatement().execute("CREATE TABLE seen (x int)");
            a.createStatement().execute("INSERT INTO seen VALUES (7)");
            try (ResultSet rs = b.createStatement().executeQuery("SELECT x FROM seen")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
    }

    @Test
    void otherErrorsKeepTheirMessage() {
        assertThat(dialect.errorMessage(new SQLException("  plain message "))).isEqualTo("plain message");
        assertThatThrownBy(() -> dialect.connect(DatabaseUrl.parse("sqlite:///nonexistent-dir-atlas4j/x/dev.db"))
                .createStatement().execute("CREATE TABLE t (a int)"))
                .isInstanceOf(SQLException.class);
    }

    private int foreignKeys(String url) throws SQLException {
        try (Connection c = dialect.connect(DatabaseUrl.parse(url));
             ResultSet rs = c.createStatement().executeQuery("PRAGMA foreign_keys")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private static SQLException catchSql(Statement s, String sql) {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected " + sql + " to fail");
    }
}
