package io.atlas4j.schema;

import java.util.List;
import java.util.Optional;

/**
 * A schema (a namespace of a realm).
 *
 * @param name the schema name
 * @param tables the tables, by name
 * @param views the views and materialized views, by name
 * @param funcs the functions (overloads share a name)
 * @param procs the procedures
 * @param objects the other objects: enum types, sequences and the dialect's own kinds
 * @param attrs comment and dialect extras
 */
public record Schema(String name, List<Table> tables, List<View> views, List<Func> funcs, List<Proc> procs,
        List<SchemaObject> objects, List<Attr> attrs) {

    public Schema {
        Names.requireName(name, "schema");
        tables = Names.uniqueCopy(tables, Table::name, "table", "schema " + name);
        views = Names.uniqueCopy(views, View::name, "view", "schema " + name);
        funcs = Names.uniqueCopy(funcs, Func::signature, "function", "schema " + name);
        procs = Names.uniqueCopy(procs, Proc::signature, "procedure", "schema " + name);
        objects = Names.uniqueCopy(objects, o -> o.getClass().getName() + ":" + o.name(), "object", "schema " + name);
        attrs = List.copyOf(attrs);
    }

    /** A schema with tables, views and enum types only. */
    public Schema(String name, List<Table> tables, List<View> views, List<EnumType> enums, List<Attr> attrs) {
        this(name, tables, views, List.of(), List.of(), List.copyOf(enums), attrs);
    }

    /** A schema holding only {@code tables}. */
    public static Schema of(String name, Table... tables) {
        return new Schema(name, List.of(tables), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The table named {@code name}. */
    public Optional<Table> table(String name) {
        return Names.find(tables, Table::name, name);
    }

    /** The view named {@code name}. */
    public Optional<View> view(String name) {
        return Names.find(views, View::name, name);
    }

    /** The enum types among {@link #objects()}. */
    public List<EnumType> enums() {
        return objects(EnumType.class);
    }

    /** The objects of class {@code kind}. */
    public <T extends SchemaObject> List<T> objects(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The enum type named {@code name}. */
    public Optional<EnumType> enumType(String name) {
        return object(EnumType.class, name);
    }

    /** The object of class {@code kind} named {@code name}. */
    public <T extends SchemaObject> Optional<T> object(Class<T> kind, String name) {
        return Names.find(objects(kind), SchemaObject::name, name);
    }

    /** The schema comment, if any. */
    public Optional<String> comment() {
        return Attrs.comment(attrs);
    }
}
