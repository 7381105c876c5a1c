package io.atlas4j.diff;

import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.StringType;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Hand-built model nodes for diff tests. */
final class Fixtures {

    static final ColumnType INT = new IntegerType(32, false);
    static final ColumnType BIGINT = new IntegerType(64, false);
    static final ColumnType TEXT = new StringType(StringType.Kind.TEXT, 0);

    private Fixtures() {
    }

    static Column col(String name, ColumnType type) {
        return Column.of(name, type, false);
    }

    static Column col(String name, ColumnType type, boolean nullable, Attr... attrs) {
        return new Column(name, type, nullable, Optional.empty(), List.of(attrs));
    }

    static Table table(String name, Column... columns) {
        return Table.of(name, columns);
    }

    static Table attrs(Table t, Attr... attrs) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.indexes(), t.foreignKeys(), t.checks(),
                List.of(attrs), t.triggers());
    }

    static Table pk(Table t, PrimaryKey pk) {
        return new Table(t.name(), t.columns(), Optional.of(pk), t.indexes(), t.foreignKeys(), t.checks(),
                t.attrs(), t.triggers());
    }

    static Table indexes(Table t, Index... indexes) {
        return new Table(t.name(), t.columns(), t.primaryKey(), List.of(indexes), t.foreignKeys(), t.checks(),
                t.attrs(), t.triggers());
    }

    static Table fks(Table t, ForeignKey... fks) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.indexes(), List.of(fks), t.checks(), t.attrs(),
                t.triggers());
    }

    static Table checks(Table t, Check... checks) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.indexes(), t.foreignKeys(), List.of(checks),
                t.attrs(), t.triggers());
    }

    static Table triggers(Table t, Trigger... triggers) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.indexes(), t.foreignKeys(), t.checks(),
                t.attrs(), List.of(triggers));
    }

    static Index index(String name, boolean unique, String... columns) {
        return new Index(name, unique, Arrays.stream(columns).map(IndexPart::column).toList(), List.of());
    }

    static Index index(String name, boolean unique, List<IndexPart> parts, Attr... attrs) {
        return new Index(name, unique, parts, List.of(attrs));
    }

    static ForeignKey fk(String name, String column, String refTable, String refColumn, ForeignKey.Action onDelete) {
        return new ForeignKey(name, List.of(column), "public", refTable, List.of(refColumn),
                ForeignKey.Action.NO_ACTION, onDelete);
    }

    static Trigger trigger(String name, String body) {
        return new Trigger(name, Trigger.Timing.BEFORE, List.of("INSERT"), true, Optional.empty(), body, List.of());
    }
}
