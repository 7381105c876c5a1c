package io.atlas4j.hcl;

import io.atlas4j.source.SourceRange;
import java.util.List;
import java.util.Optional;

/**
 * A block: {@code type "label" ... { body }}.
 *
 * @param type the block type keyword ({@code test}, {@code exec}, ...)
 * @param labels the labels, unquoted, in order
 * @param labelRanges the position of each label, parallel to {@code labels}
 * @param body the block's content
 * @param range from the type keyword to the closing brace
 */
public record Block(String type, List<String> labels, List<SourceRange> labelRanges, Body body, SourceRange range) {

    public Block {
        labels = List.copyOf(labels);
        labelRanges = List.copyOf(labelRanges);
        if (labels.size() != labelRanges.size()) {
            throw new IllegalArgumentException("one range per label");
        }
    }

    /** The label at {@code index}, if the block has that many. */
    public Optional<String> label(int index) {
        return index < labels.size() ? Optional.of(labels.get(index)) : Optional.empty();
    }
}
