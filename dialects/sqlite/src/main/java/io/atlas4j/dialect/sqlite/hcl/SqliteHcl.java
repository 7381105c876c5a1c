package io.atlas4j.dialect.sqlite.hcl;

import io.atlas4j.dialect.sqlite.SqliteAttrs;
import io.atlas4j.dialect.sqlite.SqliteType;
import io.atlas4j.dialect.sqlite.SqliteTypes;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Attrs;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Realm;
import io.atlas4j.schemahcl.BlockKind;
import io.atlas4j.schemahcl.HclDialect;
import io.atlas4j.schemahcl.HclNode;
import io.atlas4j.schemahcl.OutBlock;
import io.atlas4j.schemahcl.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQLite's HCL schema language (Atlas's {@code sqlite} sqlspec, schema-hcl.md §7.4): any declared type
 * (registered names bare, others as {@code sql("...")}), {@code auto_increment} on columns, and the table
 * options {@code strict} and {@code without_rowid}. View and trigger blocks are the generic ones: a view's
 * {@code as} is its query, a trigger's {@code as} its {@code BEGIN ... END} body.
 */
public final class SqliteHcl implements HclDialect {

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public ColumnType parseType(TypeSpec spec) {
        if (spec instanceof TypeSpec.Raw r) {
            return SqliteTypes.parse(r.sql());
        }
        if (spec instanceof TypeSpec.Named n) {
            String name = n.name().toLowerCase(Locale.ROOT);
            // Multi-word names are written with underscores (double_precision); others keep theirs (my_type).
            String spaced = name.replace('_', ' ');
            if (!spaced.equals(name) && SqliteTypes.registered(spaced)) {
                name = spaced;
            }
            return new SqliteType(name, n.args());
        }
        throw new IllegalArgumentException("sqlite has no user-defined type references");
    }

    @Override
    public TypeSpec formatType(ColumnType type, Realm realm) {
        SqliteType t = type instanceof SqliteType s ? s : SqliteTypes.parse(SqliteTypes.format(type));
        if (SqliteTypes.registered(t.name())) {
            return new TypeSpec.Named(t.name().replace(' ', '_'), t.args());
        }
        return new TypeSpec.Raw(SqliteTypes.full(t));
    }

    @Override
    public String sqlType(ColumnType type) {
        return SqliteTypes.format(type);
    }

    @Override
    public ColumnType parseSqlType(String sql) {
        return SqliteTypes.parse(sql);
    }

    @Override
    public Set<String> extraNames(BlockKind kind) {
        return switch (kind) {
            case TABLE -> Set.of("strict", "without_rowid");
            case COLUMN -> Set.of("auto_increment");
            default -> Set.of();
        };
    }

    @Override
    public List<Attr> readAttrs(BlockKind kind, HclNode node) {
        List<Attr> attrs = new ArrayList<>();
        if (kind == BlockKind.TABLE) {
            if (node.bool("without_rowid").orElse(false)) {
                attrs.add(new SqliteAttrs.WithoutRowId());
            }
            if (node.bool("strict").orElse(false)) {
                attrs.add(new SqliteAttrs.Strict());
            }
        } else if (kind == BlockKind.COLUMN && node.bool("auto_increment").orElse(false)) {
            attrs.add(new SqliteAttrs.AutoIncrement(0));
        }
        return attrs;
    }

    @Override
    public void writeAttrs(BlockKind kind, List<Attr> attrs, OutBlock out) {
        if (kind == BlockKind.TABLE) {
            if (Attrs.find(attrs, SqliteAttrs.Strict.class).isPresent()) {
                out.attr("strict", "true");
            }
            if (Attrs.find(attrs, SqliteAttrs.WithoutRowId.class).isPresent()) {
                out.attr("without_rowid", "true");
            }
        } else if (kind == BlockKind.COLUMN && Attrs.find(attrs, SqliteAttrs.AutoIncrement.class).isPresent()) {
            out.attr("auto_increment", "true");
        }
    }
}
