package io.atlas4j.dialect.postgres;

import io.atlas4j.dialect.postgres.PostgresAttrs.NullsNotDistinct;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.IndexType;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mutable state of one inspection: catalog rows of every kind land in these builders, which then
 * make the immutable model. Kept apart from the readers so each reader only fills its part.
 */
final class PostgresInspectModel {

    private PostgresInspectModel() {
    }

    /** One schema under construction. */
    static final class SchemaBuilder {
        final String name;
        final String comment;
        final Map<String, TableBuilder> tables = new LinkedHashMap<>();
        final Map<String, ViewBuilder> views = new LinkedHashMap<>();
        final List<SchemaObject> objects = new ArrayList<>();
        final List<Sequence> sequences = new ArrayList<>();
        final List<Func> funcs = new ArrayList<>();
        final List<Proc> procs = new ArrayList<>();
        /** Sequences that serial columns own: part of their column, not schema objects. */
        final Set<String> serialSequences = new HashSet<>();

        SchemaBuilder(String name, String comment) {
            this.name = name;
            this.comment = comment;
        }

        TableBuilder table(String table) {
            return tables.computeIfAbsent(table, TableBuilder::new);
        }

        ViewBuilder view(String view) {
            return views.computeIfAbsent(view, ViewBuilder::new);
        }

        Schema build(InspectOptions options) {
            List<Table> ts = new ArrayList<>(tables.size());
            for (TableBuilder t : tables.values()) {
                if (options.includesObject(name, t.name)) {
                    ts.add(t.build());
                }
            }
            List<View> vs = new ArrayList<>();
            for (ViewBuilder v : views.values()) {
                if (v.definition != null && options.includesObject(name, v.name)) {
                    vs.add(v.build());
                }
            }
            List<SchemaObject> os = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (SchemaObject o : objects) {
                String table = o instanceof PostgresObjects.Policy p ? p.table() : o.name();
                // Overloaded aggregates share a name, which the model keys objects by: the first one wins.
                if (options.includesObject(name, table) && seen.add(o.getClass().getName() + ":" + o.name())) {
                    os.add(o);
                }
            }
            for (Sequence s : sequences) {
                if (!serialSequences.contains(s.name()) && options.includesObject(name, s.name())) {
                    os.add(s);
                }
            }
            List<Func> fs = funcs.stream().filter(f -> options.includesObject(name, f.name())).toList();
            List<Proc> ps = procs.stream().filter(p -> options.includesObject(name, p.name())).toList();
            List<Attr> attrs = comment == null ? List.of() : List.of(new Comment(comment));
            return new Schema(name, ts, vs, fs, ps, os, attrs);
        }
    }

    /** One table under construction. */
    static final class TableBuilder {
        final String name;
        final List<Attr> attrs = new ArrayList<>();
        final List<Column> columns = new ArrayList<>();
        final Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
        final Map<String, FkBuilder> foreignKeys = new LinkedHashMap<>();
        final List<Check> checks = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();

        TableBuilder(String name) {
            this.name = name;
        }

        Table build() {
            Optional<PrimaryKey> pk = Optional.empty();
            List<Index> idx = new ArrayList<>();
            for (IndexBuilder ix : indexes.values()) {
                if (ix.primary) {
                    List<Attr> pkAttrs = ix.include.isEmpty() ? List.of() : List.of(new IndexInclude(ix.include));
                    pk = Optional.of(new PrimaryKey(ix.name, ix.parts, pkAttrs));
                } else {
                    idx.add(ix.build());
                }
            }
            List<ForeignKey> fks = foreignKeys.values().stream().map(FkBuilder::build).toList();
            return new Table(name, columns, pk, idx, fks, checks, attrs, triggers);
        }
    }

    /** One view or materialized view under construction. */
    static final class ViewBuilder {
        final String name;
        String definition;
        final List<Attr> attrs = new ArrayList<>();
        final List<Column> columns = new ArrayList<>();
        final Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
        final List<Trigger> triggers = new ArrayList<>();

        ViewBuilder(String name) {
            this.name = name;
        }

        View build() {
            List<Index> idx = indexes.values().stream().map(IndexBuilder::build).toList();
            return new View(name, definition, columns, idx, attrs, triggers);
        }
    }

    /** One index under construction, filled part by part. */
    static final class IndexBuilder {
        final String name;
        boolean primary;
        boolean unique;
        String constraint;
        String method;
        String predicate;
        String comment;
        boolean nullsNotDistinct;
        Attr storage;
        final List<IndexPart> parts = new ArrayList<>();
        final List<String> include = new ArrayList<>();

        IndexBuilder(String name) {
            this.name = name;
        }

        Index build() {
            List<Attr> attrs = new ArrayList<>();
            attrs.add(new IndexType(method));
            if (predicate != null) {
                attrs.add(new IndexPredicate(predicate));
            }
            if (!include.isEmpty()) {
                attrs.add(new IndexInclude(include));
            }
            if ("u".equals(constraint)) {
                attrs.add(new IndexConstraint(IndexConstraint.Kind.UNIQUE));
            } else if ("x".equals(constraint)) {
                attrs.add(new IndexConstraint(IndexConstraint.Kind.EXCLUDE));
            }
            if (nullsNotDistinct) {
                attrs.add(new NullsNotDistinct());
            }
            if (storage != null) {
                attrs.add(storage);
            }
            if (comment != null) {
                attrs.add(new Comment(comment));
            }
            return new Index(name, unique, parts, attrs);
        }
    }

    /** One foreign key under construction, filled column by column. */
    static final class FkBuilder {
        final String name;
        final List<String> columns = new ArrayList<>();
        final List<String> refColumns = new ArrayList<>();
        final List<Attr> attrs = new ArrayList<>();
        String refSchema;
        String refTable;
        ForeignKey.Action onUpdate;
        ForeignKey.Action onDelete;

        FkBuilder(String name) {
            this.name = name;
        }

        ForeignKey build() {
            return new ForeignKey(name, columns, refSchema, refTable, refColumns, onUpdate, onDelete, attrs);
        }
    }
}
