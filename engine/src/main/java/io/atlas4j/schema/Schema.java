package io.atlas4j.schema;

import java.util.List;
import java.util.Optional;

/**
 * A schema (a namespace of a realm).
 *
 * @param name the schema name
 * @param tables the tables, by name
 * @param views the views, by name
 * @param enums the enum types, by name
 * @param attrs comment and dialect extras
 */
public record Schema(String name, List<Table> tables, List<View> views, List<EnumType> enums, List<Attr> attrs) {

    public Schema {
        Names.requireName(name, "schema");
        tables = Names.uniqueCopy(tables, Table::name, "table", "schema " + name);
        views = Names.uniqueCopy(views, View::name, "view", "schema " + name);
        enums = Names.uniqueCopy(enums, EnumType::name, "enum", "schema " + name);
        attrs = List.copyOf(attrs);
    }

    /** A schema holding only {@code tables}. */
    public static Schema of(String name, Table... tables) {
        return new Schema(name, List.of(tables), List.of(), List.of(), List.of());
    }

    /** The table named {@code name}. */
    public Optional<Table> table(String name) {
        return Names.find(tables, Table::name, name);
    }

    /** The view named {@code name}. */
    public Optional<View> view(String name) {
        return Names.find(views, View::name, name);
    }

    /** The enum type named {@code name}. */
    public Optional<EnumType> enumType(String name) {
        return Names.find(enums, EnumType::name, name);
    }

    /** The schema comment, if any. */
    public Optional<String> comment() {
        return Attrs.comment(attrs);
    }
}
