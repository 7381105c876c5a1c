package io.atlas4j.migrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check block of {@code migrate apply}'s output, its footer counts, and what counts as a true value. */
class ChecksOutputTest {

    @Test
    void passingChecksThenTheMigration() {
        StringWriter out = new StringWriter();
        ApplyLog log = new ApplyLog(new PrintWriter(out));

        log.header("2", "1", 1);
        log.checksStarted("2");
        log.check("SELECT 1;", false);
        log.check("SELECT\ntrue;", false);
        log.checksOk(Duration.ofMillis(2));
        log.fileStarted("2");
        log.statement("CREATE TABLE t3 (id int NOT NULL);");
        log.fileOk(Duration.ofMillis(2));
        log.footer(Duration.ofMillis(10));

        assertThat(out.toString()).isEqualTo("""
                Migrating to version 2 from 1 (1 migrations in total):

                  -- checks before migrating version 2
                    -> SELECT 1;
                    -> SELECT
                       true;
                  -- ok (2ms)

                  -- migrating version 2
                    -> CREATE TABLE t3 (id int NOT NULL);
                  -- ok (2ms)

                  -------------------------
                  -- 10ms
                  -- 1 migration
                  -- 2 checks
                  -- 1 sql statement
                """);
    }

    @Test
    void failingCheckFile() {
        StringWriter out = new StringWriter();
        ApplyLog log = new ApplyLog(new PrintWriter(out));

        log.header("3", "1", 2);
        log.fileStarted("2");
        log.statement("CREATE TABLE t1 (id int NOT NULL);");
        log.statement("CREATE TABLE t2 (id int NOT NULL);");
        log.fileOk(Duration.ofMillis(1));
        log.checksStarted("3");
        log.check("SELECT 1;", false);
        log.check("SELECT true;", false);
        log.checksOk(Duration.ofMillis(2));
        log.checksStarted("3");
        log.check("SELECT 1;", false);
        log.check("SELECT false;", true);
        log.checksFailed("1 of 2 assertions failed: check assertion \"SELECT false;\" returned false");
        log.footer(Duration.ofMillis(10));

        assertThat(out.toString()).endsWith("""
                  -- ok (1ms)

                  -- checks before migrating version 3
                    -> SELECT 1;
                    -> SELECT true;
                  -- ok (2ms)

                  -- checks before migrating version 3
                    -> SELECT 1;
                    -> SELECT false;
                    1 of 2 assertions failed: check assertion "SELECT false;" returned false

                  -------------------------
                  -- 10ms
                  -- 1 migration ok, 1 with errors
                  -- 3 checks ok, 1 failure
                  -- 2 sql statements
                """);
    }

    @Test
    void onlyFailures_andNoStatementLineWithoutStatements() {
        StringWriter out = new StringWriter();
        ApplyLog log = new ApplyLog(new PrintWriter(out));

        log.checksStarted("1");
        log.check("SELECT false;", true);
        log.check("SELECT 0;", true);
        log.checksFailed("2 of 2 assertions failed: check assertion \"SELECT false;\" returned false");
        log.footer(Duration.ofMillis(1));

        assertThat(out.toString()).endsWith("""
                  -------------------------
                  -- 1ms
                  -- 1 migration with errors
                  -- 2 check errors
                """);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "boolean|true|",
        "boolean|false|returned false",
        "long|1|",
        "long|0|returned false",
        "long|2|'returned 2, not a boolean'",
        "decimal|1.0|",
        "string|t|",
        "string|FALSE|returned false",
        "string|yes|'returned yes, not a boolean'",
        "null||returned NULL",
    })
    void truthyValues(String kind, String text, String reason) {
        Object value = switch (kind) {
            case "boolean" -> Boolean.valueOf(text);
            case "long" -> Long.valueOf(text);
            case "decimal" -> new BigDecimal(text);
            case "string" -> text;
            default -> null;
        };

        assertThat(CheckRun.reason(value).orElse(null)).isEqualTo(reason);
    }
}
