package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MysqlRevisionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE t (id int);|true",
        "  alter table t add c int;|true",
        "-- why\\nDROP INDEX i ON t;|true",
        "/* x */ RENAME TABLE a TO b;|true",
        "TRUNCATE TABLE t;|true",
        "CREATE TEMPORARY TABLE t (id int);|false",
        "INSERT INTO t VALUES (1);|false",
        "UPDATE t SET created = 1;|false",
        "SELECT 'CREATE TABLE';|false",
    })
    void knowsWhichStatementsCommitOnTheirOwn(String sql, boolean commits) {
        assertThat(new MysqlRevisions().commitsImplicitly(sql.replace("\\n", "\n"))).isEqualTo(commits);
    }
}
