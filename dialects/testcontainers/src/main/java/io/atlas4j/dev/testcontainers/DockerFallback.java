package io.atlas4j.dev.testcontainers;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.Redaction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The decision between a container and the embedded PostgreSQL, as a pure function of the URL, whether
 * a Docker engine answers, and the {@link FallbackPolicy}.
 *
 * <p>Only {@code docker://postgres/...} falls back: the official image holds nothing but the server, so an
 * embedded server of the same major is an equivalent dev database. {@code postgis}, {@code pgvector} and
 * {@code docker+postgres://} images carry extensions or content an embedded server lacks, so they do not.
 */
public final class DockerFallback {

    /**
     * The major used for a tag that does not start with a version number ({@code latest}, none,
     * {@code alpine}, {@code bookworm}): 18, what the {@code postgres:latest} image runs at the time of
     * writing and the newest major the embedded provider offers (14 to 18).
     */
    public static final int LATEST_MAJOR = 18;

    private DockerFallback() {
    }

    /** Where to open {@code url}. */
    public static DockerRoute route(DockerUrl url, boolean dockerAvailable, FallbackPolicy policy) {
        if (dockerAvailable) {
            return new DockerRoute.Container();
        }
        if (policy == FallbackPolicy.FAIL || url.isCustomImage() || !url.driver().equals("postgres")) {
            return new DockerRoute.NoDocker();
        }
        String embedded = embeddedUrl(url);
        return new DockerRoute.Embedded(embedded, notice(url, embedded));
    }

    /**
     * The PostgreSQL major of an image tag: its leading number ({@code 16}, {@code 16.4},
     * {@code 16-alpine} → 16), or empty when it does not start with one.
     */
    public static OptionalInt postgresMajor(String tag) {
        int end = 0;
        while (end < tag.length() && Character.isDigit(tag.charAt(end)) && end < 9) {
            end++;
        }
        return end == 0 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(tag.substring(0, end)));
    }

    /**
     * {@code embedded://postgres/<major>[/<db>][?params]} for a {@code docker://postgres/...} URL. Without a
     * database the embedded provider picks its own (a fresh, empty one), which is as clean as the
     * container's {@code postgres} database and in the same (database) scope.
     */
    static String embeddedUrl(DockerUrl url) {
        int major = postgresMajor(url.tag()).orElse(LATEST_MAJOR);
        StringBuilder sb = new StringBuilder("embedded://postgres/").append(major);
        if (url.database() != null) {
            sb.append('/').append(escape(url.database()));
        }
        Stream<String> params = url.params().entrySet().stream().map(e -> escape(e.getKey()) + "=" + escape(e.getValue()));
        // The embedded provider reads ?v as the docker provider does: show the server's output.
        String query = Stream.concat(params, url.verbose() ? Stream.of("v") : Stream.empty()).collect(Collectors.joining("&"));
        return query.isEmpty() ? sb.toString() : sb.append('?').append(query).toString();
    }

    /** The one line printed when falling back. */
    static String notice(DockerUrl url, String embeddedUrl) {
        return "atlas4j: no Docker engine found; using " + Redaction.mask(embeddedUrl) + " instead of "
                + url.masked() + " (set " + FallbackPolicy.PROPERTY + "=fail to turn this off)";
    }

    /** The failure when a docker URL cannot be opened for want of a Docker engine. */
    public static Atlas4jException noDockerEngine(DockerUrl url) {
        return noDockerEngine(url, null);
    }

    /** As {@link #noDockerEngine(DockerUrl)}, keeping what went wrong underneath (may be null). */
    static Atlas4jException noDockerEngine(DockerUrl url, Throwable cause) {
        return new Atlas4jException(ErrorCode.DEV_DATABASE, url.masked() + ": no Docker engine found",
                "start Docker (or set DOCKER_HOST), or use embedded://postgres/N, sqlite:// or a running server's URL",
                cause);
    }

    private static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
