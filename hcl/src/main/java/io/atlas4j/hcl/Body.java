package io.atlas4j.hcl;

import io.atlas4j.source.SourceRange;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The content of a file or of a block: attributes and nested blocks, each list in source order.
 *
 * @param attributes attributes in source order
 * @param blocks blocks in source order (repeated blocks keep their order)
 * @param range the span of the body (for a block: from the opening to the closing brace)
 */
public record Body(List<Attribute> attributes, List<Block> blocks, SourceRange range) {

    public Body {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    /** The first attribute called {@code name}. */
    public Optional<Attribute> attribute(String name) {
        // A plain loop: this is on the hot path of evaluating every step of every case.
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The blocks of one type, in source order. */
    public List<Block> blocks(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).collect(Collectors.toUnmodifiableList());
    }
}
