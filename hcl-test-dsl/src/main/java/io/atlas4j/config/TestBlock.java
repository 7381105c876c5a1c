package io.atlas4j.config;

import io.atlas4j.hcl.Value;
import io.atlas4j.testdsl.TestKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code test { schema { ... } migrate { ... } }} block of {@code atlas.hcl}, at the top level or in an
 * env (an env's block replaces the top-level one as a whole).
 *
 * @param schema the {@code schema} part, if any
 * @param migrate the {@code migrate} part, if any
 */
public record TestBlock(Optional<Part> schema, Optional<Part> migrate) {

    /** The part for a kind of test. */
    public Optional<Part> part(TestKind kind) {
        return kind == TestKind.SCHEMA ? schema : migrate;
    }

    /**
     * One part: where the test files are and the values of their variables.
     *
     * @param src test files and directories, resolved against the project file's directory
     * @param vars values for the test files' variables
     */
    public record Part(List<Path> src, Map<String, Value> vars) {
        public Part {
            src = List.copyOf(src);
            vars = Map.copyOf(vars);
        }
    }
}
