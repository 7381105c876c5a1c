package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dev.SessionNeeds;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a case's statements can reach, from their words. */
class CaseReachTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "INSERT INTO people (name) VALUES ('a'); false; false; false; false",
            "ALTER TABLE people ADD COLUMN first_name varchar(50); false; false; false; false",
            "create user 'x'@'%'; true; false; true; false",
            "GRANT r TO current_role; true; false; false; false",
            "CREATE TRIGGER t BEFORE INSERT ON p FOR EACH ROW SET @a = 1; false; true; true; false",
            "drop procedure p; false; true; false; false",
            "EXECUTE IMMEDIATE 'CREATE TABLE x (id int)'; false; true; true; true",
            "RENAME TABLE a TO b; false; false; true; false",
            "ALTER DATABASE CHARACTER SET latin1; false; false; false; true",
    })
    void wordsSayWhatACaseCanReach(String sql, boolean accounts, boolean objects, boolean tables, boolean schema) {
        assertThat(CaseReach.of(new SessionNeeds(List.of(sql), false)))
                .isEqualTo(new CaseReach(accounts, objects, tables, schema));
    }

    @org.junit.jupiter.api.Test
    void unknownStatementsOrExternalProgramsReachEverything() {
        assertThat(CaseReach.of(SessionNeeds.UNKNOWN)).isEqualTo(CaseReach.ALL);
        assertThat(CaseReach.of(new SessionNeeds(List.of("SELECT 1"), true))).isEqualTo(CaseReach.ALL);
    }
}
