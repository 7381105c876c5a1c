package io.atlas4j.sql;

/**
 * The lexical rules of a dialect that decide where a statement ends, for {@link StatementSplitter}.
 *
 * <p>Some rules are implied by a flag rather than given their own component, because they belong to
 * the same dialect family: {@link #nestedComments()} and {@link #escapeStrings()} come with
 * {@code dollarQuotes} (PostgreSQL), {@link #dashCommentNeedsSpace()} and {@link #executableComments()}
 * come with {@code hashComments} (MySQL).
 *
 * @param dollarQuotes PostgreSQL {@code $$ ... $$} and {@code $tag$ ... $tag$} bodies
 * @param backslashEscapes MySQL {@code '\''}: a backslash escapes the next character in quoted strings
 * @param hashComments MySQL {@code # ...} comments to the end of the line
 * @param delimiterCommand MySQL client {@code DELIMITER //} lines, which change the terminator
 * @param beginEndBlocks {@code BEGIN ... END} bodies of triggers, procedures, functions and events
 *     (SQLite, MySQL) and PostgreSQL {@code BEGIN ATOMIC ... END} are one statement
 * @param backtickIdentifiers {@code `name`} identifiers
 * @param bracketIdentifiers {@code [name]} identifiers (SQL Server, SQLite)
 */
public record SplitRules(
        boolean dollarQuotes,
        boolean backslashEscapes,
        boolean hashComments,
        boolean delimiterCommand,
        boolean beginEndBlocks,
        boolean backtickIdentifiers,
        boolean bracketIdentifiers) {

    /** PostgreSQL: dollar quotes, nested block comments, {@code E'...'} strings, {@code BEGIN ATOMIC}. */
    public static final SplitRules POSTGRES = new SplitRules(true, false, false, false, true, false, false);

    /** MySQL and MariaDB: backslash escapes, {@code #} comments, {@code DELIMITER}, backticks. */
    public static final SplitRules MYSQL = new SplitRules(false, true, true, true, true, true, false);

    /** SQLite: trigger bodies, backtick and bracket identifiers (accepted for compatibility). */
    public static final SplitRules SQLITE = new SplitRules(false, false, false, false, true, true, true);

    /** SQL Server: bracket identifiers and {@code BEGIN ... END} bodies ({@code GO} batches are not split). */
    public static final SplitRules SQLSERVER = new SplitRules(false, false, false, false, true, false, true);

    /** Standard SQL only: quotes, line and block comments, {@code BEGIN ... END} bodies. */
    public static final SplitRules GENERIC = new SplitRules(false, false, false, false, true, false, false);

    /** Whether block comments nest, as in PostgreSQL's lexer. */
    public boolean nestedComments() {
        return dollarQuotes;
    }

    /** Whether {@code E'...'} strings take backslash escapes (PostgreSQL escape-string syntax). */
    public boolean escapeStrings() {
        return dollarQuotes;
    }

    /** Whether {@code --} starts a comment only when followed by whitespace, as in MySQL ({@code 1--1} is 2). */
    public boolean dashCommentNeedsSpace() {
        return hashComments;
    }

    /**
     * Whether block comments opened by {@code /*!} (version comments) and {@code /*+} (optimizer hints) are
     * statement content: MySQL runs the former, so a statement holding only one is not empty.
     */
    public boolean executableComments() {
        return hashComments;
    }
}
