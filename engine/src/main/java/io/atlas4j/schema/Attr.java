package io.atlas4j.schema;

/**
 * An attribute attached to a model node: neutral ones live in this package ({@link Comment},
 * {@link Identity}, ...), dialects add their own records. Attributes are looked up by class, see
 * {@link Attrs}.
 */
public interface Attr {
}
