package io.atlas4j.dialect.postgres.plan;

import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Short builders for hand-written change lists. */
final class Fx {

    static final ColumnType INT = new ColumnType.IntegerType(32, false);
    static final ColumnType SMALLINT = new ColumnType.IntegerType(16, false);
    static final ColumnType BIGINT = new ColumnType.IntegerType(64, false);
    static final ColumnType TEXT = new ColumnType.StringType(ColumnType.StringType.Kind.TEXT, 0);
    static final ColumnType BOOL = new ColumnType.BoolType();

    private Fx() {
    }

    static ColumnType varchar(int n) {
        return new ColumnType.StringType(ColumnType.StringType.Kind.VARCHAR, n);
    }

    static Column col(String name, ColumnType type, Attr... attrs) {
        return new Column(name, type, false, Optional.empty(), List.of(attrs));
    }

    static Column nullCol(String name, ColumnType type, Attr... attrs) {
        return new Column(name, type, true, Optional.empty(), List.of(attrs));
    }

    static Column withDefault(Column c, Expr e) {
        return new Column(c.name(), c.type(), c.nullable(), Optional.of(e), c.attrs());
    }

    static Expr lit(String v) {
        return new Expr.Literal(v);
    }

    static Expr raw(String v) {
        return new Expr.RawExpr(v);
    }

    static Comment comment(String text) {
        return new Comment(text);
    }

    /** A table builder. */
    static final class T {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private Optional<PrimaryKey> pk = Optional.empty();
        private final List<Index> indexes = new ArrayList<>();
        private final List<ForeignKey> fks = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<Attr> attrs = new ArrayList<>();
        private final List<Trigger> triggers = new ArrayList<>();

        T(String name) {
            this.name = name;
        }

        T cols(Column... cs) {
            columns.addAll(Arrays.asList(cs));
            return this;
        }

        T pk(PrimaryKey p) {
            pk = Optional.of(p);
            return this;
        }

        T index(Index i) {
            indexes.add(i);
            return this;
        }

        T fk(ForeignKey f) {
            fks.add(f);
            return this;
        }

        T check(Check c) {
            checks.add(c);
            return this;
        }

        T attr(Attr a) {
            attrs.add(a);
            return this;
        }

        T trigger(Trigger t) {
            triggers.add(t);
            return this;
        }

        Table build() {
            return new Table(name, columns, pk, indexes, fks, checks, attrs, triggers);
        }
    }

    static T table(String name) {
        return new T(name);
    }

    static Index index(String name, boolean unique, List<IndexPart> parts, Attr... attrs) {
        return new Index(name, unique, parts, List.of(attrs));
    }

    static Index index(String name, String... columns) {
        return new Index(name, false, Arrays.stream(columns).map(IndexPart::column).toList(), List.of());
    }

    static ForeignKey fk(String name, String column, String refTable, String refColumn) {
        return new ForeignKey(name, List.of(column), "", refTable, List.of(refColumn), ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION);
    }

    static SchemaChange.ModifyTable modify(String schema, Table from, TableChange... changes) {
        return new SchemaChange.ModifyTable(schema, from, from, List.of(changes));
    }

    static SchemaChange.ModifyTable modify(String schema, Table from, Table to, TableChange... changes) {
        return new SchemaChange.ModifyTable(schema, from, to, List.of(changes));
    }

    static TableChange.ModifyColumn modCol(Column from, Column to, ChangeKind... kinds) {
        EnumSet<ChangeKind> set = EnumSet.noneOf(ChangeKind.class);
        set.addAll(Arrays.asList(kinds));
        return new TableChange.ModifyColumn(from, to, set);
    }
}
