package io.atlas4j.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored procedure of a schema.
 *
 * @param name the procedure name
 * @param args the arguments, in order
 * @param body the body, without dollar quotes
 * @param lang the language
 * @param attrs security, comment and other dialect extras
 */
public record Proc(String name, List<FuncArg> args, String body, String lang, List<Attr> attrs) {

    public Proc {
        Names.requireName(name, "procedure");
        args = List.copyOf(args);
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
