package io.atlas4j.dialect.postgres.diff;

import io.atlas4j.diff.DiffOptions;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.StringType;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Model nodes and change spellings for the PostgreSQL diff tests. */
final class PgFixtures {

    static final ColumnType INT = new IntegerType(32, false);
    static final ColumnType BIGINT = new IntegerType(64, false);
    static final ColumnType TEXT = new StringType(StringType.Kind.TEXT, 0);

    private PgFixtures() {
    }

    static Column col(String name, ColumnType type, Attr... attrs) {
        return new Column(name, type, false, Optional.empty(), List.of(attrs));
    }

    static Column col(String name, ColumnType type, Expr defaultValue) {
        return new Column(name, type, false, Optional.of(defaultValue), List.of());
    }

    static Table table(String name, List<Column> columns, List<Index> indexes, List<Attr> attrs) {
        return new Table(name, columns, Optional.empty(), indexes, List.of(), List.of(), attrs);
    }

    /** The changes of a one-table schema diff, spelled compactly (empty when the tables are equal). */
    static List<String> diffTable(Table from, Table to) {
        return diff(Schema.of("public", from), Schema.of("public", to));
    }

    static List<String> diff(Schema from, Schema to) {
        List<SchemaChange> changes = PostgresDiffer.create().diffSchema(from, to, DiffOptions.DEFAULT);
        return changes.stream().flatMap(c -> c instanceof SchemaChange.ModifyTable m
                ? m.changes().stream().map(PgFixtures::describe) : java.util.stream.Stream.of(c.getClass().getSimpleName()))
                .toList();
    }

    static String describe(TableChange c) {
        if (c instanceof TableChange.ModifyColumn m) {
            return "ModifyColumn " + m.to().name() + " " + new TreeSet<>(m.kinds());
        }
        if (c instanceof TableChange.ModifyIndex m) {
            return "ModifyIndex " + m.to().name() + " " + new TreeSet<>(m.kinds());
        }
        if (c instanceof TableChange.ModifyCheck m) {
            return "ModifyCheck " + m.to().name() + " " + new TreeSet<>(m.kinds());
        }
        if (c instanceof TableChange.ModifyForeignKey m) {
            return "ModifyForeignKey " + m.to().name() + " " + new TreeSet<>(m.kinds());
        }
        if (c instanceof TableChange.ModifyAttr m) {
            return "ModifyAttr " + m.change().from() + " -> " + m.change().to();
        }
        if (c instanceof TableChange.AddIndex a) {
            return "AddIndex " + a.index().name();
        }
        if (c instanceof TableChange.DropIndex d) {
            return "DropIndex " + d.index().name();
        }
        if (c instanceof TableChange.AddCheck a) {
            return "AddCheck " + a.check().name();
        }
        if (c instanceof TableChange.DropCheck d) {
            return "DropCheck " + d.check().name();
        }
        return c.getClass().getSimpleName();
    }
}
