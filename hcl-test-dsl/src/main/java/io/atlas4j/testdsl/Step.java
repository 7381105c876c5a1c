package io.atlas4j.testdsl;

import io.atlas4j.source.SourceRange;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of a test case, with its attributes evaluated. Steps run in order; the first failure ends
 * the case.
 */
public sealed interface Step {

    /** The step block, from its keyword: failures and logs report {@code range().line()}. */
    SourceRange range();

    /** The block keyword: {@code exec}, {@code catch}, ... */
    String keyword();

    /** A step that sends SQL: {@code exec}, {@code catch}, {@code assert}, {@code cleanup}. */
    interface WithSql {
        /** The SQL text, unsplit. */
        String sql();

        /** Where the SQL text starts in the file. */
        SourceRange sqlRange();
    }

    /** How query results are rendered before comparison. */
    enum Format {
        CSV, TABLE
    }

    /**
     * What a rendered result (or a program's stdout) must satisfy: nothing, equal {@code output}, or
     * match a {@code match} pattern.
     */
    sealed interface Expectation permits NoExpectation, OutputExpectation, MatchExpectation {
    }

    /** No expectation: only success counts. */
    record NoExpectation() implements Expectation {
    }

    /** {@code output = "..."}: the rendering must equal it (see the output comparison rules). */
    record OutputExpectation(String expected) implements Expectation {
    }

    /** {@code match = "..."}: the pattern must be found in the rendering. */
    record MatchExpectation(Pattern pattern) implements Expectation {
    }

    /** {@code exec}: SQL that must succeed, its last result optionally checked. */
    record Exec(SourceRange range, SourceRange sqlRange, String sql, Format format, Expectation expectation)
            implements Step, WithSql {
        @Override
        public String keyword() {
            return "exec";
        }
    }

    /** {@code catch}: SQL that must fail, its error optionally checked ({@code error} as regexp or text). */
    record Catch(SourceRange range, SourceRange sqlRange, String sql, Optional<String> error) implements Step, WithSql {
        @Override
        public String keyword() {
            return "catch";
        }
    }

    /** {@code assert}: every result-producing statement must yield one true value. */
    record Assert(SourceRange range, SourceRange sqlRange, String sql, Optional<String> errorMessage)
            implements Step, WithSql {
        @Override
        public String keyword() {
            return "assert";
        }
    }

    /** {@code log}: a message added to the case's output. */
    record Log(SourceRange range, String message) implements Step {
        @Override
        public String keyword() {
            return "log";
        }
    }

    /** {@code cleanup}: SQL registered when reached, run after the case in reverse order. */
    record Cleanup(SourceRange range, SourceRange sqlRange, String sql) implements Step, WithSql {
        @Override
        public String keyword() {
            return "cleanup";
        }
    }

    /** {@code external}: a program that must exit 0, its stdout optionally checked. */
    record External(SourceRange range, List<String> program, Optional<String> workingDir, Expectation expectation)
            implements Step {
        public External {
            program = List.copyOf(program);
        }

        @Override
        public String keyword() {
            return "external";
        }
    }

    /** {@code migrate}: apply migration files forward up to and including {@code to}. */
    record Migrate(SourceRange range, String to) implements Step {
        @Override
        public String keyword() {
            return "migrate";
        }
    }
}
