package io.atlas4j.hcl;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.hcl.Expression.BinaryExpr;
import io.atlas4j.hcl.Expression.ConditionalExpr;
import io.atlas4j.hcl.Expression.ForExpr;
import io.atlas4j.hcl.Expression.FunctionCallExpr;
import io.atlas4j.hcl.Expression.GetAttrExpr;
import io.atlas4j.hcl.Expression.IndexExpr;
import io.atlas4j.hcl.Expression.LiteralExpr;
import io.atlas4j.hcl.Expression.ObjectExpr;
import io.atlas4j.hcl.Expression.ObjectItem;
import io.atlas4j.hcl.Expression.ParenExpr;
import io.atlas4j.hcl.Expression.SplatExpr;
import io.atlas4j.hcl.Expression.SplatItemExpr;
import io.atlas4j.hcl.Expression.TemplateExpr;
import io.atlas4j.hcl.Expression.TemplateInterpolation;
import io.atlas4j.hcl.Expression.TemplateLiteral;
import io.atlas4j.hcl.Expression.TemplatePart;
import io.atlas4j.hcl.Expression.TupleExpr;
import io.atlas4j.hcl.Expression.UnaryExpr;
import io.atlas4j.hcl.Expression.VariableExpr;
import io.atlas4j.hcl.Token.Kind;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.source.SourceRange;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for HCL native syntax (bodies, blocks, attributes, expressions, templates).
 *
 * <p>Errors inside one attribute or block header are collected and the parser skips to the end of that
 * item, so one run reports the problems of several items.
 */
final class Parser {

    private static final int MAX_DIAGNOSTICS = 20;

    private final Lexer lx;
    private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();
    /** One token of look-ahead. */
    private Token peeked;
    /** Whether newlines are tokens here (bodies, object constructors) or blanks (brackets, interpolations). */
    private final Deque<Boolean> newlines = new ArrayDeque<>();
    /** Brackets opened within the current body item, so recovery can skip to its real end. */
    private int depth;

    Parser(URI uri, String text) {
        this.lx = new Lexer(uri, text);
    }

    HclFile parseFile() {
        List<Attribute> attrs = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        try {
            parseItems(null, attrs, blocks);
        } catch (SyntaxError e) {
            diagnostics.add(e.diagnostic);
        }
        diagnostics.addAll(lx.problems);
        if (!diagnostics.isEmpty()) {
            throw failure();
        }
        SourceRange range = new SourceRange(lx.uri(), 1, 1, lx.line(), lx.col());
        return new HclFile(lx.uri(), new Body(attrs, blocks, range));
    }

    private DiagnosticException failure() {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.range().line())
                .thenComparingInt(d -> d.range().column()));
        return new DiagnosticException(sorted);
    }

    private void report(Diagnostic d) {
        diagnostics.add(d);
        if (diagnostics.size() >= MAX_DIAGNOSTICS) {
            diagnostics.addAll(lx.problems);
            throw failure();
        }
    }

    // ---------------------------------------------------------------- tokens

    private Token peek() {
        while (true) {
            if (peeked == null) {
                peeked = lx.next();
            }
            if (peeked.is(Kind.NEWLINE) && !newlinesSignificant()) {
                peeked = null;
                continue;
            }
            return peeked;
        }
    }

    /** The token after the peeked one, without consuming anything. */
    private Token peekSecond() {
        peek();
        Lexer.Mark m = lx.mark();
        Token t;
        do {
            t = lx.next();
        } while (t.is(Kind.NEWLINE) && !newlinesSignificant());
        lx.reset(m);
        return t;
    }

    private Token next() {
        Token t = peek();
        peeked = null;
        return t;
    }

    private boolean accept(Kind k) {
        if (peek().is(k)) {
            next();
            return true;
        }
        return false;
    }

    private Token expect(Kind k, String what) {
        Token t = peek();
        if (!t.is(k)) {
            throw unexpected(t, what);
        }
        return next();
    }

    private boolean newlinesSignificant() {
        Boolean top = newlines.peek();
        return top == null || top;
    }

    private void pushNewlines(boolean significant) {
        newlines.push(significant);
    }

    private void popNewlines() {
        newlines.pop();
    }

    private SyntaxError error(SourceRange at, String message) {
        return new SyntaxError(new Diagnostic(at, message));
    }

    /** At the end of the file, blame the unclosed bracket rather than the end of the file. */
    private void notAtEnd(Token open, String closer) {
        if (peek().is(Kind.EOF)) {
            throw error(open.range(), "unclosed \"" + open.text() + "\": add a \"" + closer + "\" to close it");
        }
    }

    private SyntaxError unexpected(Token t, String expected) {
        return error(t.range(), "unexpected " + t.describe() + "; expected " + expected);
    }

    // ---------------------------------------------------------------- bodies

    /** Parses attributes and blocks up to a closing brace (not consumed) or the end of the file. */
    private void parseItems(Token open, List<Attribute> attrs, List<Block> blocks) {
        pushNewlines(true);
        int level = newlines.size();
        Map<String, Attribute> seen = new HashMap<>();
        try {
            while (true) {
                Token t = peek();
                if (t.is(Kind.NEWLINE)) {
                    next();
                    continue;
                }
                if (t.is(Kind.EOF)) {
                    return;
                }
                if (t.is(Kind.RBRACE)) {
                    if (open != null) {
                        return;
                    }
                    report(new Diagnostic(t.range(), "unexpected \"}\"; expected an attribute or block"));
                    next();
                    continue;
                }
                try {
                    depth = 0;
                    parseItem(attrs, blocks, seen);
                } catch (SyntaxError e) {
                    while (newlines.size() > level) {
                        newlines.pop();
                    }
                    report(e.diagnostic);
                    recover();
                }
            }
        } finally {
            while (newlines.size() >= level) {
                newlines.pop();
            }
        }
    }

    private void parseItem(List<Attribute> attrs, List<Block> blocks, Map<String, Attribute> seen) {
        Token name = peek();
        if (!name.is(Kind.IDENT)) {
            throw unexpected(name, "an attribute or block");
        }
        next();
        Token t = peek();
        if (t.is(Kind.EQ)) {
            next();
            Expression value = parseExpression();
            Attribute attr = new Attribute(name.text(), value, name.range().to(value.range()));
            Attribute previous = seen.putIfAbsent(name.text(), attr);
            if (previous != null) {
                report(new Diagnostic(name.range(), "duplicate attribute \"" + name.text()
                        + "\": it is already set on line " + previous.range().line() + "; remove one of them"));
            } else {
                attrs.add(attr);
            }
            endOfItem();
        } else if (t.is(Kind.QUOTE) || t.is(Kind.IDENT) || t.is(Kind.LBRACE)) {
            blocks.add(parseBlock(name));
            endOfItem();
        } else if (t.is(Kind.COLON)) {
            throw error(t.range(), "unexpected \":\" after \"" + name.text() + "\"; use \"=\" to set an attribute");
        } else {
            throw unexpected(t, "\"=\" or \"{\" after \"" + name.text() + "\"");
        }
    }

    /**
     * After an attribute or block: a newline, the end of the file or a closing brace (one-line blocks). Several
     * attributes on one line ({@code git { base = "master"  dir = "." }}) appear in Atlas's documentation, so
     * an identifier starting the next item is accepted too.
     */
    private void endOfItem() {
        Token t = peek();
        if (t.is(Kind.NEWLINE)) {
            next();
        } else if (!t.is(Kind.EOF) && !t.is(Kind.RBRACE) && !t.is(Kind.IDENT)) {
            throw unexpected(t, "a newline");
        }
    }

    private Block parseBlock(Token type) {
        List<String> labels = new ArrayList<>();
        List<SourceRange> labelRanges = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.is(Kind.QUOTE)) {
                next();
                Expression label = parseQuoted(t);
                if (!(label instanceof LiteralExpr lit) || !(lit.value() instanceof Value.Str s)) {
                    throw error(label.range(), "block labels cannot contain interpolations");
                }
                labels.add(s.value());
                labelRanges.add(label.range());
            } else if (t.is(Kind.IDENT)) {
                next();
                labels.add(t.text());
                labelRanges.add(t.range());
            } else {
                break;
            }
        }
        Token open = peek();
        if (open.is(Kind.NEWLINE)) {
            // A brace on the next line is a common habit from other languages: say so, and read on as if
            // it were on the same line, so that the block's own errors are still reported.
            Lexer.Mark m = lx.mark();
            Token after = lx.next();
            while (after.is(Kind.NEWLINE)) {
                after = lx.next();
            }
            if (after.is(Kind.LBRACE)) {
                report(new Diagnostic(open.range(), "the \"{\" of block \"" + type.text()
                        + "\" must be on the same line as the block type"));
                peeked = after;
                open = after;
            } else {
                lx.reset(m);
            }
        }
        if (!open.is(Kind.LBRACE)) {
            throw unexpected(open, "\"{\" to open the \"" + type.text() + "\" block");
        }
        next();
        List<Attribute> attrs = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        parseItems(open, attrs, blocks);
        Token close = peek();
        if (!close.is(Kind.RBRACE)) {
            throw error(open.range(), "unclosed block \"" + type.text() + "\": add a \"}\" to close it");
        }
        next();
        Body body = new Body(attrs, blocks, open.range().to(close.range()));
        return new Block(type.text(), labels, labelRanges, body, type.range().to(close.range()));
    }

    /** Skips the rest of a broken item: to the newline that ends it, or to the brace closing its block. */
    private void recover() {
        int d = depth;
        depth = 0;
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case EOF:
                    return;
                case NEWLINE:
                    next();
                    if (d <= 0) {
                        return;
                    }
                    break;
                case LBRACE:
                case LBRACK:
                case LPAREN:
                    next();
                    d++;
                    break;
                case RBRACE:
                    if (d <= 0) {
                        return;
                    }
                    next();
                    d--;
                    break;
                case RBRACK:
                case RPAREN:
                    next();
                    d = Math.max(0, d - 1);
                    break;
                case QUOTE:
                    next();
                    skipQuoted();
                    break;
                case HEREDOC:
                    next();
                    try {
                        parseHeredoc(t);
                    } catch (SyntaxError ignored) {
                        lx.advanceTo(lx.source().length());
                    }
                    break;
                default:
                    next();
                    break;
            }
        }
    }

    private void skipQuoted() {
        while (!lx.atEnd() && lx.peekChar() != '\n') {
            char c = lx.advance();
            if (c == '\\' && !lx.atEnd() && lx.peekChar() != '\n') {
                lx.advance();
            } else if (c == '"') {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- expressions

    Expression parseExpression() {
        Expression cond = parseBinary(1);
        if (peek().is(Kind.QUESTION)) {
            next();
            Expression whenTrue = parseExpression();
            expect(Kind.COLON, "\":\" in the conditional expression");
            Expression whenFalse = parseExpression();
            return new ConditionalExpr(cond, whenTrue, whenFalse, cond.range().to(whenFalse.range()));
        }
        return cond;
    }

    private static int precedence(Kind k) {
        switch (k) {
            case OR:
                return 1;
            case AND:
                return 2;
            case EQEQ:
            case NEQ:
                return 3;
            case LT:
            case GT:
            case LE:
            case GE:
                return 4;
            case PLUS:
            case MINUS:
                return 5;
            case STAR:
            case SLASH:
            case PERCENT:
                return 6;
            default:
                return 0;
        }
    }

    private Expression parseBinary(int min) {
        Expression left = parseUnary();
        while (true) {
            Token op = peek();
            int p = precedence(op.kind());
            if (p == 0 || p < min) {
                return left;
            }
            next();
            Expression right = parseBinary(p + 1);
            left = new BinaryExpr(op.text(), left, right, left.range().to(right.range()));
        }
    }

    private Expression parseUnary() {
        Token t = peek();
        if (t.is(Kind.BANG) || t.is(Kind.MINUS)) {
            next();
            Expression operand = parseUnary();
            SourceRange range = t.range().to(operand.range());
            if (t.is(Kind.MINUS) && operand instanceof LiteralExpr lit && lit.value() instanceof Value.Num n) {
                // Fold "-1" into a literal so that defaults such as `default = -1` read as plain values.
                return new LiteralExpr(new Value.Num(n.value().negate()), range);
            }
            return new UnaryExpr(t.text(), operand, range);
        }
        return parsePostfix(parsePrimary());
    }

    private Expression parsePrimary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                next();
                return new LiteralExpr(new Value.Num(new BigDecimal(t.text())), t.range());
            case IDENT:
                next();
                switch (t.text()) {
                    case "true":
                        return new LiteralExpr(Value.of(true), t.range());
                    case "false":
                        return new LiteralExpr(Value.of(false), t.range());
                    case "null":
                        return new LiteralExpr(Value.NULL, t.range());
                    default:
                        break;
                }
                if (peek().is(Kind.LPAREN)) {
                    return parseCall(t);
                }
                return new VariableExpr(t.text(), t.range());
            case QUOTE:
                next();
                return parseQuoted(t);
            case HEREDOC:
                next();
                return parseHeredoc(t);
            case LPAREN: {
                next();
                depth++;
                pushNewlines(false);
                Expression inner = parseExpression();
                notAtEnd(t, ")");
                Token close = expect(Kind.RPAREN, "\")\"");
                popNewlines();
                depth--;
                return new ParenExpr(inner, t.range().to(close.range()));
            }
            case LBRACK:
                next();
                return parseTuple(t);
            case LBRACE:
                next();
                return parseObject(t);
            default:
                throw unexpected(t, "an expression");
        }
    }

    private Expression parseCall(Token name) {
        Token paren = next();
        depth++;
        pushNewlines(false);
        List<Expression> args = new ArrayList<>();
        boolean expand = false;
        notAtEnd(paren, ")");
        while (!peek().is(Kind.RPAREN)) {
            args.add(parseExpression());
            notAtEnd(paren, ")");
            if (accept(Kind.ELLIPSIS)) {
                expand = true;
                if (!peek().is(Kind.RPAREN)) {
                    throw unexpected(peek(), "\")\": \"...\" may only follow the last argument");
                }
                break;
            }
            if (accept(Kind.COMMA)) {
                notAtEnd(paren, ")");
                continue;
            }
            if (!peek().is(Kind.RPAREN)) {
                throw unexpected(peek(), "\",\" or \")\" in the arguments of \"" + name.text() + "\"");
            }
        }
        Token close = next();
        popNewlines();
        depth--;
        return new FunctionCallExpr(name.text(), args, expand, name.range().to(close.range()));
    }

    private boolean atForKeyword() {
        return peek().isKeyword("for") && peekSecond().is(Kind.IDENT);
    }

    private Expression parseTuple(Token open) {
        depth++;
        pushNewlines(false);
        Expression result;
        if (atForKeyword()) {
            result = parseFor(open, false);
        } else {
            List<Expression> items = new ArrayList<>();
            notAtEnd(open, "]");
            while (!peek().is(Kind.RBRACK)) {
                items.add(parseExpression());
                notAtEnd(open, "]");
                if (accept(Kind.COMMA)) {
                    notAtEnd(open, "]");
                    continue;
                }
                if (!peek().is(Kind.RBRACK)) {
                    throw unexpected(peek(), "\",\" or \"]\" in the list");
                }
            }
            Token close = next();
            result = new TupleExpr(items, open.range().to(close.range()));
        }
        popNewlines();
        depth--;
        return result;
    }

    private Expression parseObject(Token open) {
        depth++;
        pushNewlines(true);
        while (peek().is(Kind.NEWLINE)) {
            next();
        }
        Expression result;
        if (atForKeyword()) {
            result = parseFor(open, true);
        } else {
            List<ObjectItem> items = new ArrayList<>();
            while (true) {
                while (peek().is(Kind.NEWLINE)) {
                    next();
                }
                if (peek().is(Kind.RBRACE)) {
                    break;
                }
                notAtEnd(open, "}");
                Expression key = parseExpression();
                Token sep = peek();
                if (!sep.is(Kind.EQ) && !sep.is(Kind.COLON)) {
                    throw unexpected(sep, "\"=\" or \":\" after the object key");
                }
                next();
                Expression value = parseExpression();
                items.add(new ObjectItem(key, value));
                notAtEnd(open, "}");
                Token t = peek();
                if (t.is(Kind.COMMA) || t.is(Kind.NEWLINE)) {
                    next();
                } else if (!t.is(Kind.RBRACE)) {
                    throw unexpected(t, "\",\", a newline or \"}\" after the object item");
                }
            }
            Token close = next();
            result = new ObjectExpr(items, open.range().to(close.range()));
        }
        popNewlines();
        depth--;
        return result;
    }

    private Expression parseFor(Token open, boolean object) {
        pushNewlines(false);
        next(); // for
        Token first = expect(Kind.IDENT, "a variable name after \"for\"");
        String keyVar = null;
        String valueVar = first.text();
        if (accept(Kind.COMMA)) {
            keyVar = first.text();
            valueVar = expect(Kind.IDENT, "a second variable name after \",\"").text();
        }
        Token in = next();
        if (!in.isKeyword("in")) {
            throw unexpected(in, "\"in\" after the variables of the for expression");
        }
        Expression collection = parseExpression();
        expect(Kind.COLON, "\":\" after the collection of the for expression");
        Expression keyExpr = null;
        boolean grouping = false;
        if (object) {
            keyExpr = parseExpression();
            expect(Kind.ARROW, "\"=>\" between the key and the value of the for expression");
        }
        Expression valueExpr = parseExpression();
        if (object && accept(Kind.ELLIPSIS)) {
            grouping = true;
        }
        Expression condition = null;
        if (peek().isKeyword("if")) {
            next();
            condition = parseExpression();
        }
        Token close = object ? expect(Kind.RBRACE, "\"}\" to close the for expression")
                : expect(Kind.RBRACK, "\"]\" to close the for expression");
        popNewlines();
        return new ForExpr(keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouping, object,
                open.range().to(close.range()));
    }

    private Expression parsePostfix(Expression e) {
        while (true) {
            Token t = peek();
            if (t.is(Kind.DOT)) {
                next();
                Token n = next();
                if (n.is(Kind.IDENT)) {
                    e = new GetAttrExpr(e, n.text(), e.range().to(n.range()));
                } else if (n.is(Kind.NUMBER) && n.text().chars().allMatch(Character::isDigit)) {
                    e = new IndexExpr(e, new LiteralExpr(new Value.Num(new BigDecimal(n.text())), n.range()),
                            e.range().to(n.range()));
                } else if (n.is(Kind.STAR)) {
                    e = parseSplat(e, true, n);
                } else {
                    throw unexpected(n, "an attribute name after \".\"");
                }
            } else if (t.is(Kind.LBRACK)) {
                next();
                depth++;
                pushNewlines(false);
                if (peek().is(Kind.STAR)) {
                    next();
                    Token close = expect(Kind.RBRACK, "\"]\" after \"[*\"");
                    popNewlines();
                    depth--;
                    e = parseSplat(e, false, close);
                } else {
                    Expression key = parseExpression();
                    Token close = expect(Kind.RBRACK, "\"]\" to close the index");
                    popNewlines();
                    depth--;
                    e = new IndexExpr(e, key, e.range().to(close.range()));
                }
            } else {
                return e;
            }
        }
    }

    /** The traversal after {@code [*]} (attributes and indexes) or {@code .*} (attributes only). */
    private Expression parseSplat(Expression source, boolean attrOnly, Token marker) {
        Expression each = new SplatItemExpr(marker.range());
        SourceRange end = marker.range();
        while (true) {
            Token t = peek();
            if (t.is(Kind.DOT)) {
                Lexer.Mark m = lx.mark();
                Token saved = peeked;
                next();
                Token n = peek();
                if (n.is(Kind.IDENT)) {
                    next();
                    each = new GetAttrExpr(each, n.text(), each.range().to(n.range()));
                    end = n.range();
                    continue;
                }
                // Not ours (e.g. a second splat): put the dot back.
                lx.reset(m);
                peeked = saved;
                break;
            } else if (t.is(Kind.LBRACK) && !attrOnly) {
                next();
                pushNewlines(false);
                Expression key = parseExpression();
                Token close = expect(Kind.RBRACK, "\"]\" to close the index");
                popNewlines();
                each = new IndexExpr(each, key, each.range().to(close.range()));
                end = close.range();
            } else {
                break;
            }
        }
        return new SplatExpr(source, each, source.range().to(end));
    }

    // ---------------------------------------------------------------- templates

    /** A quoted string; the lexer stands just after the opening quote. */
    private Expression parseQuoted(Token quote) {
        List<TemplatePart> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (true) {
            if (lx.atEnd() || lx.peekChar() == '\n' || (lx.peekChar() == '\r' && lx.peekChar(1) == '\n')) {
                throw error(quote.range(), "unterminated string: add a closing '\"' before the end of the line");
            }
            char c = lx.peekChar();
            if (c == '"') {
                lx.advance();
                break;
            }
            if (c == '\\') {
                escape(lit);
                continue;
            }
            if (templateSpecial(c, lit, parts)) {
                continue;
            }
            lit.append(lx.advance());
        }
        SourceRange range = quote.range().to(lx.here());
        flush(lit, parts);
        if (parts.stream().allMatch(p -> p instanceof TemplateLiteral)) {
            StringBuilder all = new StringBuilder();
            parts.forEach(p -> all.append(((TemplateLiteral) p).text()));
            return new LiteralExpr(Value.of(all.toString()), range);
        }
        return new TemplateExpr(parts, false, range);
    }

    private void escape(StringBuilder lit) {
        SourceRange at = lx.here();
        lx.advance(); // backslash
        char c = lx.atEnd() ? 0 : lx.peekChar();
        switch (c) {
            case 'n':
                lit.append('\n');
                break;
            case 't':
                lit.append('\t');
                break;
            case 'r':
                lit.append('\r');
                break;
            case '"':
                lit.append('"');
                break;
            case '\\':
                lit.append('\\');
                break;
            case 'u':
            case 'U': {
                int len = c == 'u' ? 4 : 8;
                lx.advance();
                StringBuilder hex = new StringBuilder();
                for (int i = 0; i < len && isHex(lx.peekChar()); i++) {
                    hex.append(lx.advance());
                }
                if (hex.length() != len) {
                    throw error(at, "invalid escape sequence: \\" + c + " needs " + len + " hexadecimal digits");
                }
                int cp = Integer.parseUnsignedInt(hex.toString(), 16);
                if (!Character.isValidCodePoint(cp)) {
                    throw error(at, "invalid escape sequence: \\" + c + hex + " is not a Unicode character");
                }
                lit.appendCodePoint(cp);
                return;
            }
            default:
                String shown = c == 0 || c == '\n' ? "" : String.valueOf(c);
                throw error(at, "invalid escape sequence \"\\" + shown + "\"; write \\\\ for a backslash");
        }
        lx.advance();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Handles {@code $${}, {@code %%{}, {@code ${...}} and {@code %{}; false when {@code c} is plain text. */
    private boolean templateSpecial(char c, StringBuilder lit, List<TemplatePart> parts) {
        if ((c == '$' || c == '%') && lx.peekChar(1) == c && lx.peekChar(2) == '{') {
            lx.advance();
            lit.append(lx.advance()).append(lx.advance());
            return true;
        }
        if (c == '$' && lx.peekChar(1) == '{') {
            SourceRange at = lx.here();
            lx.advance();
            lx.advance();
            flush(lit, parts);
            depth++;
            pushNewlines(false);
            if (peek().is(Kind.RBRACE)) {
                throw error(at, "empty interpolation \"${}\"; put an expression inside or write $${ for a literal ${");
            }
            Expression e = parseExpression();
            Token close = peek();
            if (!close.is(Kind.RBRACE)) {
                throw unexpected(close, "\"}\" to close the interpolation");
            }
            next();
            popNewlines();
            depth--;
            parts.add(new TemplateInterpolation(e));
            return true;
        }
        if (c == '%' && lx.peekChar(1) == '{') {
            throw error(lx.here(), "template directives (%{ ... }) are not supported; write %%{ for a literal %{");
        }
        return false;
    }

    private static void flush(StringBuilder lit, List<TemplatePart> parts) {
        if (lit.length() > 0) {
            parts.add(new TemplateLiteral(lit.toString()));
            lit.setLength(0);
        }
    }

    /**
     * A heredoc; the lexer stands at the start of the line after the opener. {@code <<-} strips the common
     * leading whitespace of the non-blank lines; the closing marker may be indented in both forms.
     */
    private Expression parseHeredoc(Token opener) {
        String src = lx.source();
        String marker = opener.text();
        int bodyStart = lx.pos();
        if (bodyStart == 0 || src.charAt(bodyStart - 1) != '\n') {
            throw error(opener.range(), "heredoc opener \"<<" + (opener.flush() ? "-" : "") + marker
                    + "\" must be followed by a line break");
        }
        int closeLine = -1;
        int closeEnd = -1;
        int minIndent = Integer.MAX_VALUE;
        for (int i = bodyStart; i <= src.length(); ) {
            int eol = src.indexOf('\n', i);
            int lineEnd = eol < 0 ? src.length() : eol;
            String text = src.substring(i, lineEnd);
            String stripped = text.strip();
            if (stripped.equals(marker)) {
                closeLine = i;
                closeEnd = i + text.indexOf(marker) + marker.length();
                break;
            }
            if (!stripped.isEmpty()) {
                int indent = 0;
                while (indent < text.length() && (text.charAt(indent) == ' ' || text.charAt(indent) == '\t')) {
                    indent++;
                }
                minIndent = Math.min(minIndent, indent);
            }
            if (eol < 0) {
                break;
            }
            i = eol + 1;
        }
        if (closeLine < 0) {
            throw error(opener.range(), "unterminated heredoc \"" + marker + "\": add a line with " + marker
                    + " to close it");
        }
        int strip = opener.flush() && minIndent != Integer.MAX_VALUE ? minIndent : 0;
        List<TemplatePart> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean lineStart = true;
        while (lx.pos() < closeLine) {
            if (lineStart) {
                for (int k = 0; k < strip && (lx.peekChar() == ' ' || lx.peekChar() == '\t'); k++) {
                    lx.advance();
                }
                lineStart = false;
                continue;
            }
            char c = lx.peekChar();
            if (c == '\n') {
                lit.append(lx.advance());
                lineStart = true;
            } else if (c == '\r' && lx.peekChar(1) == '\n') {
                lx.advance();
            } else if (!templateSpecial(c, lit, parts)) {
                lit.append(lx.advance());
            }
        }
        lx.advanceTo(closeEnd);
        flush(lit, parts);
        return new TemplateExpr(parts, true, opener.range().to(lx.here()));
    }
}
