package io.atlas4j.hcl;

import io.atlas4j.hcl.Token.Kind;
import io.atlas4j.source.SourceRange;
import io.atlas4j.source.Diagnostic;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Character cursor and tokenizer for HCL native syntax. Templates (quoted strings and heredoc bodies) are
 * read character by character by the {@link Parser}, which is why the cursor is exposed: the grammar of a
 * template depends on where the parser is, not on the characters alone.
 */
final class Lexer {

    /** A saved cursor, for speculative look-ahead. */
    record Mark(int pos, int line, int col) {
    }

    private final URI uri;
    private final String src;
    /** Problems found while skipping comments; a set, as look-ahead may read the same text twice. */
    final Set<Diagnostic> problems = new LinkedHashSet<>();
    private int pos;
    private int line = 1;
    private int col = 1;

    Lexer(URI uri, String src) {
        this.uri = uri;
        this.src = src;
    }

    URI uri() {
        return uri;
    }

    String source() {
        return src;
    }

    Mark mark() {
        return new Mark(pos, line, col);
    }

    void reset(Mark m) {
        pos = m.pos;
        line = m.line;
        col = m.col;
    }

    int pos() {
        return pos;
    }

    int line() {
        return line;
    }

    int col() {
        return col;
    }

    boolean atEnd() {
        return pos >= src.length();
    }

    /** The character {@code ahead} positions on, or 0 past the end. */
    char peekChar(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : 0;
    }

    char peekChar() {
        return peekChar(0);
    }

    char advance() {
        char c = src.charAt(pos++);
        if (c == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        return c;
    }

    /** Moves forward to {@code target} (never backwards). */
    void advanceTo(int target) {
        while (pos < target) {
            advance();
        }
    }

    SourceRange here() {
        return SourceRange.at(uri, line, col);
    }

    SourceRange from(Mark start) {
        return new SourceRange(uri, start.line, start.col, line, col);
    }

    /** Reads the next token, skipping blanks and comments (newlines are tokens). */
    Token next() {
        skipBlanksAndComments();
        Mark start = mark();
        if (atEnd()) {
            return new Token(Kind.EOF, "", from(start), false);
        }
        char c = peekChar();
        if (c == '\n') {
            advance();
            return token(Kind.NEWLINE, "\n", start);
        }
        if (isIdentStart(c)) {
            StringBuilder sb = new StringBuilder();
            while (!atEnd() && isIdentPart(peekChar())) {
                sb.append(advance());
            }
            return token(Kind.IDENT, sb.toString(), start);
        }
        if (c >= '0' && c <= '9') {
            return number(start);
        }
        if (c == '"') {
            advance();
            return token(Kind.QUOTE, "\"", start);
        }
        if (c == '<' && peekChar(1) == '<') {
            Token heredoc = heredocOpener(start);
            if (heredoc != null) {
                return heredoc;
            }
        }
        return punctuation(start);
    }

    private Token number(Mark start) {
        StringBuilder sb = new StringBuilder();
        while (isDigit(peekChar())) {
            sb.append(advance());
        }
        if (peekChar() == '.' && isDigit(peekChar(1))) {
            sb.append(advance());
            while (isDigit(peekChar())) {
                sb.append(advance());
            }
        }
        char e = peekChar();
        if ((e == 'e' || e == 'E')
                && (isDigit(peekChar(1)) || ((peekChar(1) == '+' || peekChar(1) == '-') && isDigit(peekChar(2))))) {
            sb.append(advance());
            if (peekChar() == '+' || peekChar() == '-') {
                sb.append(advance());
            }
            while (isDigit(peekChar())) {
                sb.append(advance());
            }
        }
        return token(Kind.NUMBER, sb.toString(), start);
    }

    /** {@code <<EOT} or {@code <<-EOT} up to and including the line break; null if not a heredoc. */
    private Token heredocOpener(Mark start) {
        int i = pos + 2;
        boolean flush = i < src.length() && src.charAt(i) == '-';
        if (flush) {
            i++;
        }
        int nameStart = i;
        if (i >= src.length() || !isIdentStart(src.charAt(i))) {
            return null;
        }
        while (i < src.length() && isIdentPart(src.charAt(i))) {
            i++;
        }
        String marker = src.substring(nameStart, i);
        advanceTo(i);
        Token t = new Token(Kind.HEREDOC, marker, from(start), flush);
        if (peekChar() == '\r' && peekChar(1) == '\n') {
            advance();
        }
        if (peekChar() == '\n') {
            advance();
        }
        // A missing line break is reported by the parser, which checks the column it continues at.
        return t;
    }

    private Token punctuation(Mark start) {
        char c = advance();
        char n = peekChar();
        switch (c) {
            case '{':
                return token(Kind.LBRACE, "{", start);
            case '}':
                return token(Kind.RBRACE, "}", start);
            case '[':
                return token(Kind.LBRACK, "[", start);
            case ']':
                return token(Kind.RBRACK, "]", start);
            case '(':
                return token(Kind.LPAREN, "(", start);
            case ')':
                return token(Kind.RPAREN, ")", start);
            case ':':
                return token(Kind.COLON, ":", start);
            case ',':
                return token(Kind.COMMA, ",", start);
            case '?':
                return token(Kind.QUESTION, "?", start);
            case '+':
                return token(Kind.PLUS, "+", start);
            case '-':
                return token(Kind.MINUS, "-", start);
            case '*':
                return token(Kind.STAR, "*", start);
            case '/':
                return token(Kind.SLASH, "/", start);
            case '%':
                return token(Kind.PERCENT, "%", start);
            case '.':
                if (n == '.' && peekChar(1) == '.') {
                    advance();
                    advance();
                    return token(Kind.ELLIPSIS, "...", start);
                }
                return token(Kind.DOT, ".", start);
            case '=':
                if (n == '=') {
                    advance();
                    return token(Kind.EQEQ, "==", start);
                }
                if (n == '>') {
                    advance();
                    return token(Kind.ARROW, "=>", start);
                }
                return token(Kind.EQ, "=", start);
            case '!':
                if (n == '=') {
                    advance();
                    return token(Kind.NEQ, "!=", start);
                }
                return token(Kind.BANG, "!", start);
            case '<':
                if (n == '=') {
                    advance();
                    return token(Kind.LE, "<=", start);
                }
                return token(Kind.LT, "<", start);
            case '>':
                if (n == '=') {
                    advance();
                    return token(Kind.GE, ">=", start);
                }
                return token(Kind.GT, ">", start);
            case '&':
                if (n == '&') {
                    advance();
                    return token(Kind.AND, "&&", start);
                }
                break;
            case '|':
                if (n == '|') {
                    advance();
                    return token(Kind.OR, "||", start);
                }
                break;
            default:
                break;
        }
        return token(Kind.ILLEGAL, String.valueOf(c), start);
    }

    private void skipBlanksAndComments() {
        while (!atEnd()) {
            char c = peekChar();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                advance();
            } else if (c == '#' || (c == '/' && peekChar(1) == '/')) {
                while (!atEnd() && peekChar() != '\n') {
                    advance();
                }
            } else if (c == '/' && peekChar(1) == '*') {
                int close = src.indexOf("*/", pos + 2);
                if (close < 0) {
                    problems.add(new Diagnostic(here(), "unterminated comment: add \"*/\" to close it"));
                }
                advanceTo(close < 0 ? src.length() : close + 2);
            } else {
                return;
            }
        }
    }

    private Token token(Kind kind, String text, Mark start) {
        return new Token(kind, text, from(start), false);
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
