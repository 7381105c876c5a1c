package io.atlas4j.dialect.postgres.diff;

import static io.atlas4j.dialect.postgres.diff.PgFixtures.INT;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.TEXT;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.diff.DiffOptions;
import io.atlas4j.dialect.postgres.PostgresObjects.Extension;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.SchemaChange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole realms through {@link PostgresDiffer}: enums, extensions and tables together. */
class PostgresRealmDiffTest {

    private static Schema schema(String name, List<Table> tables, List<SchemaObject> objects) {
        return new Schema(name, tables, List.of(), List.of(), List.of(), objects, List.of());
    }

    private static String describe(SchemaChange c) {
        if (c instanceof SchemaChange.ModifyTable m) {
            return "ModifyTable " + m.schema() + "." + m.to().name() + " "
                    + m.changes().stream().map(PgFixtures::describe).toList();
        }
        if (c instanceof SchemaChange.AddObject a) {
            return "AddObject " + a.schema() + "." + a.object().name();
        }
        if (c instanceof SchemaChange.DropObject d) {
            return "DropObject " + d.schema() + "." + d.object().name();
        }
        if (c instanceof SchemaChange.ModifyObject m) {
            return "ModifyObject " + m.schema() + "." + m.to().name();
        }
        if (c instanceof SchemaChange.ModifyRealmObject m) {
            return "ModifyRealmObject " + m.to().name();
        }
        return c.getClass().getSimpleName();
    }

    @Test
    void retypeColumnsToEnumsInTwoSchemas() {
        // E93's change list: enums added in two schemas, columns retyped, an enum dropped.
        EnumType de = new EnumType("de", List.of("x"));
        Realm from = new Realm(List.of(
                schema("public", List.of(Table.of("users", col("state", TEXT), col("status", TEXT),
                        col("dc1", new EnumRef("public", "de")))), List.of(de)),
                schema("test", List.of(), List.of())));
        Realm to = new Realm(List.of(
                schema("public", List.of(Table.of("users", col("state", new EnumRef("public", "state")),
                        col("status", new EnumRef("test", "status")))), List.of(new EnumType("state", List.of("on", "off")))),
                schema("test", List.of(), List.of(new EnumType("status", List.of("a", "b"))))));
        assertThat(PostgresDiffer.create().diffRealm(from, to, DiffOptions.DEFAULT).stream().map(PostgresRealmDiffTest::describe))
                .containsExactly("DropObject public.de", "AddObject public.state",
                        "ModifyTable public.users [ModifyColumn state [TYPE], ModifyColumn status [TYPE], DropColumn]",
                        "AddObject test.status");
    }

    @Test
    void enumValuesAndExtensionVersions() {
        Realm from = new Realm(List.of(schema("public", List.of(), List.of(new EnumType("state", List.of("on", "off"))))),
                List.of(new Extension("hstore", "public", "1.7", List.of())));
        Realm to = new Realm(List.of(schema("public", List.of(),
                List.of(new EnumType("state", List.of("on", "off", "unknown"))))),
                List.of(new Extension("hstore", "public", "1.8", List.of())));
        assertThat(PostgresDiffer.create().diffRealm(from, to, DiffOptions.DEFAULT).stream().map(PostgresRealmDiffTest::describe))
                .containsExactly("ModifyRealmObject hstore", "ModifyObject public.state");
    }

    @Test
    void sameRealmIsSynced() {
        Realm realm = new Realm(List.of(schema("public", List.of(Table.of("t", col("id", INT))),
                List.of(new EnumType("e", List.of("a"))))), List.of(new Extension("citext", "public", "1.6", List.of())));
        assertThat(PostgresDiffer.create().diffRealm(realm, realm, DiffOptions.DEFAULT)).isEmpty();
    }
}
