package io.atlas4j.schemahcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A block being written: attributes in insertion order, then child blocks, printed as {@code hclwrite} does
 * (2-space indentation, {@code =} aligned within a run of attributes).
 */
public final class OutBlock {

    private final String type;
    private final List<String> labels;
    private final List<Object> items = new ArrayList<>();

    /** A block {@code type "label"... { }}. */
    public OutBlock(String type, String... labels) {
        this.type = Objects.requireNonNull(type, "type");
        this.labels = List.of(labels);
    }

    /** The block type. */
    public String type() {
        return type;
    }

    /** Adds {@code name = expr}; {@code expr} is HCL text (see {@link Hcl} for quoting helpers). */
    public OutBlock attr(String name, String expr) {
        items.add(new Line(name, expr));
        return this;
    }

    /** Adds a string attribute, quoted (a multi-line string becomes a heredoc). */
    public OutBlock str(String name, String value) {
        return attr(name, Hcl.string(value));
    }

    /** Adds a child block. */
    public OutBlock child(OutBlock block) {
        items.add(block);
        return this;
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The HCL text of this block at indentation {@code depth}, ending with a newline. */
    public String render(int depth) {
        StringBuilder sb = new StringBuilder();
        render(sb, depth);
        return sb.toString();
    }

    void render(StringBuilder sb, int depth) {
        String pad = "  ".repeat(depth);
        sb.append(pad).append(type);
        for (String l : labels) {
            sb.append(' ').append(Hcl.quote(l));
        }
        sb.append(" {\n");
        // Attributes first, blocks after, as Atlas's encoder prints a resource.
        List<Line> lines = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof Line l) {
                lines.add(l);
            }
        }
        int width = 0;
        for (Line l : lines) {
            width = Math.max(width, l.name.length());
        }
        for (Line l : lines) {
            sb.append(pad).append("  ").append(l.name).append(" ".repeat(width - l.name.length())).append(" = ");
            String[] parts = l.expr.split("\n", -1);
            sb.append(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                // Heredoc lines are indented with the attribute; blank lines stay empty.
                sb.append('\n');
                if (!parts[i].isEmpty()) {
                    sb.append(pad).append("  ").append(parts[i]);
                }
            }
            sb.append('\n');
        }
        for (Object o : items) {
            if (o instanceof OutBlock b) {
                b.render(sb, depth + 1);
            }
        }
        sb.append(pad).append("}\n");
    }

    private record Line(String name, String expr) {
    }
}
