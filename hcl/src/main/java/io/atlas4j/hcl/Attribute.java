package io.atlas4j.hcl;

import io.atlas4j.source.SourceRange;

/**
 * An attribute: {@code name = expression}.
 *
 * @param name the attribute name
 * @param expression the unevaluated value
 * @param range from the attribute name to the end of the expression
 */
public record Attribute(String name, Expression expression, SourceRange range) {
}
