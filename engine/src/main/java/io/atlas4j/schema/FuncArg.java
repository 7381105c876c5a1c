package io.atlas4j.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * One argument of a function or procedure.
 *
 * @param name the argument name, empty when unnamed
 * @param type the argument type
 * @param mode IN, OUT, INOUT or VARIADIC
 * @param defaultValue the default expression, as the database prints it
 */
public record FuncArg(String name, ColumnType type, Mode mode, Optional<String> defaultValue) {

    /** How the argument passes data. */
    public enum Mode { IN, OUT, INOUT, VARIADIC }

    public FuncArg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }
}
