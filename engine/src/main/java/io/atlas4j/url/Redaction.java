package io.atlas4j.url;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords in URLs wherever they appear in text, so no message, log line or report leaks one.
 */
public final class Redaction {

    /** The replacement for a password, as Atlas prints it. */
    public static final String MASK = "xxxxx";

    // scheme://user:password@host — the host starts after the LAST '@' of the authority (as Go's
    // net/url and DatabaseUrl read it), so an unescaped '@' in a password is masked too.
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]*:)([^\\s/]+)(@)");
    // JDBC-style key=value credentials: password=..., pwd=... A colon that ends the value before a space
    // or the end ("...?password=x: connection refused") belongs to the message, not the password.
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)([?&;\\s](?:password|pwd|sslpassword)=)([^&;\\s]+?)(?=[&;\\s]|:\\s|:$|$)");

    private Redaction() {
    }

    /** The text with every URL password replaced by {@link #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
        return PASSWORD_PARAM.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }
}
