package io.atlas4j.dev.testcontainers;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.Redaction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code docker://} dev-database URL, split into its parts as Atlas reads it.
 *
 * <p>Two forms:
 * <ul>
 *   <li>{@code docker://<driver>[/<tag>[/<db>]][?params]}: one of Atlas's known images, e.g.
 *       {@code docker://postgres/16/dev}.</li>
 *   <li>{@code docker+<driver>://<registry-host>/<image path>[:tag][/<db>][?params]}: any image run as
 *       {@code <driver>}, e.g. {@code docker+postgres://ghcr.io/org/pg:16/dev}; host {@code _} or empty
 *       means no registry prefix.</li>
 * </ul>
 * In both, the path is split on {@code /}; when it has at least two segments and the last one holds no
 * {@code :}, the last one is the database name. Query parameters {@code v} and {@code verbose} ask for the
 * container's output and are removed; the others are kept for the resulting connection URL.
 *
 * @param raw the URL as given (use {@link #masked()} in messages)
 * @param driver the driver as written: the host of {@code docker://} ({@code postgres}, {@code maria},
 *     {@code postgis}, ...) or the part after {@code docker+}
 * @param customImage the full image reference of the {@code docker+<driver>://} form, or null
 * @param tag the image tag of the {@code docker://} form ({@code ""} when absent), or null for the
 *     {@code docker+<driver>://} form, whose tag is part of {@link #customImage()}
 * @param database the database name, or null when the URL names none
 * @param verbose whether {@code v} or {@code verbose} was given
 * @param params the other query parameters, decoded, in their given order
 */
public record DockerUrl(String raw, String driver, String customImage, String tag, String database,
                        boolean verbose, Map<String, String> params) {

    /** The scheme of the known-image form. */
    public static final String SCHEME = "docker";

    private static final String CUSTOM_PREFIX = "docker+";

    public DockerUrl {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Whether a URL scheme is {@code docker} or {@code docker+<driver>}. */
    public static boolean isDockerScheme(String scheme) {
        String s = scheme.toLowerCase(Locale.ROOT);
        return s.equals(SCHEME) || (s.startsWith(CUSTOM_PREFIX) && s.length() > CUSTOM_PREFIX.length());
    }

    /**
     * Splits a {@code docker://} or {@code docker+<driver>://} URL.
     *
     * @throws Atlas4jException {@code CONFIGURATION} when it is not such a URL or names no image
     */
    public static DockerUrl parse(String raw) {
        int sep = raw == null ? -1 : raw.indexOf("://");
        if (sep <= 0 || !isDockerScheme(raw.substring(0, sep))) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "not a docker URL: \"" + Redaction.mask(raw) + "\"",
                    "write docker://<driver>[/<tag>[/<db>]] or docker+<driver>://<registry>/<image>[:tag][/<db>]", null);
        }
        String scheme = raw.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = raw.substring(sep + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String host = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash + 1) : "";
        // Credentials have no meaning here (the container sets its own); like Go's url.Host, drop them.
        host = host.substring(host.lastIndexOf('@') + 1);

        List<String> parts = Arrays.asList(path.split("/", -1));
        int tagIndex = parts.size() - 1;
        String database = null;
        if (tagIndex > 0 && !parts.get(tagIndex).contains(":")) {
            database = decode(parts.get(tagIndex));
            tagIndex--;
        }
        if (database != null && database.isEmpty()) {
            // A trailing slash ("docker://postgres/16/") names no database.
            database = null;
        }

        String driver;
        String customImage = null;
        String tag = null;
        if (scheme.startsWith(CUSTOM_PREFIX)) {
            driver = scheme.substring(CUSTOM_PREFIX.length());
            List<String> image = new ArrayList<>();
            if (!host.isEmpty() && !host.equals("_")) {
                image.add(host);
            }
            for (String part : parts.subList(0, tagIndex + 1)) {
                if (!part.isEmpty()) {
                    image.add(decode(part));
                }
            }
            if (image.isEmpty()) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION,
                        "docker URL \"" + Redaction.mask(raw) + "\" names no image",
                        "write " + scheme + "://<registry or _>/<image>[:tag][/<db>], e.g. " + scheme + "://_/postgres:16/dev",
                        null);
            }
            customImage = String.join("/", image);
        } else {
            driver = host.toLowerCase(Locale.ROOT);
            tag = decode(parts.get(tagIndex));
        }

        boolean verbose = false;
        Map<String, String> params = new LinkedHashMap<>();
        for (String kv : query.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            String key = decode(eq >= 0 ? kv.substring(0, eq) : kv);
            String value = eq >= 0 ? decode(kv.substring(eq + 1)) : "";
            if (key.equals("v") || key.equals("verbose")) {
                verbose = true;
            } else {
                params.put(key, value);
            }
        }
        return new DockerUrl(raw, driver, customImage, tag, database, verbose, params);
    }

    /** Whether this is the {@code docker+<driver>://} form with a full image reference. */
    public boolean isCustomImage() {
        return customImage != null;
    }

    /** The URL with any password masked: the only form fit for messages. */
    public String masked() {
        return Redaction.mask(raw);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String decode(String s) {
        try {
            // '+' stays a plus, as in io.atlas4j.url.DatabaseUrl (image tags may hold one).
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
