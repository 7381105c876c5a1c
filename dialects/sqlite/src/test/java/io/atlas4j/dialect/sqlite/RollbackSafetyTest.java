package io.atlas4j.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dev.SessionNeeds;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RollbackSafetyTest {

    /** A statement and the start of the reason it needs a copy, or null when a transaction isolates it. */
    static Stream<Arguments> statements() {
        return Stream.of(
                // Undone by ROLLBACK: rows, DDL, TEMP objects, statistics.
                Arguments.of("INSERT INTO users (name) VALUES ('a')", null),
                Arguments.of("INSERT OR REPLACE INTO users VALUES (1, 'a')", null),
                Arguments.of("INSERT OR ABORT INTO users VALUES (1, 'a')", null),
                Arguments.of("UPDATE OR FAIL users SET name = 'b'", null),
                Arguments.of("DELETE FROM users RETURNING id", null),
                Arguments.of("WITH x AS (SELECT 1) SELECT * FROM x", null),
                Arguments.of("SELECT 'ROLLBACK', 'COMMIT; BEGIN'", null),
                Arguments.of("SELECT x'0A' AS blob, 1e5 AS n", null),
                Arguments.of("-- ROLLBACK in a comment\nSELECT 1 /* COMMIT */", null),
                Arguments.of("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT UNIQUE ON CONFLICT ABORT)", null),
                Arguments.of("CREATE TEMP TABLE scratch (x)", null),
                Arguments.of("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT RAISE(ABORT, 'no'); END", null),
                Arguments.of("CREATE TABLE c (p int REFERENCES p (id) DEFERRABLE INITIALLY IMMEDIATE)", null),
                Arguments.of("ALTER TABLE users ADD COLUMN email TEXT", null),
                Arguments.of("DROP TABLE users", null),
                Arguments.of("ANALYZE", null),
                Arguments.of("REINDEX", null),
                Arguments.of("CREATE VIRTUAL TABLE ft USING fts5(body)", null),
                Arguments.of("CREATE TABLE changes (id int)", null),
                Arguments.of("INSERT INTO changes (id) VALUES (1)", null),
                Arguments.of("SELECT * FROM pragma_table_info('users')", null),
                Arguments.of("PRAGMA table_info(users)", null),
                Arguments.of("PRAGMA main.foreign_key_list('c')", null),
                Arguments.of("pragma integrity_check", null),
                Arguments.of("EXPLAIN QUERY PLAN SELECT * FROM users", null),
                Arguments.of("", null),
                // Transaction control and statements that cannot run in, or be undone by, a transaction.
                Arguments.of("BEGIN", "BEGIN statement"),
                Arguments.of("begin immediate transaction", "BEGIN statement"),
                Arguments.of("COMMIT", "COMMIT statement"),
                Arguments.of("END TRANSACTION", "END statement"),
                Arguments.of("ROLLBACK", "ROLLBACK statement"),
                Arguments.of("SAVEPOINT sp", "SAVEPOINT statement"),
                Arguments.of("RELEASE sp", "RELEASE statement"),
                Arguments.of("VACUUM", "VACUUM statement"),
                Arguments.of("VACUUM INTO '/tmp/x.db'", "VACUUM statement"),
                Arguments.of("ATTACH DATABASE ':memory:' AS aux", "ATTACH statement"),
                Arguments.of("DETACH aux", "DETACH statement"),
                Arguments.of("EXPLAIN COMMIT", "COMMIT statement"),
                Arguments.of("/* hint */ COMMIT", "COMMIT statement"),
                // Pragmas: connection settings survive a rollback.
                Arguments.of("PRAGMA foreign_keys = ON", "PRAGMA"),
                Arguments.of("PRAGMA foreign_keys", "PRAGMA"),
                Arguments.of("PRAGMA defer_foreign_keys = 1", "PRAGMA"),
                Arguments.of("PRAGMA user_version = 3", "PRAGMA"),
                Arguments.of("PRAGMA journal_mode = WAL", "PRAGMA"),
                Arguments.of("PRAGMA table_info = 3", "PRAGMA"),
                Arguments.of("PRAGMA main.cache_size(100)", "PRAGMA"),
                // ROLLBACK conflict resolution ends the whole transaction.
                Arguments.of("INSERT OR ROLLBACK INTO users VALUES (1, 'a')", "ROLLBACK conflict"),
                Arguments.of("UPDATE OR ROLLBACK users SET name = 'a'", "ROLLBACK conflict"),
                Arguments.of("CREATE TABLE r (v TEXT UNIQUE ON CONFLICT ROLLBACK)", "ROLLBACK conflict"),
                Arguments.of("CREATE TRIGGER tr BEFORE INSERT ON t BEGIN SELECT RAISE(ROLLBACK, 'x'); END", "ROLLBACK conflict"),
                Arguments.of("CREATE TABLE \"rollback\" (x)", "ROLLBACK conflict"),
                // Deferred constraints are checked at a commit that never comes.
                Arguments.of("CREATE TABLE c (p int REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)", "DEFERRED"),
                // Connection state that outlives a transaction.
                Arguments.of("SELECT last_insert_rowid()", "last_insert_rowid()"),
                Arguments.of("SELECT changes ( )", "changes()"),
                Arguments.of("SELECT TOTAL_CHANGES()", "total_changes()"),
                Arguments.of("SELECT load_extension('x')", "load_extension()"),
                Arguments.of("SELECT \"load_extension\"('x')", "load_extension()"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("statements")
    void classifiesOneStatement(String sql, String reason) {
        Optional<String> actual = RollbackSafety.statementReason(sql);

        if (reason == null) {
            assertThat(actual).isEmpty();
        } else {
            assertThat(actual).hasValueSatisfying(r -> assertThat(r).startsWith(reason));
            assertThat(RollbackSafety.mayNeedCopy(sql)).as("the quick pre-check sees it").isTrue();
        }
        // A case of this one statement, through the quick pre-check and the splitter, gets the same answer.
        assertThat(RollbackSafety.copyReason(new SessionNeeds(List.of(sql), false))).isEqualTo(actual);
    }

    @Test
    void aCaseNeedsACopyWhenAnyStatementOfAnyStepDoes() {
        String step = "INSERT INTO users VALUES (1, 'a');\nCOMMIT;\nSELECT 1";

        assertThat(RollbackSafety.copyReason(new SessionNeeds(List.of("SELECT 1", step), false)))
                .contains("COMMIT statement");
        assertThat(RollbackSafety.copyReason(new SessionNeeds(List.of("SELECT 1", "INSERT INTO t VALUES (1); DELETE FROM t"), false)))
                .isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "INSERT INTO users (id, name) VALUES (1, 'user1')",
        "SELECT name FROM users WHERE id = 1",
        "SELECT count(*) = 1 FROM users"})
    void plainDmlSkipsTheSplitter(String sql) {
        assertThat(RollbackSafety.mayNeedCopy(sql)).isFalse();
    }

    @Test
    void aCustomDelimiterCannotHideAWord() {
        String step = "-- atlas:delimiter x\nselect 1xcommit";

        assertThat(RollbackSafety.mayNeedCopy(step)).isTrue();
        assertThat(RollbackSafety.copyReason(new SessionNeeds(List.of(step), false))).contains("COMMIT statement");
        assertThat(RollbackSafety.mayNeedCopy("SELECT $commit")).isTrue();
    }

    @Test
    void triggerBodiesAreNotTransactionControl() {
        String step = "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  DELETE FROM u;\nEND;\nINSERT INTO t VALUES (1);";

        assertThat(RollbackSafety.copyReason(new SessionNeeds(List.of(step), false))).isEmpty();
    }

    @Test
    void unknownNeedsAndExternalProgramsNeedACopy() {
        assertThat(RollbackSafety.copyReason(SessionNeeds.UNKNOWN)).isPresent();
        assertThat(RollbackSafety.copyReason(new SessionNeeds(List.of("SELECT 1"), true)))
                .contains("the case runs external programs");
        assertThat(RollbackSafety.copyReason(new SessionNeeds(List.of(), false))).isEmpty();
    }

    @Test
    void preparedObjectsThatEndTransactionsOrDeferConstraintsAreFound() {
        assertThat(RollbackSafety.schemaReason("CREATE TRIGGER t BEFORE DELETE ON u BEGIN SELECT RAISE(ROLLBACK, 'x'); END"))
                .isPresent();
        assertThat(RollbackSafety.schemaReason("CREATE TABLE c (p REFERENCES p DEFERRABLE INITIALLY DEFERRED)")).isPresent();
        assertThat(RollbackSafety.schemaReason("CREATE TABLE u (id INTEGER PRIMARY KEY, v TEXT UNIQUE)")).isEmpty();
    }
}
