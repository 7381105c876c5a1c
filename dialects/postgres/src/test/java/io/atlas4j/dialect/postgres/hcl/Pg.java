package io.atlas4j.dialect.postgres.hcl;

import io.atlas4j.hcl.Value;
import io.atlas4j.schema.Realm;
import io.atlas4j.schemahcl.SchemaHclReader;
import io.atlas4j.schemahcl.SchemaHclResult;
import io.atlas4j.schemahcl.SchemaHclWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test helpers: read HCL text with the PostgreSQL codec, write a realm. */
final class Pg {

    static final PostgresHcl DIALECT = new PostgresHcl();

    private Pg() {
    }

    static SchemaHclResult result(String hcl) {
        return result(hcl, Map.of());
    }

    static SchemaHclResult result(String hcl, Map<String, Value> vars) {
        return new SchemaHclReader(DIALECT).read(List.of(new SchemaHclReader.SourceFile(URI.create("file:///t/schema.pg.hcl"), hcl)),
                vars, Path.of("."));
    }

    static Realm read(String hcl) {
        return result(hcl).realm();
    }

    static String write(Realm realm) {
        return new SchemaHclWriter(DIALECT).write(realm);
    }
}
