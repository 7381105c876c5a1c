package io.atlas4j.testing.output;

/** Failure texts in Atlas's wording. */
public final class Messages {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Messages() {
    }

    /**
     * The mismatch message: {@code no match for `<expected>` found in "<actual>"}, with the actual text
     * quoted as Go does, so newlines and quotes stay visible on one line.
     *
     * @param expectedOrPattern the expected output, a {@code match} pattern, or a {@code catch} error
     */
    public static String noMatch(String expectedOrPattern, String actual) {
        return "no match for `" + expectedOrPattern + "` found in " + goQuote(actual);
    }

    /**
     * Quotes a string like Go's {@code strconv.Quote}: double quotes around it; {@code \"}, {@code \\},
     * {@code \a \b \f \n \r \t \v}; {@code \xhh} for other ASCII control characters; {@code \}{@code uhhhh}
     * or {@code \Uhhhhhhhh} for other non-printable characters; printable non-ASCII text as is.
     */
    public static String goQuote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 0x07 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0x0b -> b.append("\\v");
                default -> escape(b, cp);
            }
        }
        return b.append('"').toString();
    }

    private static void escape(StringBuilder b, int cp) {
        if (cp < 0x20 || cp == 0x7f) {
            b.append("\\x");
            hex(b, cp, 2);
        } else if (isPrint(cp)) {
            b.appendCodePoint(cp);
        } else if (Character.isSurrogate((char) cp) && cp <= 0xffff) {
            // A lone surrogate is not valid text; Go shows invalid input as the replacement character.
            b.append("\\ufffd");
        } else if (cp < 0x10000) {
            b.append("\\u");
            hex(b, cp, 4);
        } else {
            b.append("\\U");
            hex(b, cp, 8);
        }
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static void hex(StringBuilder b, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b.append(HEX[(value >> shift) & 0xf]);
        }
    }
}
