package io.atlas4j.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.dialect.postgres.TransactionFit.Verdict;
import io.atlas4j.sql.SqlScript;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionFitTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            SELECT 1                                                   | TRANSACTION
            select * from users where id = 1                           | TRANSACTION
            INSERT INTO users (id, name) VALUES (1, 'a')               | TRANSACTION
            UPDATE users SET name = 'b' WHERE id = 1                   | TRANSACTION
            DELETE FROM users                                          | TRANSACTION
            MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE | TRANSACTION
            WITH x AS (DELETE FROM t RETURNING *) SELECT count(*) FROM x | TRANSACTION
            VALUES (1), (2)                                            | TRANSACTION
            TABLE users                                                | TRANSACTION
            (SELECT 1) UNION (SELECT 2)                                | TRANSACTION
            CREATE TABLE t (id serial PRIMARY KEY, database text)      | TRANSACTION
            CREATE UNIQUE INDEX i ON t (a)                             | TRANSACTION
            CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1' | TRANSACTION
            CREATE ROLE tester LOGIN                                   | TRANSACTION
            ALTER ROLE tester SET search_path = app                    | TRANSACTION
            GRANT SELECT ON users TO tester                            | TRANSACTION
            DROP TABLE users CASCADE                                   | TRANSACTION
            ALTER TABLE users ADD COLUMN email text                    | TRANSACTION
            ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'               | TRANSACTION
            TRUNCATE users                                             | TRANSACTION
            COMMENT ON TABLE users IS 'people'                         | TRANSACTION
            SET search_path = app, public                              | TRANSACTION
            SET ROLE tester                                            | TRANSACTION
            SET SESSION AUTHORIZATION tester                           | TRANSACTION
            SET statement_timeout = '5s'                               | TRANSACTION
            RESET ALL                                                  | TRANSACTION
            SHOW search_path                                           | TRANSACTION
            EXPLAIN ANALYZE SELECT 1                                   | TRANSACTION
            PREPARE q AS SELECT 1                                      | TRANSACTION
            EXECUTE q                                                  | TRANSACTION
            DEALLOCATE q                                               | TRANSACTION
            LISTEN ch                                                  | TRANSACTION
            NOTIFY ch, 'x'                                             | TRANSACTION
            ANALYZE users                                              | TRANSACTION
            CLUSTER users USING users_pkey                             | TRANSACTION
            CLUSTER VERBOSE users                                      | TRANSACTION
            REFRESH MATERIALIZED VIEW mv                               | TRANSACTION
            DISCARD TEMP                                               | TRANSACTION
            DO $$ BEGIN PERFORM 1; END $$                              | TRANSACTION
            SELECT set_config('search_path', 'app', false)             | TRANSACTION_FRESH_CONNECTION
            SELECT set_config('app.tenant', '1', false)                | TRANSACTION_FRESH_CONNECTION
            SET app.tenant = '42'                                      | TRANSACTION_FRESH_CONNECTION
            SET SESSION "my.setting" TO 'x'                            | TRANSACTION_FRESH_CONNECTION
            CREATE FUNCTION f() RETURNS int LANGUAGE sql SET app.x = '1' AS 'SELECT 1' | TRANSACTION_FRESH_CONNECTION
            BEGIN                                                      | COPY
            begin transaction isolation level serializable             | COPY
            START TRANSACTION                                          | COPY
            COMMIT                                                     | COPY
            END                                                        | COPY
            ROLLBACK                                                   | COPY
            ABORT                                                      | COPY
            SAVEPOINT s1                                               | COPY
            RELEASE SAVEPOINT s1                                       | COPY
            ROLLBACK TO SAVEPOINT s1                                   | COPY
            PREPARE TRANSACTION 'x'                                    | COPY
            COMMIT PREPARED 'x'                                        | COPY
            CREATE DATABASE other                                      | COPY
            DROP DATABASE other                                        | COPY
            ALTER DATABASE dev SET search_path = app                   | COPY
            CREATE TABLESPACE ts LOCATION '/tmp/ts'                    | COPY
            DROP TABLESPACE ts                                         | COPY
            ALTER SYSTEM SET work_mem = '64MB'                         | COPY
            CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p    | COPY
            VACUUM                                                     | COPY
            VACUUM ANALYZE users                                       | COPY
            CREATE INDEX CONCURRENTLY i ON users (name)                | COPY
            create unique index concurrently i on users (name)         | COPY
            DROP INDEX CONCURRENTLY i                                  | COPY
            REINDEX TABLE CONCURRENTLY users                           | COPY
            REINDEX DATABASE dev                                       | COPY
            REINDEX SYSTEM dev                                         | COPY
            ALTER TABLE p DETACH PARTITION c CONCURRENTLY              | COPY
            CLUSTER                                                    | COPY
            CLUSTER VERBOSE                                            | COPY
            ALTER TYPE mood ADD VALUE 'meh'                            | COPY
            ALTER TYPE app.mood ADD VALUE IF NOT EXISTS 'meh' AFTER 'ok' | COPY
            CALL do_work()                                             | COPY
            DO $$ BEGIN INSERT INTO t VALUES (1); COMMIT; END $$       | COPY
            DO LANGUAGE plpgsql $body$ BEGIN ROLLBACK; END $body$      | COPY
            DO $$ BEGIN CALL p(); END $$                               | COPY
            SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY       | COPY
            SET TRANSACTION ISOLATION LEVEL SERIALIZABLE               | COPY
            SET LOCAL search_path = app                                | COPY
            SET CONSTRAINTS ALL DEFERRED                               | COPY
            SET default_transaction_read_only = on                     | COPY
            SET SESSION default_transaction_isolation = 'serializable' | COPY
            SET idle_in_transaction_session_timeout = 1                | COPY
            SELECT set_config('app.tenant', '1', true)                 | COPY
            SELECT set_config('app.tenant', '1', is_local)             | COPY
            LOCK TABLE users IN EXCLUSIVE MODE                         | COPY
            DECLARE c CURSOR FOR SELECT 1                              | COPY
            COPY users FROM PROGRAM 'cat /tmp/users.csv'               | COPY
            COPY users FROM '/tmp/users.csv'                           | COPY
            LOAD 'auto_explain'                                        | COPY
            CREATE TEMP TABLE tt (a int) ON COMMIT DROP                | COPY
            CREATE TEMPORARY TABLE tt (a int) on  commit delete rows   | COPY
            CREATE TEMP TABLE tt (a int)                               | TRANSACTION
            DISCARD ALL                                                | COPY
            SELECT dblink_exec('dbname=x', 'INSERT INTO t VALUES (1)') | COPY
            SELECT * FROM pg_background_launch('VACUUM')               | COPY
            SELECT pg_terminate_backend(pg_backend_pid())              | COPY
            CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ SELECT dblink_connect('x') $$ | COPY
            GRANTT SELECT ON t TO r                                    | COPY
            FROBNICATE                                                 | COPY
            """)
    void classifiesOneStatement(String sql, Verdict expected) {
        assertThat(TransactionFit.ofStatement(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `-- a comment\nCOMMIT`                                     | COPY
            `/* outer /* nested */ still comment */ VACUUM`            | COPY
            `/* BEGIN */ SELECT 1`                                     | TRANSACTION
            `DO $$ BEGIN PERFORM 1; -- no commit here\nEND $$`        | TRANSACTION
            `SELECT 1 /* we set defaults. */`                          | TRANSACTION
            `SELECT '-- not a comment', set_config('a.b', '1', false)` | TRANSACTION_FRESH_CONNECTION
            `SELECT 'it''s', 1 -- VACUUM`                              | TRANSACTION
            `SELECT '--', dblink('x', 'y')`                            | COPY
            `-- COMMIT\nSELECT 1`                                      | TRANSACTION
            SELECT 'commit'                                            | TRANSACTION
            `INSERT INTO t VALUES (1); COMMIT; INSERT INTO t VALUES (2)` | COPY
            `INSERT INTO t VALUES (1); SELECT 1/0`                     | TRANSACTION
            `CREATE TABLE t (a int); CREATE INDEX CONCURRENTLY i ON t (a)` | COPY
            `SET app.x = '1'; SELECT 1`                                | TRANSACTION_FRESH_CONNECTION
            `SET app.x = '1'; VACUUM`                                  | COPY
            `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$; SELECT f()` | TRANSACTION
            `CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; END; SELECT f()` | TRANSACTION
            """)
    void classifiesTextsOfSeveralStatements(String text, Verdict expected) {
        assertThat(TransactionFit.ofText(text.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @Test
    void aCaseTakesItsMostDemandingStatement() {
        assertThat(TransactionFit.of(new SessionNeeds(List.of("INSERT INTO t VALUES (1)", "SELECT 1"), false)))
                .isEqualTo(Verdict.TRANSACTION);
        assertThat(TransactionFit.of(new SessionNeeds(List.of("SET app.x = 'y'", "SELECT 1"), false)))
                .isEqualTo(Verdict.TRANSACTION_FRESH_CONNECTION);
        assertThat(TransactionFit.of(new SessionNeeds(List.of("SET app.x = 'y'", "VACUUM", "SELECT 1"), false)))
                .isEqualTo(Verdict.COPY);
        assertThat(TransactionFit.of(new SessionNeeds(List.of(), false))).isEqualTo(Verdict.TRANSACTION);
    }

    @Test
    void traitsTellWhatTheConnectionMustPrepareFor() {
        SessionNeeds plain = new SessionNeeds(List.of("INSERT INTO t VALUES (1)"), false);
        assertThat(TransactionFit.traits(plain, Verdict.TRANSACTION, false))
                .isEqualTo(new TransactionFit.Traits(false, false, false));
        assertThat(TransactionFit.traits(plain, Verdict.TRANSACTION, true).freshConnection()).isTrue();
        assertThat(TransactionFit.traits(plain, Verdict.TRANSACTION_FRESH_CONNECTION, false).freshConnection()).isTrue();
        SessionNeeds defers = new SessionNeeds(List.of("CREATE TABLE c (p int REFERENCES p INITIALLY DEFERRED)"), false);
        assertThat(TransactionFit.traits(defers, Verdict.TRANSACTION, false).defersConstraints()).isTrue();
        SessionNeeds deallocates = new SessionNeeds(List.of("SELECT 1", "deallocate all"), false);
        assertThat(TransactionFit.traits(deallocates, Verdict.TRANSACTION, false).deallocates()).isTrue();
    }

    @Test
    void externalProgramsAndUnknownNeedsGetACopy() {
        assertThat(TransactionFit.of(new SessionNeeds(List.of("SELECT 1"), true))).isEqualTo(Verdict.COPY);
        assertThat(TransactionFit.of(SessionNeeds.UNKNOWN)).isEqualTo(Verdict.COPY);
    }

    @Test
    void aStateWhoseRoutinesSetCustomSettingsIsNoticed() {
        assertThat(TransactionFit.definesCustomSettings(state("CREATE TABLE t (a int);"))).isFalse();
        assertThat(TransactionFit.definesCustomSettings(state("-- here we set defaults.\nCREATE TABLE t (a int);")))
                .isFalse();
        assertThat(TransactionFit.definesCustomSettings(state("CREATE FUNCTION set_tenant(t text) RETURNS void"
                + " LANGUAGE sql AS $$ SELECT set_config('app.tenant', t, false) $$;"))).isTrue();
        assertThat(TransactionFit.definesCustomSettings(state("CREATE FUNCTION f() RETURNS int LANGUAGE sql"
                + " SET app.mode = 'strict' AS 'SELECT 1';"))).isTrue();
    }

    @Test
    void leadingWordsSkipCommentsAndKeepQuotedIdentifiers() {
        assertThat(TransactionFit.leadingWords("-- x\n/* y /* z */ */ set \"My.Setting\" = 'v'", 5))
                .containsExactly("SET", "My.Setting", "=", "'");
    }

    private static SchemaState state(String sql) {
        return new SchemaState(List.of(SqlScript.of(URI.create("file:///schema.sql"), sql)));
    }
}
