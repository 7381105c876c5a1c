package io.atlas4j.cli.output;

import io.atlas4j.dialect.Dialects;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code --format} values of the apply and status commands: none (text) or Atlas's {@code {{ json . }}}. */
public final class JsonFormat {

    /** The one template these commands understand besides their default text. */
    public static final String JSON = "{{ json . }}";

    private static final Pattern JSON_TEMPLATE = Pattern.compile("\\{\\{-?\\s*json\\s+\\.\\s*-?}}");

    private JsonFormat() {
    }

    /**
     * Whether {@code format} asks for JSON; null means the text report.
     *
     * @throws Atlas4jException (usage) for any other template
     */
    public static boolean json(String format) {
        if (format == null) {
            return false;
        }
        if (JSON_TEMPLATE.matcher(format.trim()).matches()) {
            return true;
        }
        throw new Atlas4jException(ErrorCode.USAGE, "unsupported --format \"" + format + "\"",
                "the supported format is '" + JSON + "'; leave --format out for the text report", null);
    }

    /**
     * Atlas's {@code Env} fields: the driver name Atlas prints for the URL's dialect ({@link #driverName}),
     * the masked URL and, when given (not null), the migration directory.
     */
    public static Json.Obj env(DatabaseUrl url, String dir) {
        return Json.object().put("Driver", driverName(Dialects.forUrl(url).name())).put("URL", url.masked())
                .putIfPresent("Dir", dir);
    }

    /**
     * {@link #env(DatabaseUrl, String)} for a URL as the user gave it, for reports of runs that failed before
     * the URL was used (e.g. on a checksum error): without {@code Driver} and {@code URL} when it is absent
     * or not one a dialect handles, so that the report still prints and the real error is the one shown.
     */
    public static Json.Obj env(String url, String dir) {
        if (url != null && !url.isBlank()) {
            try {
                return env(DatabaseUrl.parse(url), dir);
            } catch (Atlas4jException e) {
                // Fall through: the URL's own error is reported when the command uses it.
            }
        }
        return Json.object().putIfPresent("Dir", dir);
    }

    /**
     * The name Atlas registers the driver of a dialect under, which its reports print as {@code Driver}:
     * {@code sqlite3} for SQLite (Atlas's SQLite driver takes the name of the Go SQLite driver),
     * {@code postgres}, and {@code mysql} for MySQL and MariaDB alike; any other dialect keeps its own name.
     */
    public static String driverName(String dialect) {
        return dialect.equals("sqlite") ? "sqlite3" : dialect;
    }

    /** Adds {@code key} unless {@code list} is empty (Go's {@code omitempty} on slices). */
    public static Json.Obj putList(Json.Obj obj, String key, List<?> list) {
        return list.isEmpty() ? obj : obj.put(key, list);
    }
}
