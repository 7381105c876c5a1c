package io.atlas4j.schemahcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generic reader and writer with a minimal dialect: only the SPI, no PostgreSQL. */
class GenericReaderTest {

    /** Knows {@code int} and {@code text}; a table may say {@code strict = true}. */
    static final class Tiny implements HclDialect {
        record Strict() implements Attr {
        }

        @Override
        public String name() {
            return "tiny";
        }

        @Override
        public ColumnType parseType(TypeSpec spec) {
            if (spec instanceof TypeSpec.Named n && n.name().equals("int")) {
                return new ColumnType.IntegerType(32, false);
            }
            if (spec instanceof TypeSpec.Named n && n.name().equals("text")) {
                return new ColumnType.StringType(ColumnType.StringType.Kind.TEXT, 0);
            }
            if (spec instanceof TypeSpec.Raw r) {
                return new ColumnType.UnsupportedType(r.sql());
            }
            throw new IllegalArgumentException("unknown type " + spec);
        }

        @Override
        public TypeSpec formatType(ColumnType type, Realm realm) {
            if (type instanceof ColumnType.IntegerType) {
                return new TypeSpec.Named("int", List.of());
            }
            if (type instanceof ColumnType.StringType) {
                return new TypeSpec.Named("text", List.of());
            }
            return new TypeSpec.Raw(((ColumnType.UnsupportedType) type).raw());
        }

        @Override
        public String sqlType(ColumnType type) {
            return formatType(type, new Realm(List.of())).toString();
        }

        @Override
        public ColumnType parseSqlType(String sql) {
            return parseType(new TypeSpec.Named(sql, List.of()));
        }

        @Override
        public Set<String> extraNames(BlockKind kind) {
            return kind == BlockKind.TABLE ? Set.of("strict") : Set.of();
        }

        @Override
        public List<Attr> readAttrs(BlockKind kind, HclNode node) {
            return kind == BlockKind.TABLE && node.bool("strict").orElse(false) ? List.of(new Strict()) : List.of();
        }

        @Override
        public void writeAttrs(BlockKind kind, List<Attr> attrs, OutBlock out) {
            if (kind == BlockKind.TABLE && attrs.contains(new Strict())) {
                out.attr("strict", "true");
            }
        }
    }

    private static Realm read(String hcl) {
        return new SchemaHclReader(new Tiny()).read(List.of(new SchemaHclReader.SourceFile(URI.create("file:///m.hcl"), hcl)),
                Map.of(), Path.of(".")).realm();
    }

    @Test
    void dialectAttributesAndTypesPlugIn() {
        String hcl = "schema \"main\" {}\ntable \"t\" {\n  schema = schema.main\n  strict = true\n"
                + "  column \"a\" { type = int }\n  column \"b\" {\n    type = sql(\"BLOB\")\n    null = true\n  }\n}\n";
        Realm r = read(hcl);
        Table expected = new Table("t", List.of(Column.of("a", new ColumnType.IntegerType(32, false), false),
                Column.of("b", new ColumnType.UnsupportedType("BLOB"), true)), java.util.Optional.empty(), List.of(),
                List.of(), List.of(), List.of(new Tiny.Strict()));
        assertThat(r).isEqualTo(new Realm(List.of(Schema.of("main", expected))));
        String written = new SchemaHclWriter(new Tiny()).write(r);
        assertThat(written).isEqualTo("""
                table "t" {
                  schema = schema.main
                  strict = true
                  column "a" {
                    null = false
                    type = int
                  }
                  column "b" {
                    null = true
                    type = sql("BLOB")
                  }
                }
                schema "main" {
                }
                """);
        assertThat(read(written)).isEqualTo(r);
    }

    @Test
    void attributesOfOtherDialectsAreRejected() {
        String hcl = "schema \"main\" {}\ntable \"t\" {\n  schema = schema.main\n  row_security { enabled = true }\n"
                + "  column \"a\" { type = int }\n}\n";
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> read(hcl));
        assertThat(e.getMessage()).isEqualTo("/m.hcl:4:3: unsupported block \"row_security\" in table \"t\"");
    }

    @Test
    void dialectTypeErrorsAreReportedAtTheType() {
        String hcl = "schema \"main\" {}\ntable \"t\" {\n  schema = schema.main\n  column \"a\" { type = uuid }\n}\n";
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> read(hcl));
        assertThat(e.getMessage()).startsWith("/m.hcl:4:23: unknown type");
    }
}
