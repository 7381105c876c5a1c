package io.atlas4j.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function of a schema. Overloads share a name; {@link #signature()} tells them apart.
 *
 * @param name the function name
 * @param args the arguments, in order
 * @param returns the return type as the database spells it ({@code integer}, {@code trigger},
 *     {@code SETOF users}, {@code TABLE(a integer)})
 * @param body the body, without dollar quotes
 * @param lang the language ({@code sql}, {@code plpgsql})
 * @param attrs volatility, strictness, security, comment and other dialect extras
 */
public record Func(String name, List<FuncArg> args, String returns, String body, String lang, List<Attr> attrs) {

    public Func {
        Names.requireName(name, "function");
        args = List.copyOf(args);
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(lang, "lang");
        attrs = List.copyOf(attrs);
    }

    /** The attribute of {@code kind}, if present. */
    public <T extends Attr> Optional<T> attr(Class<T> kind) {
        return Attrs.find(attrs, kind);
    }

    /** Name plus input argument types: the identity of an overload. */
    public String signature() {
        return Routines.signature(name, args);
    }
}
