package io.atlas4j.testdsl;

import io.atlas4j.hcl.Attribute;
import io.atlas4j.hcl.Block;
import io.atlas4j.hcl.Body;
import io.atlas4j.source.Diagnostic;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The allowed and required attributes and nested blocks of one kind of block. Checks a block and adds a
 * diagnostic per problem, so a user sees every unknown or missing attribute at once.
 *
 * @param what how messages name the block ({@code exec block}, {@code test "schema" block})
 * @param required attributes that must be set
 * @param optional attributes that may be set
 * @param blocks nested block types allowed
 */
public record BlockShape(String what, Set<String> required, Set<String> optional, Set<String> blocks) {

    /** Adds diagnostics for unknown and missing attributes and unknown nested blocks. */
    public void check(Block block, List<Diagnostic> out) {
        Body body = block.body();
        for (Attribute a : body.attributes()) {
            if (!required.contains(a.name()) && !optional.contains(a.name())) {
                out.add(new Diagnostic(a.range(), "unsupported attribute \"" + a.name() + "\" in " + what
                        + expected(allAttributes())));
            }
        }
        for (String name : required) {
            if (body.attribute(name).isEmpty()) {
                out.add(new Diagnostic(block.range(), "missing required attribute \"" + name + "\" in " + what));
            }
        }
        for (Block nested : body.blocks()) {
            if (!blocks.contains(nested.type())) {
                out.add(new Diagnostic(nested.range(), "unsupported block \"" + nested.type() + "\" in " + what
                        + (blocks.isEmpty() ? "; it takes no blocks" : "; expected one of: " + String.join(", ", new TreeSet<>(blocks)))));
            }
        }
    }

    private Set<String> allAttributes() {
        Set<String> all = new TreeSet<>(required);
        all.addAll(optional);
        return all;
    }

    private static String expected(Set<String> names) {
        return names.isEmpty() ? "; it takes no attributes" : "; expected one of: " + String.join(", ", names);
    }
}
