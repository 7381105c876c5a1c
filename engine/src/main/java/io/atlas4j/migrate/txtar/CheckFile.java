package io.atlas4j.migrate.txtar;

import io.atlas4j.migrate.Directive;
import io.atlas4j.migrate.format.UpSql;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A pre-migration check file of a txtar migration ({@code checks.sql} or {@code checks/<x>.sql}): assertion
 * statements that must each return a single true value before the migration runs.
 *
 * @param name the member name, e.g. {@code checks/users.sql}
 * @param line the 1-based line of the file where the member's text starts (after its marker)
 * @param script the member as a line-preserving script of the whole file (split it from line 1)
 * @param policy how many assertions must hold
 */
public record CheckFile(String name, int line, String script, Policy policy) {

    /** How the assertions of a check file combine. */
    public enum Policy {
        /** Every assertion must be true (the default). */
        ALL,
        /** At least one assertion must be true ({@code -- atlas:assert oneof}). */
        ONE_OF;

        /**
         * The policy of a check file's text: {@link #ONE_OF} when a comment line before its first statement
         * is {@code atlas:assert oneof}.
         */
        static Policy of(String text) {
            for (String line : text.split("\n", -1)) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (!l.startsWith("--") && !l.startsWith("#")) {
                    break;
                }
                boolean oneOf = Directive.atStart(l).filter(d -> d.name().equals("assert"))
                        .filter(d -> d.argumentList().contains("oneof")).isPresent();
                if (oneOf) {
                    return ONE_OF;
                }
            }
            return ALL;
        }
    }

    public CheckFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(policy, "policy");
    }

    /** The check's SQL as one part starting at line 1 of the file, to split like a migration. */
    public UpSql sql() {
        return new UpSql(List.of(new UpSql.Part(script, 1, false)));
    }

    /** The assertion statements, split with {@code rules}; positions are those in the file {@code source}. */
    public List<SqlStatement> statements(URI source, SplitRules rules) {
        return StatementSplitter.split(SqlScript.of(source, script), rules);
    }
}
