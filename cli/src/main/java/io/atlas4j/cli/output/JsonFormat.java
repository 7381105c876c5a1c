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
     * Atlas's {@code Env} fields: the URL's dialect name, the masked URL and, when given (not null), the
     * migration directory.
     */
    public static Json.Obj env(DatabaseUrl url, String dir) {
        return Json.object().put("Driver", Dialects.forUrl(url).name()).put("URL", url.masked()).putIfPresent("Dir", dir);
    }

    /** Adds {@code key} unless {@code list} is empty (Go's {@code omitempty} on slices). */
    public static Json.Obj putList(Json.Obj obj, String key, List<?> list) {
        return list.isEmpty() ? obj : obj.put(key, list);
    }
}
