package io.atlas4j.url;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A database URL in Atlas's form: {@code driver://[user[:pass]@]host[:port]/[path][?k=v&...]}.
 *
 * <p>Parsed once, then read by dialects (to build a JDBC URL) and by messages (through
 * {@link #masked()}), so the password never has to be handled as part of a string again.
 *
 * @param raw the URL as given
 * @param scheme lower-case scheme ({@code postgres}, {@code sqlite}, {@code docker}, ...)
 * @param user decoded user name, or null
 * @param password decoded password, or null
 * @param host host (for SQLite: the first part of the file name), or null
 * @param port port, or -1
 * @param path path without the leading slash, decoded; empty when absent
 * @param query decoded query parameters in their given order
 */
public record DatabaseUrl(String raw, String scheme, String user, String password, String host, int port,
                          String path, Map<String, String> query) {

    public DatabaseUrl {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /**
     * Parses a URL.
     *
     * @throws Atlas4jException with {@link ErrorCode#CONFIGURATION} when it is not a URL
     */
    public static DatabaseUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "empty database URL");
        }
        int sep = raw.indexOf("://");
        if (sep <= 0) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "invalid database URL \"" + Redaction.mask(raw) + "\": missing scheme",
                    "write it as driver://user:pass@host:port/name, e.g. postgres://localhost:5432/dev?sslmode=disable",
                    null);
        }
        String scheme = raw.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = raw.substring(sep + 3);
        String queryPart = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            queryPart = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String authority = rest;
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            authority = rest.substring(0, slash);
            path = rest.substring(slash + 1);
        }
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon >= 0 ? info.substring(0, colon) : info);
            password = colon >= 0 ? decode(info.substring(colon + 1)) : null;
        }
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            String p = authority.substring(colon + 1);
            host = authority.substring(0, colon);
            if (!p.isEmpty()) {
                try {
                    port = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new Atlas4jException(ErrorCode.CONFIGURATION,
                            "invalid database URL \"" + Redaction.mask(raw) + "\": invalid port \":" + p + "\" after host",
                            "URL-escape special characters in passwords (urlescape() in HCL)", null);
                }
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (!queryPart.isEmpty()) {
            for (String kv : queryPart.split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                query.put(decode(eq >= 0 ? kv.substring(0, eq) : kv), eq >= 0 ? decode(kv.substring(eq + 1)) : "");
            }
        }
        return new DatabaseUrl(raw, scheme, user, password, host.isEmpty() ? null : host, port, decode(path), query);
    }

    /** The value of a query parameter. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** The URL with its password replaced by {@link Redaction#MASK}: the only form fit for messages. */
    public String masked() {
        return Redaction.mask(raw);
    }

    /** A copy with other query parameters (in the given order; null values remove a key). */
    public DatabaseUrl withQuery(Map<String, String> params) {
        Map<String, String> q = new LinkedHashMap<>(query);
        params.forEach((k, v) -> {
            if (v == null) {
                q.remove(k);
            } else {
                q.put(k, v);
            }
        });
        return rebuild(scheme, user, password, host, port, path, q);
    }

    /** Builds a URL from parts, encoding each as needed. */
    public static DatabaseUrl rebuild(String scheme, String user, String password, String host, int port, String path,
                                      Map<String, String> query) {
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (user != null) {
            sb.append(encode(user));
            if (password != null) {
                sb.append(':').append(encode(password));
            }
            sb.append('@');
        }
        if (host != null) {
            sb.append(host);
        }
        if (port >= 0) {
            sb.append(':').append(port);
        }
        if (path != null && !path.isEmpty()) {
            sb.append('/').append(path);
        }
        if (!query.isEmpty()) {
            sb.append('?').append(query.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&")));
        }
        return parse(sb.toString());
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether {@code text} looks like a URL with a scheme. */
    public static boolean hasScheme(String text) {
        try {
            return new URI(text).getScheme() != null && text.contains("://");
        } catch (URISyntaxException e) {
            return text.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
        }
    }
}
