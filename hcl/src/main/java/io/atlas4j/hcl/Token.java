package io.atlas4j.hcl;

import io.atlas4j.source.SourceRange;

/**
 * A token of HCL native syntax outside templates.
 *
 * @param kind what it is
 * @param text the identifier, number text or heredoc marker; the operator text otherwise
 * @param range where it is
 * @param flush for a heredoc: whether it was opened with {@code <<-}
 */
record Token(Kind kind, String text, SourceRange range, boolean flush) {

    enum Kind {
        IDENT, NUMBER, QUOTE, HEREDOC,
        LBRACE, RBRACE, LBRACK, RBRACK, LPAREN, RPAREN,
        EQ, COLON, COMMA, DOT, ELLIPSIS, QUESTION, ARROW,
        BANG, EQEQ, NEQ, LT, GT, LE, GE, AND, OR, PLUS, MINUS, STAR, SLASH, PERCENT,
        NEWLINE, EOF, ILLEGAL
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isKeyword(String word) {
        return kind == Kind.IDENT && text.equals(word);
    }

    /** How the token is named in "unexpected ..." messages. */
    String describe() {
        switch (kind) {
            case NEWLINE:
                return "newline";
            case EOF:
                return "end of file";
            case QUOTE:
                return "quoted string";
            case HEREDOC:
                return "heredoc";
            case NUMBER:
                return "number " + text;
            case ILLEGAL:
                return "character \"" + text + "\"";
            default:
                return "\"" + text + "\"";
        }
    }
}
