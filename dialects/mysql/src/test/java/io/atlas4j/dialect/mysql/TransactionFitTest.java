package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.dialect.mysql.TransactionFit.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionFitTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SELECT * FROM t                                         | TRANSACTION                  | false
            select count(*) from t where name = 'x'                 | TRANSACTION                  | false
            (SELECT 1) UNION (SELECT 2)                             | TRANSACTION                  | false
            SHOW TABLES                                             | TRANSACTION                  | false
            EXPLAIN SELECT * FROM t                                 | TRANSACTION                  | false
            DESCRIBE t                                              | TRANSACTION                  | false
            INSERT INTO t (a) VALUES (1)                            | TRANSACTION                  | true
            UPDATE t SET a = 2 WHERE a = 1                          | TRANSACTION                  | true
            DELETE FROM t                                           | TRANSACTION                  | true
            REPLACE INTO t VALUES (1)                               | TRANSACTION                  | true
            WITH x AS (SELECT 1) SELECT * FROM x                    | TRANSACTION                  | true
            INSERT INTO users (email) VALUES ('a@b.c')              | TRANSACTION                  | true
            SELECT `we@ird` FROM t -- @comment                      | TRANSACTION                  | false
            SELECT * FROM t FOR UPDATE                              | TRANSACTION                  | false
            SET @x = 1                                              | RECREATE                     | true
            SELECT @x := 1                                          | TRANSACTION_FRESH_CONNECTION | false
            SELECT a INTO @v FROM t                                 | TRANSACTION_FRESH_CONNECTION | false
            SELECT @'quoted'                                        | TRANSACTION_FRESH_CONNECTION | false
            SELECT @@sql_mode                                       | TRANSACTION                  | false
            SELECT LAST_INSERT_ID()                                 | TRANSACTION_FRESH_CONNECTION | false
            SELECT GET_LOCK('l', 1)                                 | TRANSACTION_FRESH_CONNECTION | false
            SELECT FOUND_ROWS()                                     | TRANSACTION_FRESH_CONNECTION | false
            CREATE TABLE t2 (id INT)                                | RECREATE                     | true
            CREATE TEMPORARY TABLE t2 (id INT)                      | RECREATE                     | true
            ALTER TABLE t ADD COLUMN b INT                          | RECREATE                     | true
            DROP TABLE t                                            | RECREATE                     | true
            TRUNCATE TABLE t                                        | RECREATE                     | true
            RENAME TABLE t TO u                                     | RECREATE                     | true
            LOCK TABLES t WRITE                                     | RECREATE                     | true
            UNLOCK TABLES                                           | RECREATE                     | true
            START TRANSACTION                                       | RECREATE                     | true
            BEGIN                                                   | RECREATE                     | true
            COMMIT                                                  | RECREATE                     | true
            ROLLBACK                                                | RECREATE                     | true
            SAVEPOINT s                                             | RECREATE                     | true
            XA START 'x'                                            | RECREATE                     | true
            SET SESSION sql_mode = ''                               | RECREATE                     | true
            SET autocommit = 1                                      | RECREATE                     | true
            SET NAMES utf8mb4                                       | RECREATE                     | true
            USE other                                               | RECREATE                     | true
            GRANT SELECT ON *.* TO 'u'@'%'                          | RECREATE                     | true
            CREATE USER 'u'@'%'                                     | RECREATE                     | true
            CALL p()                                                | RECREATE                     | true
            DO RELEASE_ALL_LOCKS()                                  | RECREATE                     | true
            PREPARE s FROM 'DROP TABLE t'                           | RECREATE                     | true
            LOAD DATA INFILE '/tmp/x' INTO TABLE t                  | RECREATE                     | true
            HANDLER t OPEN                                          | RECREATE                     | true
            ANALYZE TABLE t                                         | RECREATE                     | true
            SELECT * FROM t INTO OUTFILE '/tmp/x'                   | RECREATE                     | true
            SELECT NEXT VALUE FOR s                                 | RECREATE                     | true
            SELECT NEXTVAL(s)                                       | RECREATE                     | true
            INSERT INTO t VALUES (SETVAL(s, 10))                    | RECREATE                     | true
            /*!50000 CREATE TABLE t2 (id INT) */                    | RECREATE                     | true
            SELECT 1 /*!, (SELECT 2) */                             | RECREATE                     | true
            {call p()}                                              | RECREATE                     | true
            """)
    void classifiesAStatement(String sql, Verdict verdict, boolean writes) {
        TransactionFit.Fit fit = TransactionFit.ofStatement(sql);
        assertThat(fit.verdict()).isEqualTo(verdict);
        if (verdict != Verdict.RECREATE) {
            assertThat(fit.writes()).isEqualTo(writes);
        }
    }

    @Test
    void theCaseTakesItsMostExpensiveStatement() {
        assertThat(TransactionFit.of(new SessionNeeds(List.of("INSERT INTO t VALUES (1); SELECT * FROM t", "SELECT 1"), false)))
                .isEqualTo(new TransactionFit.Fit(Verdict.TRANSACTION, true));
        assertThat(TransactionFit.of(new SessionNeeds(List.of("SELECT 1", "SELECT @a := 2"), false)))
                .isEqualTo(new TransactionFit.Fit(Verdict.TRANSACTION_FRESH_CONNECTION, false));
        assertThat(TransactionFit.of(new SessionNeeds(List.of("INSERT INTO t VALUES (1);\nDROP TABLE t"), false)).verdict())
                .isEqualTo(Verdict.RECREATE);
        assertThat(TransactionFit.of(new SessionNeeds(List.of(), false)))
                .isEqualTo(new TransactionFit.Fit(Verdict.TRANSACTION, false));
    }

    @Test
    void unknownStatementsAndExternalProgramsRecreate() {
        assertThat(TransactionFit.of(SessionNeeds.UNKNOWN).verdict()).isEqualTo(Verdict.RECREATE);
        assertThat(TransactionFit.of(new SessionNeeds(List.of("SELECT 1"), true)).verdict()).isEqualTo(Verdict.RECREATE);
    }

    @Test
    void aKeywordInsideAStringIsNotCode() {
        assertThat(TransactionFit.ofStatement("INSERT INTO log (msg) VALUES ('DROP TABLE t; SET @x = 1')").verdict())
                .isEqualTo(Verdict.TRANSACTION);
        assertThat(TransactionFit.ofStatement("INSERT INTO log (msg) VALUES ('it''s @home', \"\\\"@\")").verdict())
                .isEqualTo(Verdict.TRANSACTION);
    }
}
