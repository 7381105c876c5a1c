package io.atlas4j.cli.schema;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.schema.Realm;
import io.atlas4j.schemahcl.HclDialects;
import io.atlas4j.schemahcl.SchemaHclWriter;

/** Writes a realm as Atlas HCL with the dialect's HCL codec. */
final class HclOutput {

    private HclOutput() {
    }

    static String write(Dialect dialect, Realm realm) {
        return new SchemaHclWriter(HclDialects.get(dialect.name())).write(realm);
    }
}
