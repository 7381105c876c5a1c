package io.atlas4j.hcl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A URL taken apart and put back together the way Go's {@code net/url} does, because Atlas's URL helpers
 * ({@code urlqueryset}, {@code urlsetpath}, {@code urluserinfo}, {@code urlescape}) are defined by it.
 * Unchanged parts keep their original text.
 */
final class GoUrl {

    private enum Mode { PATH, USER_PASSWORD, QUERY_COMPONENT }

    String scheme = "";
    String opaque;
    /** Userinfo as written (already escaped), or null when absent. */
    String userinfo;
    String host = "";
    /** Path as written (escaped form). */
    String rawPath = "";
    String rawQuery = "";
    boolean forceQuery;
    String fragment;
    /** Go's OmitHost: the URL had a scheme and a path but no "//" authority. */
    boolean omitHost;

    static GoUrl parse(String s) {
        GoUrl u = new GoUrl();
        String rest = s;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            u.fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        int colon = schemeEnd(rest);
        if (colon > 0) {
            u.scheme = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            u.rawQuery = rest.substring(q + 1);
            u.forceQuery = u.rawQuery.isEmpty();
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/") && !u.scheme.isEmpty()) {
            u.opaque = rest;
            return u;
        }
        if (rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            rest = slash >= 0 ? authority.substring(slash) : "";
            authority = slash >= 0 ? authority.substring(0, slash) : authority;
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                u.userinfo = authority.substring(0, at);
                authority = authority.substring(at + 1);
            }
            u.host = authority;
        } else if (!u.scheme.isEmpty() && rest.startsWith("/")) {
            u.omitHost = true;
        }
        u.rawPath = rest;
        return u;
    }

    private static int schemeEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && c < 128) {
                continue;
            }
            if (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                continue;
            }
            return c == ':' && i > 0 ? i : -1;
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!scheme.isEmpty()) {
            sb.append(scheme).append(':');
        }
        if (opaque != null) {
            sb.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || userinfo != null) {
                if (!(omitHost && host.isEmpty() && userinfo == null)
                        && (!host.isEmpty() || !rawPath.isEmpty() || userinfo != null)) {
                    sb.append("//");
                }
                if (userinfo != null) {
                    sb.append(userinfo).append('@');
                }
                sb.append(host);
            }
            if (!rawPath.isEmpty() && rawPath.charAt(0) != '/' && !host.isEmpty()) {
                sb.append('/');
            }
            sb.append(rawPath);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            sb.append('?').append(rawQuery);
        }
        if (fragment != null) {
            sb.append('#').append(fragment);
        }
        return sb.toString();
    }

    void setPath(String path) {
        opaque = null;
        rawPath = escape(path, Mode.PATH);
    }

    void setUser(String user, String password) {
        userinfo = escape(user, Mode.USER_PASSWORD) + (password == null ? "" : ":" + escape(password, Mode.USER_PASSWORD));
    }

    /** Go's {@code Values.Set} then {@code Encode}: the query re-encoded with keys sorted. */
    void setQueryParam(String key, String value) {
        Map<String, List<String>> params = parseQuery(rawQuery);
        params.put(key, List.of(value));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(params).entrySet()) {
            for (String v : e.getValue()) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(queryEscape(e.getKey())).append('=').append(queryEscape(v));
            }
        }
        rawQuery = sb.toString();
        forceQuery = false;
    }

    /** Go's {@code url.ParseQuery}, skipping malformed pairs as {@code URL.Query()} does. */
    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq >= 0 ? pair.substring(0, eq) : pair;
            String v = eq >= 0 ? pair.substring(eq + 1) : "";
            String dk = queryUnescape(k);
            String dv = queryUnescape(v);
            if (dk == null || dv == null) {
                continue;
            }
            out.computeIfAbsent(dk, x -> new ArrayList<>()).add(dv);
        }
        return out;
    }

    /** Go's {@code url.QueryEscape}: space becomes {@code +}, everything but unreserved is %-encoded. */
    static String queryEscape(String s) {
        return escape(s, Mode.QUERY_COMPONENT);
    }

    private static String queryUnescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String escape(String s, Mode mode) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (!shouldEscape(c, mode)) {
                sb.append((char) c);
            } else if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** Go's {@code shouldEscape} for the modes the helpers use. */
    private static boolean shouldEscape(int c, Mode mode) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return false;
        }
        switch (c) {
            case '-':
            case '_':
            case '.':
            case '~':
                return false;
            case '$':
            case '&':
            case '+':
            case ',':
            case '/':
            case ':':
            case ';':
            case '=':
            case '?':
            case '@':
                switch (mode) {
                    case PATH:
                        return c == '?';
                    case USER_PASSWORD:
                        return c == '@' || c == '/' || c == '?' || c == ':';
                    default:
                        return true;
                }
            default:
                return true;
        }
    }
}
