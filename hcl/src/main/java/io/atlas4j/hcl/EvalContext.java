package io.atlas4j.hcl;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an expression can see: root variables, functions, and roots kept symbolic. Immutable; each
 * {@code with...} returns a new context.
 */
public final class EvalContext {

    private final Path baseDir;
    private final Map<String, Value> variables;
    private final Map<String, HclFunction> functions;
    private final Set<String> symbolicRoots;

    private EvalContext(Path baseDir, Map<String, Value> variables, Map<String, HclFunction> functions,
            Set<String> symbolicRoots) {
        this.baseDir = baseDir;
        this.variables = Map.copyOf(variables);
        this.functions = Map.copyOf(functions);
        this.symbolicRoots = Set.copyOf(symbolicRoots);
    }

    /**
     * A context with the standard functions ({@code file}, {@code format}, {@code jsonencode}, URL helpers,
     * ...); {@code file()}, {@code fileset()} and {@code glob()} resolve relative paths against {@code baseDir}.
     */
    public static EvalContext create(Path baseDir) {
        Path dir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize();
        return new EvalContext(dir, Map.of(), StandardFunctions.all(dir), Set.of());
    }

    /** Adds or replaces a root variable ({@code var}, {@code local}, {@code each}, {@code self}, ...). */
    public EvalContext withVariable(String name, Value value) {
        Map<String, Value> vars = new HashMap<>(variables);
        vars.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new EvalContext(baseDir, vars, functions, symbolicRoots);
    }

    /** Adds or replaces a function. */
    public EvalContext withFunction(String name, HclFunction f) {
        Map<String, HclFunction> fns = new HashMap<>(functions);
        fns.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(f, "f"));
        return new EvalContext(baseDir, variables, fns, symbolicRoots);
    }

    /**
     * Traversals from these roots (e.g. {@code schema}, {@code table}) evaluate to {@link Value.Ref} with
     * their path instead of failing as unknown variables. A root that is also a variable stays a variable.
     */
    public EvalContext withSymbolicRoots(Set<String> roots) {
        return new EvalContext(baseDir, variables, functions, roots);
    }

    /** The directory relative file paths resolve against (absolute, normalized). */
    public Path baseDir() {
        return baseDir;
    }

    /** The root variable called {@code name}. */
    public Optional<Value> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** The function called {@code name}. */
    public Optional<HclFunction> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** Whether traversals from {@code root} are kept symbolic. */
    public boolean isSymbolicRoot(String root) {
        return symbolicRoots.contains(root);
    }
}
