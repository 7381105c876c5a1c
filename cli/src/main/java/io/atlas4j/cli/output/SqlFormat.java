package io.atlas4j.cli.output;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --format} templates the schema and migrate commands understand: Atlas's {@code {{ sql . }}} and
 * {@code {{ sql . "  " }}} (SQL, with an indent for CREATE TABLE bodies). Go templates in general are not
 * supported; anything else is a usage error naming what is.
 */
public record SqlFormat(boolean sql, String indent) {

    private static final Pattern SQL = Pattern.compile("\\{\\{\\s*sql\\s+\\.\\s*(?:\"([^\"]*)\")?\\s*}}");

    /** Parses a {@code --format} value; null means the command's default. */
    public static SqlFormat parse(String format, SqlFormat defaults) {
        if (format == null || format.isEmpty()) {
            return defaults;
        }
        Matcher m = SQL.matcher(format.trim());
        if (m.matches()) {
            return new SqlFormat(true, m.group(1) == null ? "" : m.group(1));
        }
        throw new Atlas4jException(ErrorCode.USAGE, "unsupported --format " + format,
                "use '{{ sql . }}' or '{{ sql . \"  \" }}'", null);
    }
}
