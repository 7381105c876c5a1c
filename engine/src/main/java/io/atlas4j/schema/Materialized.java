package io.atlas4j.schema;

/** Marks a {@link View} as materialized. */
public record Materialized() implements Attr {
}
