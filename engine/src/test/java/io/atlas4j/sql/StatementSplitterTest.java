package io.atlas4j.sql;

import static io.atlas4j.sql.SplitRules.GENERIC;
import static io.atlas4j.sql.SplitRules.MYSQL;
import static io.atlas4j.sql.SplitRules.POSTGRES;
import static io.atlas4j.sql.SplitRules.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.atlas4j.source.SourceRange;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementSplitterTest {

    private static final URI FILE = URI.create("file:///project/migrations/1.sql");

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("two statements", GENERIC, "SELECT 1; SELECT 2;", List.of("SELECT 1", "SELECT 2")),
                arguments("trailing statement without delimiter", GENERIC, "SELECT 1;\nSELECT 2\n",
                        List.of("SELECT 1", "SELECT 2")),
                arguments("empty statements are dropped", GENERIC, ";; \n ; SELECT 1;;", List.of("SELECT 1")),
                arguments("comment-only statements are dropped", GENERIC, "-- just a note\n/* block */;\n  ",
                        List.of()),
                arguments("empty script", GENERIC, "", List.of()),
                arguments("leading comments are not part of the statement", GENERIC,
                        "-- create t\n/* why */\nCREATE TABLE t (c int);",
                        List.of("CREATE TABLE t (c int)")),
                arguments("comments inside a statement are kept", GENERIC,
                        "SELECT 1 -- one;\n, 2 /* two; */;\n-- after\n",
                        List.of("SELECT 1 -- one;\n, 2 /* two; */")),
                arguments("quotes containing ; and --", GENERIC,
                        "INSERT INTO t VALUES ('a;b', 'c -- d', 'it''s;', '/* x');SELECT 2",
                        List.of("INSERT INTO t VALUES ('a;b', 'c -- d', 'it''s;', '/* x')", "SELECT 2")),
                arguments("double-quoted identifiers", POSTGRES, "SELECT \"a;\"\"b\" FROM t; SELECT 1",
                        List.of("SELECT \"a;\"\"b\" FROM t", "SELECT 1")),
                arguments("backtick identifiers in MySQL", MYSQL, "SELECT `a;b` FROM t; SELECT 1",
                        List.of("SELECT `a;b` FROM t", "SELECT 1")),
                arguments("backticks are plain characters in PostgreSQL", POSTGRES, "SELECT `a;b`",
                        List.of("SELECT `a", "b`")),
                arguments("bracket identifiers in SQLite", SQLITE, "SELECT [a;b] FROM t; SELECT 1",
                        List.of("SELECT [a;b] FROM t", "SELECT 1")),
                arguments("backslash escapes in MySQL", MYSQL, "INSERT INTO t VALUES ('it\\'s; \"ok\"'); SELECT 1",
                        List.of("INSERT INTO t VALUES ('it\\'s; \"ok\"')", "SELECT 1")),
                arguments("backslash escapes in MySQL double-quoted strings", MYSQL,
                        "SELECT \"a\\\";\"; SELECT 1", List.of("SELECT \"a\\\";\"", "SELECT 1")),
                arguments("no backslash escapes in standard strings", POSTGRES,
                        "INSERT INTO t VALUES ('it\\'s; fine'); SELECT 1",
                        List.of("INSERT INTO t VALUES ('it\\'s", "fine'); SELECT 1")),
                arguments("PostgreSQL E'' strings take backslash escapes", POSTGRES,
                        "SELECT E'it\\'s;'; SELECT e'\\';'; SELECT 3",
                        List.of("SELECT E'it\\'s;'", "SELECT e'\\';'", "SELECT 3")),
                arguments("T27: dollar-quoted body", POSTGRES, """
                        CREATE FUNCTION two() RETURNS int LANGUAGE plpgsql AS $$
                        BEGIN
                          RETURN 2;
                        END;
                        $$;
                        SELECT two();
                        """, List.of("""
                        CREATE FUNCTION two() RETURNS int LANGUAGE plpgsql AS $$
                        BEGIN
                          RETURN 2;
                        END;
                        $$""", "SELECT two()")),
                arguments("tagged dollar quotes enclose $$ and other tags", POSTGRES,
                        "DO $fn$ BEGIN PERFORM $$;$$; EXECUTE $q$ SELECT ';' $q$; END $fn$; SELECT 1",
                        List.of("DO $fn$ BEGIN PERFORM $$;$$; EXECUTE $q$ SELECT ';' $q$; END $fn$", "SELECT 1")),
                arguments("$1 parameters are not dollar quotes", POSTGRES, "SELECT $1; SELECT $2",
                        List.of("SELECT $1", "SELECT $2")),
                arguments("$ inside identifiers is not a dollar quote", POSTGRES, "SELECT a$b$ FROM t; SELECT 1",
                        List.of("SELECT a$b$ FROM t", "SELECT 1")),
                arguments("dollar quotes are plain characters in MySQL", MYSQL, "SELECT $$a;b$$",
                        List.of("SELECT $$a", "b$$")),
                arguments("nested block comments in PostgreSQL", POSTGRES,
                        "/* a /* b; */ c; */ SELECT 1; SELECT 2",
                        List.of("SELECT 1", "SELECT 2")),
                arguments("block comments do not nest in MySQL", MYSQL,
                        "/* a /* b; */ c; */ SELECT 1",
                        List.of("c", "*/ SELECT 1")),
                arguments("hash comments in MySQL", MYSQL, "# note; here\nSELECT 1; # trailing;\nSELECT 2",
                        List.of("SELECT 1", "SELECT 2")),
                arguments("hash is an operator in PostgreSQL", POSTGRES, "SELECT 1 # 2; SELECT 3",
                        List.of("SELECT 1 # 2", "SELECT 3")),
                arguments("MySQL needs a space after --", MYSQL, "SELECT 1--1; SELECT 2 -- x;\n;",
                        List.of("SELECT 1--1", "SELECT 2 -- x;")),
                arguments("-- without a space is a comment elsewhere", POSTGRES, "SELECT 1--1; SELECT 2\n;",
                        List.of("SELECT 1--1; SELECT 2")),
                arguments("MySQL version comments are statements", MYSQL,
                        "/*!40101 SET NAMES utf8mb4 */;\n/* plain */;\nSELECT 1",
                        List.of("/*!40101 SET NAMES utf8mb4 */", "SELECT 1")),
                arguments("MySQL DELIMITER lines", MYSQL, """
                        DELIMITER //
                        CREATE PROCEDURE p()
                        BEGIN
                          SELECT 1;
                        END//
                        DELIMITER ;
                        CALL p();
                        delimiter $$
                        CREATE FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END$$
                        SELECT f()$$
                        """, List.of("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND", "CALL p()",
                        "CREATE FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END", "SELECT f()")),
                arguments("DELIMITER is only a command between statements", MYSQL,
                        "CREATE TABLE t (\ndelimiter CHAR(1)\n);\nSELECT 1",
                        List.of("CREATE TABLE t (\ndelimiter CHAR(1)\n)", "SELECT 1")),
                arguments("DELIMITER is plain text without the MySQL rule", POSTGRES,
                        "DELIMITER //\nSELECT 1//\n",
                        List.of("DELIMITER //\nSELECT 1//")),
                arguments("atlas:delimiter directive", GENERIC, """
                        -- atlas:delimiter -- end

                        CREATE PROCEDURE dorepeat(p1 INT)
                        BEGIN
                          SET @x = 0;
                          REPEAT SET @x = @x + 1; UNTIL @x > p1 END REPEAT;
                        END;
                        -- end
                        CALL dorepeat(1000);
                        """, List.of("""
                        CREATE PROCEDURE dorepeat(p1 INT)
                        BEGIN
                          SET @x = 0;
                          REPEAT SET @x = @x + 1; UNTIL @x > p1 END REPEAT;
                        END;""", "CALL dorepeat(1000);")),
                arguments("atlas:delimiter with escaped newlines", POSTGRES,
                        "-- atlas:delimiter \\n\\n\n\nCREATE A;\nB;\n\nC 'x\n\ny'\r\n\r\nD",
                        List.of("CREATE A;\nB;", "C 'x\n\ny'", "D")),
                arguments("atlas:delimiter after the header is a comment", GENERIC,
                        "SELECT 1;\n-- atlas:delimiter //\nSELECT 2;",
                        List.of("SELECT 1", "SELECT 2")),
                arguments("SQLite trigger body with CASE", SQLITE, """
                        CREATE TRIGGER users_touch AFTER UPDATE ON users
                        WHEN CASE WHEN new.id > 0 THEN 1 ELSE 0 END
                        BEGIN
                          UPDATE users SET n = CASE WHEN new.id > 0 THEN 1 ELSE 0 END WHERE id = new.id;
                          INSERT INTO log VALUES (new.id, 'end;');
                        END;
                        SELECT 1;
                        """, List.of("""
                        CREATE TRIGGER users_touch AFTER UPDATE ON users
                        WHEN CASE WHEN new.id > 0 THEN 1 ELSE 0 END
                        BEGIN
                          UPDATE users SET n = CASE WHEN new.id > 0 THEN 1 ELSE 0 END WHERE id = new.id;
                          INSERT INTO log VALUES (new.id, 'end;');
                        END""", "SELECT 1")),
                arguments("MySQL trigger with IF, CASE statement and nested block", MYSQL, """
                        CREATE DEFINER=`root`@`%` TRIGGER trg BEFORE INSERT ON t FOR EACH ROW
                        BEGIN
                          IF NEW.a < 0 THEN
                            SET NEW.a = 0;
                          END IF;
                          CASE NEW.b WHEN 1 THEN SET NEW.c = 1; ELSE SET NEW.c = 2; END CASE;
                          lbl: BEGIN
                            l2: LOOP LEAVE l2; END LOOP l2;
                            WHILE 0 DO SET @x = 1; END WHILE;
                            REPEAT SET @x = 1; UNTIL 1 END REPEAT;
                          END lbl;
                        END;
                        INSERT INTO t VALUES (1);
                        """, List.of("""
                        CREATE DEFINER=`root`@`%` TRIGGER trg BEFORE INSERT ON t FOR EACH ROW
                        BEGIN
                          IF NEW.a < 0 THEN
                            SET NEW.a = 0;
                          END IF;
                          CASE NEW.b WHEN 1 THEN SET NEW.c = 1; ELSE SET NEW.c = 2; END CASE;
                          lbl: BEGIN
                            l2: LOOP LEAVE l2; END LOOP l2;
                            WHILE 0 DO SET @x = 1; END WHILE;
                            REPEAT SET @x = 1; UNTIL 1 END REPEAT;
                          END lbl;
                        END""", "INSERT INTO t VALUES (1)")),
                arguments("MySQL event body", MYSQL,
                        "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END; SELECT 1",
                        List.of("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END", "SELECT 1")),
                arguments("PostgreSQL BEGIN ATOMIC", POSTGRES, """
                        CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                        BEGIN ATOMIC
                          SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;
                        END;
                        SELECT add(1, 2);
                        """, List.of("""
                        CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                        BEGIN ATOMIC
                          SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;
                        END""", "SELECT add(1, 2)")),
                arguments("transaction statements are not blocks (PostgreSQL)", POSTGRES,
                        "BEGIN;\nINSERT INTO t VALUES (1);\nEND;\nBEGIN TRANSACTION; SELECT 1; COMMIT;",
                        List.of("BEGIN", "INSERT INTO t VALUES (1)", "END", "BEGIN TRANSACTION", "SELECT 1",
                                "COMMIT")),
                arguments("transaction statements are not blocks (SQLite)", SQLITE,
                        "BEGIN IMMEDIATE;\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;\nCOMMIT;",
                        List.of("BEGIN IMMEDIATE", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
                                "COMMIT")),
                arguments("transaction statements are not blocks (MySQL)", MYSQL,
                        "START TRANSACTION;\nBEGIN WORK;\nINSERT INTO t VALUES (1);\nCOMMIT;",
                        List.of("START TRANSACTION", "BEGIN WORK", "INSERT INTO t VALUES (1)", "COMMIT")),
                arguments("BEGIN in a non-routine CREATE is not a block", SQLITE,
                        "CREATE TABLE t (begin int, x int);\nSELECT 1;",
                        List.of("CREATE TABLE t (begin int, x int)", "SELECT 1")),
                arguments("blocks are not tracked without the rule",
                        new SplitRules(false, false, false, false, false, true, true),
                        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;",
                        List.of("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1", "END")),
                arguments("T26: multi-statement exec", POSTGRES, """
                        INSERT INTO users VALUES (1, 'A', 'a');
                        INSERT INTO users VALUES (2, 'B', 'b');
                        SELECT count(*) FROM users;
                        """, List.of("INSERT INTO users VALUES (1, 'A', 'a')",
                        "INSERT INTO users VALUES (2, 'B', 'b')", "SELECT count(*) FROM users")),
                arguments("unterminated string runs to the end", GENERIC, "SELECT 1; SELECT 'abc; SELECT 2",
                        List.of("SELECT 1", "SELECT 'abc; SELECT 2")),
                arguments("CRLF line ends", GENERIC, "SELECT 1;\r\n-- c\r\nSELECT\r\n 2;\r\n",
                        List.of("SELECT 1", "SELECT\r\n 2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splits(String name, SplitRules rules, String sql, List<String> expected) {
        List<SqlStatement> statements = StatementSplitter.split(SqlScript.of(FILE, sql), rules);

        assertThat(statements).extracting(SqlStatement::text).containsExactlyElementsOf(expected);
    }

    @Test
    void positionsAreThoseOfTheFirstSignificantCharacter() {
        String sql = "-- c\n\n  SELECT 1;\nSELECT\n 2;  /* x */ SELECT 3";

        List<SqlStatement> statements = StatementSplitter.split(SqlScript.of(FILE, sql), GENERIC);

        assertThat(statements).extracting(SqlStatement::range).containsExactly(
                new SourceRange(FILE, 3, 3, 3, 11),
                new SourceRange(FILE, 4, 1, 5, 3),
                new SourceRange(FILE, 5, 14, 5, 22));
    }

    @Test
    void positionsAreOffsetByTheScriptStart() {
        // A heredoc body starting at line 10, column 7 of a test file: only its first line is shifted.
        String sql = "SELECT 1; SELECT 2;\n  SELECT\n3;";

        List<SqlStatement> statements = StatementSplitter.split(new SqlScript(FILE, sql, 10, 7), POSTGRES);

        assertThat(statements).extracting(SqlStatement::range).containsExactly(
                new SourceRange(FILE, 10, 7, 10, 15),
                new SourceRange(FILE, 10, 17, 10, 25),
                new SourceRange(FILE, 11, 3, 12, 2));
        assertThat(statements.get(0).range()).hasToString("/project/migrations/1.sql:10:7");
    }

    @Test
    void statementOnTheScriptsFirstLineIsShiftedAtBothEnds() {
        List<SqlStatement> statements = StatementSplitter.split(new SqlScript(FILE, "  SELECT 1", 4, 9), GENERIC);

        assertThat(statements).extracting(SqlStatement::range)
                .containsExactly(new SourceRange(FILE, 4, 11, 4, 19));
    }

    @Test
    void statementOnALaterLineIsNotShiftedByTheScriptColumn() {
        List<SqlStatement> statements = StatementSplitter.split(new SqlScript(FILE, "\nSELECT 1", 4, 9), GENERIC);

        assertThat(statements).extracting(SqlStatement::range)
                .containsExactly(new SourceRange(FILE, 5, 1, 5, 9));
    }

    @Test
    void columnsCountCodePoints() {
        String sql = "SELECT 'é\uD83D\uDE00'; SELECT 2";

        List<SqlStatement> statements = StatementSplitter.split(SqlScript.of(FILE, sql), GENERIC);

        assertThat(statements).extracting(st -> st.range().column()).containsExactly(1, 14);
        assertThat(statements.get(0).range().endColumn()).isEqualTo(12);
    }

    @Test
    void delimiterLinesAreNotStatementsAndPositionsFollowThem() {
        String sql = "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\nCALL p();";

        List<SqlStatement> statements = StatementSplitter.split(SqlScript.of(FILE, sql), MYSQL);

        assertThat(statements).extracting(st -> st.range().line() + ":" + st.range().column())
                .containsExactly("2:1", "4:1");
    }
}
