package io.atlas4j.migrate.apply;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.format.UpSql;
import io.atlas4j.migrate.txtar.CheckFile;
import io.atlas4j.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a migration file as Atlas executes, logs and hashes them: split with the dialect's
 * rules, and, where the file ends a statement with the default {@code ;}, with the {@code ;} kept
 * ({@code CREATE TABLE t (id int);}). A custom delimiter is not part of the text.
 *
 * <p>Only the file's up migration ({@link MigrationFile#upSql()}) is split: the whole file in the Atlas
 * format, e.g. the {@code -- +goose Up} section of a goose file; a part that is one statement as it stands
 * (goose {@code StatementBegin/End}) is taken whole. A txtar file's up migration is its {@code migration.sql}
 * member; its check files are split with {@link #checks}.
 *
 * @param statements the split statements (positions for messages)
 * @param texts the texts to execute, one per statement
 */
public record FileStatements(List<SqlStatement> statements, List<String> texts) {

    public FileStatements {
        statements = List.copyOf(statements);
        texts = List.copyOf(texts);
    }

    /**
     * Splits {@code file} with {@code dialect}'s rules.
     *
     * @throws Atlas4jException (apply) {@code sql/migrate: scanning statements from "<f>": <err>}
     */
    public static FileStatements of(MigrationFile file, Dialect dialect) {
        return of(file, file.upSql(), dialect);
    }

    /**
     * The assertions of {@code check}, a check file of the txtar file {@code file}, split like its migration
     * (positions in the file, the default {@code ;} kept in the text).
     *
     * @throws Atlas4jException (apply) {@code sql/migrate: scanning statements from "<f>": <err>}
     */
    public static FileStatements checks(MigrationFile file, CheckFile check, Dialect dialect) {
        return of(file, check.sql(), dialect);
    }

    private static FileStatements of(MigrationFile file, UpSql sql, Dialect dialect) {
        boolean defaultDelimiter = file.delimiter().isEmpty();
        List<SqlStatement> statements = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (UpSql.Part part : sql.parts()) {
            if (part.single()) {
                SqlStatement whole = part.statement(file.uri());
                statements.add(whole);
                texts.add(whole.text());
            } else {
                split(file, part, dialect, defaultDelimiter, statements, texts);
            }
        }
        return new FileStatements(statements, texts);
    }

    private static void split(MigrationFile file, UpSql.Part part, Dialect dialect, boolean defaultDelimiter,
            List<SqlStatement> allStatements, List<String> texts) {
        String content = part.text();
        List<SqlStatement> statements;
        try {
            statements = dialect.split(part.script(file.uri()));
        } catch (Atlas4jException e) {
            throw new Atlas4jException(ErrorCode.APPLY, "sql/migrate: scanning statements from \"" + file.name() + "\": "
                    + e.getMessage(), e);
        }
        allStatements.addAll(statements);
        // The splitter drops every delimiter; Atlas keeps the default one. Find each statement in the source
        // to see what ends it.
        int from = 0;
        for (SqlStatement s : statements) {
            String text = s.text();
            int at = content.indexOf(text, from);
            if (at >= 0) {
                from = at + text.length();
                if (defaultDelimiter && from < content.length() && content.charAt(from) == ';') {
                    text = text + ";";
                    from++;
                }
            }
            texts.add(text);
        }
    }
}
