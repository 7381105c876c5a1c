package io.atlas4j.sql;

import io.atlas4j.source.SourceRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits SQL scripts into statements, the way migration files and test-step {@code sql} attributes are
 * executed: one statement at a time, each with its position in the source file.
 *
 * <p>A statement ends at the delimiter ({@code ;} by default) unless the delimiter stands inside a
 * quoted string or identifier, a comment, a dollar-quoted body or a {@code BEGIN ... END} body (see
 * {@link SplitRules}). The delimiter changes with a {@code -- atlas:delimiter <d>} comment in the file
 * header ({@code \n} in {@code <d>} stands for a newline) and, with {@link SplitRules#delimiterCommand()},
 * with MySQL client {@code DELIMITER <d>} lines, which are not statements themselves.
 *
 * <p>{@code BEGIN} opens a body only when it cannot be a transaction statement: after a {@code CREATE}
 * header naming a {@code TRIGGER}, {@code PROCEDURE}, {@code FUNCTION} or {@code EVENT}, when followed by
 * {@code ATOMIC}, or inside another body. Inside a body, {@code CASE} opens a level too, and {@code END}
 * closes one unless it is {@code END IF}, {@code END LOOP}, {@code END WHILE} or {@code END REPEAT}.
 * Bodies are only tracked while the delimiter is {@code ;}: a custom delimiter already says where
 * statements end.
 */
public final class StatementSplitter {

    private static final String DEFAULT_DELIMITER = ";";
    private static final String DIRECTIVE = "atlas:delimiter";
    private static final Set<String> ROUTINES = Set.of("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT");
    private static final Set<String> TRANSACTION_WORDS = Set.of("TRANSACTION", "TRAN", "WORK", "DISTRIBUTED");
    private static final Set<String> END_OF_LOOP_OR_IF = Set.of("IF", "LOOP", "WHILE", "REPEAT");

    private StatementSplitter() {
    }

    /**
     * Splits a script into statements.
     *
     * <p>Each statement's text is trimmed and has no terminating delimiter; comments inside it are kept,
     * comments before it are not. Statements that are empty or hold only comments are dropped; a last
     * statement without a delimiter is kept. Positions are those of the statement's first character in
     * the script's source file: lines count from {@link SqlScript#line()}, and columns on the script's
     * first line count from {@link SqlScript#column()}.
     */
    public static List<SqlStatement> split(SqlScript script, SplitRules rules) {
        return new Scan(script, rules).run();
    }

    /** One pass over one script; not reusable. */
    private static final class Scan {

        private final SqlScript script;
        private final SplitRules rules;
        private final String s;
        private final int n;
        private final int[] lineStarts;
        private final List<SqlStatement> out = new ArrayList<>();

        private String delimiter = DEFAULT_DELIMITER;
        private int pos;
        /** Offset of the current statement's first significant character, or -1 before it. */
        private int start = -1;
        /** True until the first statement starts: {@code atlas:} directives live in the file header. */
        private boolean header = true;

        // Body tracking for the current statement.
        private int words;
        private boolean createHeader;
        private boolean routineHeader;
        private int depth;
        private boolean skipWord;

        Scan(SqlScript script, SplitRules rules) {
            this.script = script;
            this.rules = rules;
            this.s = script.text();
            this.n = s.length();
            this.lineStarts = lineStarts(s);
        }

        List<SqlStatement> run() {
            while (pos < n) {
                if (rules.delimiterCommand() && delimiterCommand()) {
                    continue;
                }
                int end = depth == 0 ? delimiterEnd(pos) : -1;
                if (end >= 0) {
                    emit(pos);
                    pos = end;
                    continue;
                }
                char c = s.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (lineComment()) {
                    int from = pos;
                    pos = lineEnd(pos);
                    if (start < 0 && header) {
                        directive(from);
                    }
                } else if (c == '/' && at(pos + 1) == '*') {
                    if (rules.executableComments() && (at(pos + 2) == '!' || at(pos + 2) == '+')) {
                        significant();
                    }
                    pos = blockCommentEnd(pos);
                } else {
                    significant();
                    token(c);
                }
            }
            emit(n);
            return List.copyOf(out);
        }

        /** Consumes one token of statement content starting with {@code c}. */
        private void token(char c) {
            if (c == '\'') {
                boolean escapes = rules.backslashEscapes() || rules.escapeStrings() && escapeStringPrefix();
                pos = quotedEnd(pos, '\'', escapes);
            } else if (c == '"') {
                // MySQL (without ANSI_QUOTES) reads "..." as a string, with the same escapes as '...'.
                pos = quotedEnd(pos, '"', rules.backslashEscapes());
            } else if (c == '`' && rules.backtickIdentifiers()) {
                pos = quotedEnd(pos, '`', false);
            } else if (c == '[' && rules.bracketIdentifiers()) {
                pos = quotedEnd(pos, ']', false);
            } else if (c == '$' && rules.dollarQuotes() && dollarTagEnd(pos) > 0) {
                String tag = s.substring(pos, dollarTagEnd(pos));
                int close = s.indexOf(tag, pos + tag.length());
                pos = close < 0 ? n : close + tag.length();
            } else if (isWordStart(c)) {
                int from = pos;
                // A custom delimiter may follow a word directly: END$$ or END// ends the statement.
                while (pos < n && isWordPart(s.charAt(pos)) && delimiterEnd(pos) < 0) {
                    pos++;
                }
                if (rules.beginEndBlocks() && DEFAULT_DELIMITER.equals(delimiter)) {
                    word(s.substring(from, pos).toUpperCase(Locale.ROOT));
                }
            } else {
                pos++;
            }
        }

        /** Tracks {@code BEGIN ... END} bodies; called for every word of statement content. */
        private void word(String w) {
            words++;
            if (skipWord) {
                skipWord = false;
                return;
            }
            if (words == 1) {
                createHeader = w.equals("CREATE");
            } else if (depth == 0 && createHeader && ROUTINES.contains(w)) {
                routineHeader = true;
            }
            switch (w) {
                case "BEGIN" -> {
                    String next = nextWord(pos);
                    boolean opens = depth > 0 || routineHeader || next.equals("ATOMIC");
                    if (opens && !TRANSACTION_WORDS.contains(next)) {
                        depth++;
                    }
                }
                case "CASE" -> {
                    if (depth > 0) {
                        depth++;
                    }
                }
                case "END" -> {
                    String next = nextWord(pos);
                    if (depth > 0 && !END_OF_LOOP_OR_IF.contains(next)) {
                        depth--;
                    }
                    // The CASE of END CASE closes a level; it must not open another.
                    skipWord = next.equals("CASE");
                }
                default -> {
                    // other words only matter for the header, above
                }
            }
        }

        /** Ends the current statement (if any) at {@code end}, exclusive, and resets per-statement state. */
        private void emit(int end) {
            if (start >= 0) {
                int last = end - 1;
                while (last > start && Character.isWhitespace(s.charAt(last))) {
                    last--;
                }
                String text = s.substring(start, last + 1);
                out.add(new SqlStatement(text, range(start, last)));
            }
            start = -1;
            words = 0;
            createHeader = false;
            routineHeader = false;
            depth = 0;
            skipWord = false;
        }

        private void significant() {
            if (start < 0) {
                start = pos;
                header = false;
            }
        }

        // --- delimiters ---------------------------------------------------------------------------

        /** The end of the delimiter if it starts at {@code i}, else -1; {@code \n} in it also matches CRLF. */
        private int delimiterEnd(int i) {
            int j = i;
            for (int k = 0; k < delimiter.length(); k++) {
                char d = delimiter.charAt(k);
                if (d == '\n' && at(j) == '\r' && at(j + 1) == '\n') {
                    j++;
                }
                if (j >= n || s.charAt(j) != d) {
                    return -1;
                }
                j++;
            }
            return j;
        }

        /**
         * A MySQL client {@code DELIMITER <d>} line at {@code pos}: switches the delimiter and is consumed.
         * Only recognised at the start of a line between statements, so a column named {@code delimiter}
         * at the start of a line inside a statement stays content.
         */
        private boolean delimiterCommand() {
            String keyword = "DELIMITER";
            int after = pos + keyword.length();
            if (start >= 0
                    || !s.regionMatches(true, pos, keyword, 0, keyword.length())
                    || !onlyBlanksBefore(pos)
                    || after >= n || (s.charAt(after) != ' ' && s.charAt(after) != '\t')) {
                return false;
            }
            int from = after;
            while (from < n && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
                from++;
            }
            int to = from;
            while (to < n && !Character.isWhitespace(s.charAt(to))) {
                to++;
            }
            if (to == from) {
                return false;
            }
            delimiter = s.substring(from, to);
            header = false;
            pos = lineEnd(to);
            return true;
        }

        /** Reads {@code -- atlas:delimiter <d>} in the line comment starting at {@code from}. */
        private void directive(int from) {
            String body = s.substring(from + 2, pos).strip();
            if (!body.startsWith(DIRECTIVE) || body.length() == DIRECTIVE.length()
                    || !Character.isWhitespace(body.charAt(DIRECTIVE.length()))) {
                return;
            }
            String value = unescape(body.substring(DIRECTIVE.length()).strip());
            if (!value.isEmpty()) {
                delimiter = value;
            }
        }

        // --- comments, quotes, words --------------------------------------------------------------

        private boolean lineComment() {
            char c = s.charAt(pos);
            if (c == '#') {
                return rules.hashComments();
            }
            if (c != '-' || at(pos + 1) != '-') {
                return false;
            }
            return !rules.dashCommentNeedsSpace() || pos + 2 >= n || Character.isWhitespace(s.charAt(pos + 2));
        }

        /** The newline ending the line at {@code i} (not consumed, so a newline delimiter still matches). */
        private int lineEnd(int i) {
            int nl = s.indexOf('\n', i);
            if (nl < 0) {
                return n;
            }
            return nl > i && s.charAt(nl - 1) == '\r' ? nl - 1 : nl;
        }

        private int blockCommentEnd(int i) {
            int level = 0;
            int j = i;
            while (j < n) {
                if (s.startsWith("/*", j) && (level == 0 || rules.nestedComments())) {
                    level++;
                    j += 2;
                } else if (s.startsWith("*/", j)) {
                    level--;
                    j += 2;
                    if (level == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            return n;
        }

        /** The end of the quoted token at {@code i}; a doubled closing character escapes itself. */
        private int quotedEnd(int i, char close, boolean backslash) {
            int j = i + 1;
            while (j < n) {
                char c = s.charAt(j);
                if (backslash && c == '\\') {
                    j += 2;
                } else if (c == close) {
                    if (at(j + 1) != close) {
                        return j + 1;
                    }
                    j += 2;
                } else {
                    j++;
                }
            }
            return n;
        }

        /** {@code E'...'}: the quote at {@code pos} follows a lone {@code E}. */
        private boolean escapeStringPrefix() {
            return pos > 0 && (s.charAt(pos - 1) == 'E' || s.charAt(pos - 1) == 'e')
                    && (pos == 1 || !isWordPart(s.charAt(pos - 2)));
        }

        /** The end of a {@code $tag$} opening at {@code i}, or -1 ({@code $1} is a parameter, not a tag). */
        private int dollarTagEnd(int i) {
            if (i > 0 && isWordPart(s.charAt(i - 1))) {
                return -1;
            }
            int j = i + 1;
            if (j < n && isWordStart(s.charAt(j))) {
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
            }
            return j < n && s.charAt(j) == '$' ? j + 1 : -1;
        }

        /** The next word after {@code i}, upper-cased, skipping blanks and comments; "" if none follows. */
        private String nextWord(int i) {
            int saved = pos;
            try {
                pos = i;
                while (pos < n) {
                    char c = s.charAt(pos);
                    if (Character.isWhitespace(c)) {
                        pos++;
                    } else if (lineComment()) {
                        pos = lineEnd(pos);
                    } else if (c == '/' && at(pos + 1) == '*') {
                        pos = blockCommentEnd(pos);
                    } else {
                        break;
                    }
                }
                int from = pos;
                if (pos < n && isWordStart(s.charAt(pos))) {
                    while (pos < n && isWordPart(s.charAt(pos))) {
                        pos++;
                    }
                }
                return s.substring(from, pos).toUpperCase(Locale.ROOT);
            } finally {
                pos = saved;
            }
        }

        private boolean onlyBlanksBefore(int i) {
            for (int j = i - 1; j >= 0 && s.charAt(j) != '\n'; j--) {
                if (!Character.isWhitespace(s.charAt(j))) {
                    return false;
                }
            }
            return true;
        }

        private char at(int i) {
            return i < n ? s.charAt(i) : '\0';
        }

        // --- positions ----------------------------------------------------------------------------

        /** The file range from {@code first} to just after {@code last}. */
        private SourceRange range(int first, int last) {
            int[] from = position(first);
            int[] to = position(last);
            int endColumn = to[1] + 1;
            return new SourceRange(script.source(), fileLine(from[0]), fileColumn(from[0], from[1]),
                    fileLine(to[0]), fileColumn(to[0], endColumn));
        }

        private int fileLine(int textLine) {
            return script.line() + textLine - 1;
        }

        /** Only the script's first line is shifted: later lines start at column 1 of the file. */
        private int fileColumn(int textLine, int textColumn) {
            return textLine == 1 ? script.column() + textColumn - 1 : textColumn;
        }

        /** 1-based line and column (in code points) of an offset of the text. */
        private int[] position(int offset) {
            int index = Arrays.binarySearch(lineStarts, offset);
            int line = index >= 0 ? index : -index - 2;
            int column = s.codePointCount(lineStarts[line], offset) + 1;
            return new int[] {line + 1, column};
        }
    }

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    /** Identifier characters; {@code $} included, as PostgreSQL and MySQL allow it after the first. */
    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** {@code \n}, {@code \r}, {@code \t} and {@code \\} in a directive value. */
    private static String unescape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char e = value.charAt(++i);
                switch (e) {
                    case 'n':
                        b.append('\n');
                        break;
                    case 'r':
                        b.append('\r');
                        break;
                    case 't':
                        b.append('\t');
                        break;
                    case '\\':
                        b.append('\\');
                        break;
                    default:
                        b.append(c).append(e);
                        break;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
