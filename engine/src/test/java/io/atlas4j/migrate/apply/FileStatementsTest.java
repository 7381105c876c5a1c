package io.atlas4j.migrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileStatementsTest {

    /** A dialect that only splits, with the generic rules. */
    private static final Dialect GENERIC = new Dialect() {
        @Override
        public String name() {
            return "generic";
        }

        @Override
        public Set<String> urlSchemes() {
            return Set.of();
        }

        @Override
        public Connection connect(DatabaseUrl url) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SqlStatement> split(SqlScript script) {
            return StatementSplitter.split(script, SplitRules.GENERIC);
        }
    };

    @Test
    void m12_defaultDelimiterStaysInTheText() {
        MigrationFile f = MigrationFile.of("1.sql", "CREATE TABLE a(id int);\nCREATE TABLE b(id int)");

        assertThat(FileStatements.of(f, GENERIC).texts()).containsExactly("CREATE TABLE a(id int);", "CREATE TABLE b(id int)");
    }

    @Test
    void m13_customDelimiterIsNotPartOfTheText() {
        MigrationFile f = MigrationFile.of("1.sql", "-- atlas:delimiter \\n\\n\nCREATE TABLE a(id int)\n\nCREATE TABLE b(id int);\n");

        assertThat(FileStatements.of(f, GENERIC).texts()).containsExactly("CREATE TABLE a(id int)", "CREATE TABLE b(id int);");
    }
}
