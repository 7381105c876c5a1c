package io.atlas4j.state;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.inspect.InspectOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What reading a state needs besides its URL.
 *
 * @param dialect the dialect of the comparison (the target's or the dev database's)
 * @param dev opens the dev database on first use; empty when no {@code --dev-url} was given
 * @param bound the schema the comparison is scoped to, empty for a realm
 * @param options what to inspect
 * @param variables input variables for HCL schema files
 * @param workingDir where relative paths resolve
 */
public record StateContext(String dialect, Optional<Supplier<DevDatabase>> dev, Optional<String> bound,
        InspectOptions options, Map<String, Object> variables, Path workingDir) {

    public StateContext {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(options, "options");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(workingDir, "workingDir");
    }
}
