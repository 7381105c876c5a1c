package io.atlas4j.schema;

/**
 * Where NULLs sort in an index part; recorded only when it differs from the database's default for
 * the part's direction.
 */
public record NullsOrder(boolean first) implements Attr {
}
