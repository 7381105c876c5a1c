package io.atlas4j.dialect.postgres.plan;

import io.atlas4j.schema.Attr;
import java.util.Objects;

/**
 * The {@code USING expr} of a column type change ({@code ALTER COLUMN "c" TYPE integer USING c::int}),
 * hung on the desired column of a {@code ModifyColumn}.
 */
public record ConvertUsing(String expr) implements Attr {
    public ConvertUsing {
        Objects.requireNonNull(expr, "expr");
    }
}
