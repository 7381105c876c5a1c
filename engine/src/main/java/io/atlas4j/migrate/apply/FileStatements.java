package io.atlas4j.migrate.apply;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a migration file as Atlas executes, logs and hashes them: split with the dialect's
 * rules, and, where the file ends a statement with the default {@code ;}, with the {@code ;} kept
 * ({@code CREATE TABLE t (id int);}). A custom delimiter is not part of the text.
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
        String content = file.text();
        List<SqlStatement> statements;
        try {
            statements = dialect.split(SqlScript.of(file.uri(), content));
        } catch (Atlas4jException e) {
            throw new Atlas4jException(ErrorCode.APPLY, "sql/migrate: scanning statements from \"" + file.name() + "\": "
                    + e.getMessage(), e);
        }
        // The splitter drops every delimiter; Atlas keeps the default one. Find each statement in the source
        // to see what ends it.
        boolean defaultDelimiter = file.delimiter().isEmpty();
        List<String> texts = new ArrayList<>();
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
        return new FileStatements(statements, texts);
    }
}
