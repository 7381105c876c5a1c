package io.atlas4j.schemahcl;

import io.atlas4j.diff.Rename;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.hcl.Attribute;
import io.atlas4j.hcl.Block;
import io.atlas4j.hcl.EvalContext;
import io.atlas4j.hcl.Evaluator;
import io.atlas4j.hcl.Expression;
import io.atlas4j.hcl.HclFile;
import io.atlas4j.hcl.HclParser;
import io.atlas4j.hcl.HclType;
import io.atlas4j.hcl.Locals;
import io.atlas4j.hcl.Value;
import io.atlas4j.hcl.Values;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.Materialized;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.RealmObject;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.source.SourceRange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads Atlas HCL schema files into a {@link Realm} (Atlas's {@code sqlspec} decoding): the generic blocks here,
 * the dialect's types, attributes and blocks through its {@link HclDialect}. All errors of the document are
 * reported together as one {@link DiagnosticException} with {@code file:line:col} positions.
 */
public final class SchemaHclReader {

    /** One input file. */
    public record SourceFile(URI uri, String text) {
    }

    private static final Set<String> GENERIC_TOP = Set.of("schema", "table", "view", "materialized", "enum",
            "function", "procedure", "trigger", "sequence", "variable", "locals");
    /** Blocks that must name their schema. */
    private static final Set<String> NEED_SCHEMA = Set.of("table", "view", "materialized", "enum", "function",
            "procedure", "sequence");
    private static final List<String> ACTIONS = List.of("NO_ACTION", "RESTRICT", "CASCADE", "SET_NULL", "SET_DEFAULT");

    private final HclDialect dialect;

    /** A reader for one dialect's documents. */
    public SchemaHclReader(HclDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Reads files or directories (a directory contributes its direct {@code *.hcl} children, in name order).
     *
     * @throws DiagnosticException for invalid documents
     * @throws Atlas4jException when a file cannot be read or none is found
     */
    public SchemaHclResult read(List<Path> paths, Map<String, Value> inputs) {
        List<SourceFile> files = new ArrayList<>();
        for (Path p : paths) {
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".hcl") && Files.isRegularFile(f))
                                .sorted().toList()) {
                            files.add(new SourceFile(f.toUri(), Files.readString(f)));
                        }
                    }
                } else {
                    files.add(new SourceFile(p.toUri(), Files.readString(p)));
                }
            } catch (IOException e) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot read schema file " + p + ": " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "no schema files found in: " + paths);
        }
        return read(files, inputs, paths.isEmpty() ? Path.of("") : paths.get(0).toAbsolutePath().getParent());
    }

    /**
     * Reads in-memory files as one document.
     *
     * @param inputs values of the document's {@code variable}s
     * @param baseDir where relative paths of file functions resolve
     */
    public SchemaHclResult read(List<SourceFile> files, Map<String, Value> inputs, Path baseDir) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Block> top = new ArrayList<>();
        for (SourceFile f : files) {
            try {
                HclFile file = HclParser.parse(f.uri(), f.text());
                if (!file.body().blocks("env").isEmpty()) {
                    throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot parse project file \""
                            + f.uri().getPath() + "\" as a schema file");
                }
                for (Attribute a : file.body().attributes()) {
                    diagnostics.add(new Diagnostic(a.range(), "unexpected attribute \"" + a.name()
                            + "\" at the top level of a schema file"));
                }
                top.addAll(file.body().blocks());
            } catch (DiagnosticException e) {
                diagnostics.addAll(e.diagnostics());
            }
        }
        if (!diagnostics.isEmpty()) {
            throw new DiagnosticException(diagnostics);
        }
        EvalContext ctx = EvalContext.create(baseDir == null ? Path.of("") : baseDir);
        ctx = ctx.withVariable("var", new Value.Obj(variables(top, inputs, ctx)));
        List<Block> locals = top.stream().filter(b -> b.type().equals("locals")).toList();
        ctx = ctx.withVariable("local", new Value.Obj(Locals.evaluate(locals, ctx)));
        return new Run(new Document(dialect, ctx), top).run();
    }

    private static Map<String, Value> variables(List<Block> top, Map<String, Value> inputs, EvalContext ctx) {
        Map<String, Value> values = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Block v : top) {
            if (!v.type().equals("variable")) {
                continue;
            }
            if (v.labels().size() != 1) {
                diagnostics.add(new Diagnostic(v.range(), "variable block needs exactly one label, its name"));
                continue;
            }
            String name = v.labels().get(0);
            try {
                HclType type = v.body().attribute("type").map(a -> HclType.parse(a.expression())).orElse(null);
                Value value;
                if (inputs.containsKey(name)) {
                    value = inputs.get(name);
                } else if (v.body().attribute("default").isPresent()) {
                    value = Evaluator.evaluate(v.body().attribute("default").get().expression(), ctx);
                } else {
                    diagnostics.add(new Diagnostic(v.range(), "missing value for required variable \"" + name + "\""));
                    continue;
                }
                values.put(name, type == null ? value : type.convert(value, v.range()));
            } catch (DiagnosticException e) {
                diagnostics.addAll(e.diagnostics());
            }
        }
        if (!diagnostics.isEmpty()) {
            throw new DiagnosticException(diagnostics);
        }
        return values;
    }

    /** One reading: the document plus what has been built so far. */
    private final class Run {
        private final Document doc;
        private final List<Block> top;
        private final Map<String, SourceRange> positions = new LinkedHashMap<>();
        /** View path ({@code schema.view}) to the views it names in {@code depends_on}. */
        private final Map<String, List<String>> viewDependencies = new LinkedHashMap<>();
        private final Map<String, Document.Entry> viewBlocks = new HashMap<>();
        private final Map<String, List<Table>> tables = new LinkedHashMap<>();
        private final Map<String, List<View>> views = new LinkedHashMap<>();
        private final Map<String, List<Func>> funcs = new LinkedHashMap<>();
        private final Map<String, List<Proc>> procs = new LinkedHashMap<>();
        private final Map<String, List<SchemaObject>> objects = new LinkedHashMap<>();
        private final Map<String, Schema> schemaBlocks = new LinkedHashMap<>();
        private final List<RealmObject> realmObjects = new ArrayList<>();
        private final List<Rename> renames = new ArrayList<>();
        /** Triggers by "schema\0owner". */
        private final Map<String, List<Trigger>> triggers = new LinkedHashMap<>();

        Run(Document doc, List<Block> top) {
            this.doc = doc;
            this.top = top;
        }

        SchemaHclResult run() {
            Set<String> allowed = new HashSet<>(GENERIC_TOP);
            allowed.addAll(dialect.topLevelBlocks());
            for (Block b : top) {
                if (!allowed.contains(b.type())) {
                    doc.error(b.range(), "unsupported block \"" + b.type() + "\" in a " + dialect.name()
                            + " schema file");
                }
            }
            readSchemas();
            index();
            for (Document.Entry e : doc.entries("table")) {
                readTable(e);
            }
            for (String kind : List.of("view", "materialized")) {
                for (Document.Entry e : doc.entries(kind)) {
                    readView(e);
                }
            }
            viewCycles();
            doc.entries("enum").forEach(this::readEnum);
            doc.entries("sequence").forEach(this::readSequence);
            doc.entries("function").forEach(e -> readRoutine(e, true));
            doc.entries("procedure").forEach(e -> readRoutine(e, false));
            doc.entries("trigger").forEach(this::readTrigger);
            for (String kind : dialect.topLevelBlocks()) {
                for (Document.Entry e : doc.entries(kind)) {
                    HclNode node = new HclNode(e.block(), doc, e, e.schema());
                    dialect.readObject(node).ifPresent(o -> {
                        if (o instanceof HclDialect.InSchema s) {
                            objects.computeIfAbsent(s.schema(), k -> new ArrayList<>()).add(s.object());
                            positions.put(s.schema() + "." + s.object().name(), e.block().range());
                        } else if (o instanceof HclDialect.InRealm r) {
                            realmObjects.add(r.object());
                            positions.put(r.object().name(), e.block().range());
                        }
                    });
                }
            }
            if (top.isEmpty()) {
                return new SchemaHclResult(new Realm(List.of()), positions);
            }
            Realm realm = assemble();
            if (!doc.diagnostics().isEmpty()) {
                throw new DiagnosticException(doc.diagnostics());
            }
            return new SchemaHclResult(realm, positions, renames);
        }

        /**
         * Records the {@code renamed_from} hint of a table, column or index block: a string naming another
         * object (renaming from itself is an error).
         */
        private void renamedFrom(HclNode n, Rename.Kind kind, String schema, String table, String name) {
            Optional<Attribute> a = n.attribute("renamed_from");
            if (a.isEmpty()) {
                return;
            }
            Optional<String> from = n.string("renamed_from");
            if (from.isEmpty()) {
                return;
            }
            String what = kind.name().toLowerCase();
            if (from.get().isEmpty()) {
                n.error(a.get().range(), "renamed_from of " + what + " \"" + name + "\" must not be empty");
            } else if (from.get().equals(name)) {
                n.error(a.get().range(), what + " \"" + name + "\" cannot be renamed from itself");
            } else {
                renames.add(new Rename(kind, schema, table, name, from.get()));
            }
        }

        private void readSchemas() {
            for (Block b : top) {
                if (!b.type().equals("schema")) {
                    continue;
                }
                if (b.labels().size() != 1) {
                    doc.error(b.range(), "schema block needs exactly one label, its name");
                    continue;
                }
                HclNode n = new HclNode(b, doc, null, "");
                String real = n.string("name").orElse(b.labels().get(0));
                if (doc.schemaNames().containsKey(b.labels().get(0))) {
                    doc.error(b.range(), "duplicate schema \"" + b.labels().get(0) + "\"");
                    continue;
                }
                doc.addSchema(b.labels().get(0), real);
                positions.put(real, b.range());
            }
            for (Block b : top) {
                if (b.type().equals("schema") && b.labels().size() == 1) {
                    HclNode n = new HclNode(b, doc, null, doc.schemaNames().get(b.labels().get(0)));
                    n.checkNames(union(Set.of("name", "comment"), dialect.extraNames(BlockKind.SCHEMA)), "schema block");
                    List<Attr> attrs = new ArrayList<>();
                    n.string("comment").ifPresent(c -> attrs.add(new Comment(c)));
                    attrs.addAll(dialect.readAttrs(BlockKind.SCHEMA, n));
                    String real = n.schema();
                    if (!schemaBlocks.containsKey(real)) {
                        schemaBlocks.put(real, new Schema(real, List.of(), List.of(), List.of(), List.of(), List.of(), attrs));
                    }
                }
            }
        }

        /** Registers every object block with its schema, rejecting duplicates. */
        private void index() {
            Map<String, Block> seen = new LinkedHashMap<>();
            for (Block b : top) {
                String type = b.type();
                if (type.equals("schema") || type.equals("variable") || type.equals("locals")
                        || !(GENERIC_TOP.contains(type) || dialect.topLevelBlocks().contains(type))) {
                    continue;
                }
                if (b.labels().isEmpty() || b.labels().size() > 2) {
                    doc.error(b.range(), type + " block needs a name label");
                    continue;
                }
                List<Value> eachValues = new ArrayList<>();
                eachValues.add(null);
                if (b.body().attribute("for_each").isPresent()) {
                    eachValues = forEach(b);
                }
                for (Value each : eachValues) {
                    indexOne(b, type, each, seen);
                }
            }
        }

        /** The {@code each} objects of a {@code for_each} block: one per list item or map entry. */
        private List<Value> forEach(Block b) {
            HclNode n = new HclNode(b, doc, null, "");
            Optional<Value> v = n.value("for_each");
            List<Value> out = new ArrayList<>();
            if (v.isEmpty()) {
                return out;
            }
            if (v.get() instanceof Value.Obj o) {
                o.entries().forEach((k, x) -> out.add(new Value.Obj(Map.of("key", Value.of(k), "value", x))));
            } else if (v.get() instanceof Value.ListV || v.get() instanceof Value.SetV) {
                for (Value x : Values.asList(v.get(), b.range())) {
                    out.add(new Value.Obj(Map.of("key", x, "value", x)));
                }
            } else {
                doc.error(b.body().attribute("for_each").get().expression().range(),
                        "for_each must be a list, a set or a map, got " + v.get().typeName());
            }
            return out;
        }

        private void indexOne(Block b, String type, Value each, Map<String, Block> seen) {
            {
                String qualifier = b.labels().size() == 2 ? b.labels().get(0) : null;
                String name = b.labels().get(b.labels().size() - 1);
                String schema = "";
                Optional<Attribute> s = b.body().attribute("schema");
                if (s.isPresent()) {
                    HclNode n = new HclNode(b, doc, new Document.Entry(type, qualifier, name, "", b, each), "");
                    List<HclNode.Located> refs = n.list("schema");
                    if (refs.isEmpty()) {
                        return;
                    }
                    Optional<String> real = doc.schema(refs.get(0));
                    if (real.isEmpty()) {
                        return;
                    }
                    schema = real.get();
                } else if (NEED_SCHEMA.contains(type)) {
                    doc.error(b.range(), "missing attribute \"schema\" in " + type + " \"" + name + "\"");
                    return;
                }
                // Expanded for_each blocks share their labels (trigger names are per table).
                if (!type.equals("function") && !type.equals("procedure") && each == null) {
                    // Trigger names are per table: two blocks of one name on different tables are two triggers.
                    String owner = type.equals("trigger")
                            ? "\0" + b.body().attribute("on").map(a -> traversal(a.expression())).orElse("") : "";
                    String key = "q\0" + type + "\0" + (qualifier == null ? "" : qualifier) + "\0" + name + owner;
                    Block first = seen.putIfAbsent(key, b);
                    Block firstScoped = schema.isEmpty() ? null
                            : seen.putIfAbsent("s\0" + type + "\0" + schema + "\0" + name + owner, b);
                    if (first != null || firstScoped != null) {
                        Block f = first != null ? first : firstScoped;
                        doc.error(b.labelRanges().get(b.labels().size() - 1), "duplicate " + type + " \"" + name
                                + "\" (first defined at " + f.range() + ")"
                                + (qualifier == null ? "; use qualified labels (" + type + " \"<schema>\" \"" + name + "\")" : ""));
                        return;
                    }
                }
                doc.add(new Document.Entry(type, qualifier, name, schema, b, each));
            }
        }

        /** A reference's path ({@code table.orders}); any other expression by its position, so never equal. */
        private static String traversal(Expression e) {
            if (e instanceof Expression.VariableExpr v) {
                return v.name();
            }
            if (e instanceof Expression.GetAttrExpr g) {
                return traversal(g.target()) + "." + g.name();
            }
            return String.valueOf(e.range());
        }

        private void readTable(Document.Entry e) {
            HclNode n = new HclNode(e.block(), doc, e, e.schema());
            Set<String> extra = dialect.extraNames(BlockKind.TABLE);
            n.checkNames(union(Set.of("schema", "comment", "column", "primary_key", "index", "foreign_key", "check",
                    "renamed_from"), extra), "table \"" + e.name() + "\"");
            String path = e.schema() + "." + e.name();
            positions.put(path, e.block().range());
            renamedFrom(n, Rename.Kind.TABLE, e.schema(), e.name(), e.name());
            List<Column> columns = new ArrayList<>();
            for (HclNode c : n.children("column")) {
                column(c, path, true).ifPresent(columns::add);
                if (c.block().labels().size() == 1) {
                    renamedFrom(c, Rename.Kind.COLUMN, e.schema(), e.name(), c.name());
                }
            }
            Optional<PrimaryKey> pk = Optional.empty();
            List<HclNode> pks = n.children("primary_key");
            if (pks.size() > 1) {
                n.error(pks.get(1).range(), "table \"" + e.name() + "\" has more than one primary_key block");
            }
            if (!pks.isEmpty()) {
                HclNode p = pks.get(0);
                p.checkNames(union(Set.of("columns", "on", "include", "comment"), dialect.extraNames(BlockKind.PRIMARY_KEY)),
                        "primary_key of table \"" + e.name() + "\"");
                List<IndexPart> parts = parts(p, "primary key of table \"" + e.name() + "\"");
                List<Attr> attrs = new ArrayList<>(dialect.readAttrs(BlockKind.PRIMARY_KEY, p));
                if (p.attribute("include").isPresent()) {
                    attrs.add(new IndexInclude(p.columns("include")));
                }
                p.string("comment").ifPresent(c -> attrs.add(new Comment(c)));
                if (!parts.isEmpty()) {
                    pk = Optional.of(new PrimaryKey(p.name(), parts, attrs));
                    positions.put(path + "." + (p.name().isEmpty() ? "primary_key" : p.name()), p.range());
                }
            }
            List<Index> indexes = new ArrayList<>();
            for (String kind : List.of("index", "unique", "exclude")) {
                if (!kind.equals("index") && !extra.contains(kind)) {
                    continue;
                }
                for (HclNode i : n.children(kind)) {
                    index(i, kind, kind.equals("index")).ifPresent(ix -> {
                        indexes.add(ix);
                        positions.put(path + "." + ix.name(), i.range());
                        if (kind.equals("index")) {
                            renamedFrom(i, Rename.Kind.INDEX, e.schema(), e.name(), ix.name());
                        }
                    });
                }
            }
            List<ForeignKey> fks = new ArrayList<>();
            for (HclNode f : n.children("foreign_key")) {
                foreignKey(f, e).ifPresent(fk -> {
                    fks.add(fk);
                    positions.put(path + "." + fk.name(), f.range());
                });
            }
            List<Check> checks = new ArrayList<>();
            for (HclNode c : n.children("check")) {
                c.checkNames(union(Set.of("expr"), dialect.extraNames(BlockKind.CHECK)), "check of table \"" + e.name() + "\"");
                Optional<String> expr = c.string("expr");
                if (expr.isEmpty()) {
                    if (c.attribute("expr").isEmpty()) {
                        c.error(c.range(), "missing attribute \"expr\" in check \"" + c.name() + "\"");
                    }
                    continue;
                }
                checks.add(new Check(c.name(), expr.get(), dialect.readAttrs(BlockKind.CHECK, c)));
                if (!c.name().isEmpty()) {
                    positions.put(path + "." + c.name(), c.range());
                }
            }
            List<Attr> attrs = new ArrayList<>();
            n.string("comment").ifPresent(c -> attrs.add(new Comment(c)));
            attrs.addAll(dialect.readAttrs(BlockKind.TABLE, n));
            try {
                tables.computeIfAbsent(e.schema(), k -> new ArrayList<>())
                        .add(new Table(e.name(), columns, pk, indexes, fks, checks, attrs));
            } catch (IllegalArgumentException ex) {
                n.error(e.block().range(), ex.getMessage());
            }
        }

        private Optional<Column> column(HclNode c, String owner) {
            return column(c, owner, false);
        }

        /** A column block; {@code renamable}: a table's column, which may carry {@code renamed_from}. */
        private Optional<Column> column(HclNode c, String owner, boolean renamable) {
            Set<String> known = new HashSet<>(Set.of("null", "type", "default", "comment", "collate", "as", "identity"));
            if (renamable) {
                known.add("renamed_from");
            }
            c.checkNames(union(known, dialect.extraNames(BlockKind.COLUMN)), "column \"" + c.name() + "\"");
            if (c.block().labels().size() != 1) {
                c.error(c.range(), "column block needs exactly one label, its name");
                return Optional.empty();
            }
            positions.put(owner + "." + c.name(), c.range());
            if (c.attribute("type").isEmpty()) {
                c.error(c.range(), "missing attribute \"type\" in column \"" + c.name() + "\"");
                return Optional.empty();
            }
            Optional<ColumnType> type = c.type("type");
            boolean nullable = c.bool("null").orElse(false);
            Optional<Expr> def = c.attribute("default").flatMap(a -> c.eval(a.expression()).flatMap(v -> expr(v, a, c)));
            List<Attr> attrs = new ArrayList<>();
            c.string("comment").ifPresent(s -> attrs.add(new Comment(s)));
            c.string("collate").ifPresent(s -> attrs.add(new Collation(s)));
            generated(c).ifPresent(attrs::add);
            List<HclNode> ids = c.children("identity");
            if (!ids.isEmpty()) {
                HclNode id = ids.get(0);
                id.checkNames(Set.of("generated", "start", "increment"), "identity of column \"" + c.name() + "\"");
                Identity.Generation g = id.keyword("generated", List.of("ALWAYS", "BY_DEFAULT"))
                        .map(Identity.Generation::valueOf).orElse(Identity.Generation.BY_DEFAULT);
                attrs.add(new Identity(g, id.number("start").orElse(1L), id.number("increment").orElse(1L)));
            }
            attrs.addAll(dialect.readAttrs(BlockKind.COLUMN, c));
            return type.map(t -> new Column(c.name(), t, nullable, def, attrs));
        }

        private Optional<GeneratedExpr> generated(HclNode c) {
            if (c.attribute("as").isPresent()) {
                return c.string("as").map(x -> new GeneratedExpr(x, dialect.generatedStoredByDefault()));
            }
            List<HclNode> as = c.children("as");
            if (as.isEmpty()) {
                return Optional.empty();
            }
            HclNode g = as.get(0);
            g.checkNames(Set.of("expr", "type"), "as block of column \"" + c.name() + "\"");
            Optional<String> x = g.string("expr");
            if (x.isEmpty()) {
                g.error(g.range(), "missing attribute \"expr\" in the as block of column \"" + c.name() + "\"");
                return Optional.empty();
            }
            boolean stored = g.keyword("type", List.of("STORED", "VIRTUAL", "PERSISTENT"))
                    .map(t -> !t.equals("VIRTUAL")).orElse(dialect.generatedStoredByDefault());
            return Optional.of(new GeneratedExpr(x.get(), stored));
        }

        private Optional<Expr> expr(Value v, Attribute a, HclNode at) {
            Optional<String> raw = Values.rawSql(v);
            if (raw.isPresent()) {
                return Optional.of(new Expr.RawExpr(raw.get()));
            }
            if (v instanceof Value.Str s) {
                String text = s.value();
                // A string already in double quotes is the literal it quotes ("\"x\"" is 'x').
                if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                    text = text.substring(1, text.length() - 1);
                }
                return Optional.of(new Expr.Literal("'" + text.replace("'", "''") + "'"));
            }
            if (v instanceof Value.Num || v instanceof Value.Bool) {
                return Optional.of(new Expr.Literal(Values.asString(v, a.range())));
            }
            at.error(a.expression().range(), "default must be a string, number, bool or sql(\"...\"), got " + v.typeName());
            return Optional.empty();
        }

        private List<IndexPart> parts(HclNode i, String what) {
            boolean hasColumns = i.attribute("columns").isPresent();
            List<HclNode> on = i.children("on");
            if (hasColumns && !on.isEmpty()) {
                i.error(i.range(), "multiple definitions for " + what + ", use \"columns\" or \"on\"");
                return List.of();
            }
            if (!hasColumns && on.isEmpty()) {
                i.error(i.range(), "missing definition for " + what);
                return List.of();
            }
            List<IndexPart> parts = new ArrayList<>();
            if (hasColumns) {
                i.columns("columns").forEach(c -> parts.add(IndexPart.column(c)));
                if (i.list("columns").isEmpty()) {
                    i.error(i.attribute("columns").get().range(), "columns of " + what + " must not be empty");
                }
                return parts;
            }
            for (HclNode p : on) {
                p.checkNames(union(Set.of("column", "expr", "desc"), dialect.extraNames(BlockKind.INDEX_PART)),
                        "on block of " + what);
                IndexPart.Key key;
                if (p.attribute("column").isPresent() == p.attribute("expr").isPresent()) {
                    p.error(p.range(), "an on block needs exactly one of \"column\" or \"expr\"");
                    continue;
                }
                if (p.attribute("column").isPresent()) {
                    List<HclNode.Located> refs = p.list("column");
                    Optional<Document.ColumnRef> col = refs.isEmpty() ? Optional.empty() : p.column(refs.get(0));
                    if (col.isEmpty()) {
                        continue;
                    }
                    key = new IndexPart.ColumnKey(col.get().column());
                } else {
                    Optional<String> x = p.string("expr");
                    if (x.isEmpty()) {
                        continue;
                    }
                    key = new IndexPart.ExprKey(x.get());
                }
                parts.add(new IndexPart(key, p.bool("desc").orElse(false), dialect.readAttrs(BlockKind.INDEX_PART, p)));
            }
            return parts;
        }

        private Optional<Index> index(HclNode i, String kind) {
            return index(i, kind, false);
        }

        /** An index block; {@code renamable}: a table's index, which may carry {@code renamed_from}. */
        private Optional<Index> index(HclNode i, String kind, boolean renamable) {
            String what = (kind.equals("index") ? "index" : kind + " constraint") + " \"" + i.name() + "\"";
            Set<String> known = new HashSet<>(Set.of("columns", "on", "where", "include", "comment"));
            if (kind.equals("index")) {
                known.add("unique");
            }
            if (renamable) {
                known.add("renamed_from");
            }
            i.checkNames(union(known, dialect.extraNames(BlockKind.INDEX)), what);
            if (i.block().labels().size() != 1) {
                i.error(i.range(), kind + " block needs exactly one label, its name");
                return Optional.empty();
            }
            List<IndexPart> parts = parts(i, what);
            if (parts.isEmpty()) {
                return Optional.empty();
            }
            List<Attr> attrs = new ArrayList<>(dialect.readAttrs(BlockKind.INDEX, i));
            i.string("where").ifPresent(w -> attrs.add(new IndexPredicate(w)));
            if (i.attribute("include").isPresent()) {
                List<String> include = i.columns("include");
                if (include.isEmpty()) {
                    i.error(i.attribute("include").get().range(), "include of " + what + " must not be empty");
                } else {
                    attrs.add(new IndexInclude(include));
                }
            }
            if (!kind.equals("index")) {
                attrs.add(new IndexConstraint(kind.equals("unique") ? IndexConstraint.Kind.UNIQUE : IndexConstraint.Kind.EXCLUDE));
            }
            i.string("comment").ifPresent(c -> attrs.add(new Comment(c)));
            boolean unique = kind.equals("unique") || kind.equals("index") && i.bool("unique").orElse(false);
            return Optional.of(new Index(i.name(), unique, parts, attrs));
        }

        private Optional<ForeignKey> foreignKey(HclNode f, Document.Entry table) {
            f.checkNames(union(Set.of("columns", "ref_columns", "on_update", "on_delete"),
                    dialect.extraNames(BlockKind.FOREIGN_KEY)), "foreign_key \"" + f.name() + "\"");
            List<String> columns = f.columns("columns");
            List<Document.ColumnRef> refs = new ArrayList<>();
            for (HclNode.Located l : f.list("ref_columns")) {
                f.column(l).ifPresent(refs::add);
            }
            if (f.attribute("columns").isEmpty() || f.attribute("ref_columns").isEmpty()) {
                f.error(f.range(), "foreign_key \"" + f.name() + "\" needs columns and ref_columns");
                return Optional.empty();
            }
            if (refs.isEmpty() || columns.isEmpty()) {
                return Optional.empty();
            }
            Document.Entry refTable = refs.get(0).owner();
            if (refs.stream().anyMatch(r -> r.owner() != refTable) || !refTable.type().equals("table")) {
                f.error(f.attribute("ref_columns").get().range(), "ref_columns of foreign_key \"" + f.name()
                        + "\" must all be columns of one table");
                return Optional.empty();
            }
            if (columns.size() != refs.size()) {
                f.error(f.range(), "foreign_key \"" + f.name() + "\" has " + columns.size() + " columns but "
                        + refs.size() + " ref_columns");
                return Optional.empty();
            }
            ForeignKey.Action onUpdate = f.keyword("on_update", ACTIONS).map(ForeignKey.Action::valueOf)
                    .orElse(ForeignKey.Action.NO_ACTION);
            ForeignKey.Action onDelete = f.keyword("on_delete", ACTIONS).map(ForeignKey.Action::valueOf)
                    .orElse(ForeignKey.Action.NO_ACTION);
            return Optional.of(new ForeignKey(f.name(), columns, refTable.schema(), refTable.name(),
                    refs.stream().map(Document.ColumnRef::column).toList(), onUpdate, onDelete,
                    dialect.readAttrs(BlockKind.FOREIGN_KEY, f)));
        }

        private void readView(Document.Entry e) {
            HclNode n = new HclNode(e.block(), doc, e, e.schema());
            boolean mat = e.type().equals("materialized");
            Set<String> known = new HashSet<>(Set.of("schema", "as", "depends_on", "comment", "column"));
            if (mat) {
                known.add("index");
            }
            n.checkNames(union(known, dialect.extraNames(BlockKind.VIEW)), e.type() + " \"" + e.name() + "\"");
            String path = e.schema() + "." + e.name();
            positions.put(path, e.block().range());
            Optional<String> def = n.string("as");
            if (def.isEmpty()) {
                if (n.attribute("as").isEmpty()) {
                    n.error(e.block().range(), "missing attribute \"as\" in " + e.type() + " \"" + e.name() + "\"");
                }
                return;
            }
            List<String> viewDeps = new ArrayList<>();
            for (HclNode.Located d : n.list("depends_on")) {
                n.object(d, "table", "view", "materialized", "function")
                        .filter(o -> o.kind().equals("view") || o.kind().equals("materialized"))
                        .ifPresent(o -> viewDeps.add(o.schema() + "." + o.name()));
            }
            viewDependencies.put(path, viewDeps);
            viewBlocks.put(path, e);
            List<Column> columns = new ArrayList<>();
            for (HclNode c : n.children("column")) {
                column(c, path).ifPresent(columns::add);
            }
            List<Index> indexes = new ArrayList<>();
            for (HclNode i : n.children("index")) {
                index(i, "index").ifPresent(indexes::add);
            }
            List<Attr> attrs = new ArrayList<>();
            if (mat) {
                attrs.add(new Materialized());
            }
            n.string("comment").ifPresent(c -> attrs.add(new Comment(c)));
            attrs.addAll(dialect.readAttrs(BlockKind.VIEW, n));
            views.computeIfAbsent(e.schema(), k -> new ArrayList<>())
                    .add(new View(e.name(), def.get(), columns, indexes, attrs, List.of()));
        }

        /**
         * A view that depends (through {@code depends_on}) on itself, directly or through other views, can never
         * be created: reported here, at the first view of the cycle, rather than as a plan error without a line.
         */
        private void viewCycles() {
            Set<String> done = new HashSet<>();
            for (String start : viewDependencies.keySet()) {
                List<String> cycle = cycleFrom(start, new ArrayList<>(), new HashSet<>(), done);
                if (cycle != null) {
                    Document.Entry first = viewBlocks.get(cycle.get(0));
                    StringBuilder text = new StringBuilder();
                    for (String v : cycle) {
                        text.append(text.length() == 0 ? "" : " -> ").append('"').append(v.substring(v.indexOf('.') + 1)).append('"');
                    }
                    new HclNode(first.block(), doc, first, first.schema()).error(first.block().range(),
                            "cycle in view dependencies: " + text);
                    return;
                }
            }
        }

        private List<String> cycleFrom(String view, List<String> path, Set<String> onPath, Set<String> done) {
            if (onPath.contains(view)) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(view), path.size()));
                cycle.add(view);
                return cycle;
            }
            if (!done.add(view)) {
                return null;
            }
            path.add(view);
            onPath.add(view);
            for (String next : viewDependencies.getOrDefault(view, List.of())) {
                List<String> cycle = cycleFrom(next, path, onPath, done);
                if (cycle != null) {
                    return cycle;
                }
            }
            onPath.remove(view);
            path.remove(path.size() - 1);
            return null;
        }

        private void readEnum(Document.Entry e) {
            HclNode n = new HclNode(e.block(), doc, e, e.schema());
            n.checkNames(union(Set.of("schema", "values"), dialect.extraNames(BlockKind.ENUM)), "enum \"" + e.name() + "\"");
            if (n.attribute("values").isEmpty()) {
                n.error(e.block().range(), "missing attribute \"values\" in enum \"" + e.name() + "\"");
                return;
            }
            objects.computeIfAbsent(e.schema(), k -> new ArrayList<>()).add(new EnumType(e.name(), n.strings("values")));
            positions.put(e.schema() + "." + e.name(), e.block().range());
        }

        private void readSequence(Document.Entry e) {
            HclNode n = new HclNode(e.block(), doc, e, e.schema());
            n.checkNames(union(Set.of("schema", "type", "start", "increment", "min_value", "max_value", "cache",
                    "cycle", "owner", "comment"), dialect.extraNames(BlockKind.SEQUENCE)), "sequence \"" + e.name() + "\"");
            ColumnType type = n.type("type").orElseGet(() -> dialect.parseSqlType("bigint"));
            int bits = type instanceof ColumnType.IntegerType i ? i.bits() : 64;
            long typeMax = bits == 16 ? Short.MAX_VALUE : bits == 32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
            long typeMin = bits == 16 ? Short.MIN_VALUE : bits == 32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long inc = n.number("increment").orElse(1L);
            long min = n.number("min_value").orElse(inc > 0 ? 1L : typeMin);
            long max = n.number("max_value").orElse(inc > 0 ? typeMax : -1L);
            long start = n.number("start").orElse(inc > 0 ? min : max);
            Optional<String> owner = Optional.empty();
            List<HclNode.Located> o = n.list("owner");
            if (!o.isEmpty()) {
                owner = n.column(o.get(0)).map(c -> c.owner().name() + "." + c.column());
            }
            List<Attr> attrs = new ArrayList<>();
            n.string("comment").ifPresent(c -> attrs.add(new Comment(c)));
            attrs.addAll(dialect.readAttrs(BlockKind.SEQUENCE, n));
            objects.computeIfAbsent(e.schema(), k -> new ArrayList<>()).add(new Sequence(e.name(), type, start, inc, min,
                    max, n.number("cache").orElse(1L), n.bool("cycle").orElse(false), owner, attrs));
            positions.put(e.schema() + "." + e.name(), e.block().range());
        }

        private void readRoutine(Document.Entry e, boolean function) {
            HclNode n = new HclNode(e.block(), doc, e, e.schema());
            BlockKind kind = function ? BlockKind.FUNCTION : BlockKind.PROCEDURE;
            Set<String> known = new HashSet<>(Set.of("schema", "arg", "lang", "as", "comment"));
            if (function) {
                known.add("return");
            }
            String what = e.type() + " \"" + e.name() + "\"";
            n.checkNames(union(known, dialect.extraNames(kind)), what);
            List<FuncArg> args = new ArrayList<>();
            for (HclNode a : n.children("arg")) {
                a.checkNames(Set.of("type", "default", "mode"), "arg of " + what);
                if (a.attribute("type").isEmpty()) {
                    a.error(a.range(), "missing attribute \"type\" in arg of " + what);
                    continue;
                }
                Optional<ColumnType> t = a.type("type");
                FuncArg.Mode mode = a.keyword("mode", List.of("IN", "OUT", "INOUT", "VARIADIC"))
                        .map(FuncArg.Mode::valueOf).orElse(FuncArg.Mode.IN);
                Optional<String> def = a.attribute("default")
                        .flatMap(at -> a.eval(at.expression()).flatMap(v -> expr(v, at, a))).map(Expr::sql);
                t.ifPresent(type -> args.add(new FuncArg(a.name(), type, mode, def)));
            }
            String body = n.string("as").orElse("");
            if (n.attribute("as").isEmpty()) {
                n.error(e.block().range(), "missing attribute \"as\" in " + what);
            }
            String lang = n.attribute("lang").flatMap(a -> io.atlas4j.hcl.Expressions.keyword(a.expression())
                    .or(() -> n.string("lang"))).map(s -> s.toLowerCase(java.util.Locale.ROOT)).orElse("sql");
            List<Attr> attrs = new ArrayList<>();
            n.string("comment").ifPresent(c -> attrs.add(new Comment(c)));
            attrs.addAll(dialect.readAttrs(kind, n));
            positions.put(e.schema() + "." + e.name(), e.block().range());
            if (function) {
                if (n.attribute("return").isEmpty()) {
                    n.error(e.block().range(), "missing attribute \"return\" in " + what);
                    return;
                }
                n.type("return").ifPresent(r -> funcs.computeIfAbsent(e.schema(), k -> new ArrayList<>())
                        .add(new Func(e.name(), args, dialect.sqlType(r), body, lang, attrs)));
            } else {
                procs.computeIfAbsent(e.schema(), k -> new ArrayList<>()).add(new Proc(e.name(), args, body, lang, attrs));
            }
        }

        private void readTrigger(Document.Entry e) {
            HclNode n = new HclNode(e.block(), doc, e, e.schema());
            n.checkNames(union(Set.of("on", "before", "after", "instead_of", "for", "foreach", "when", "as", "comment"),
                    dialect.extraNames(BlockKind.TRIGGER)), "trigger \"" + e.name() + "\"");
            List<HclNode.Located> on = n.list("on");
            if (on.isEmpty()) {
                n.error(e.block().range(), "missing attribute \"on\" in trigger \"" + e.name() + "\"");
                return;
            }
            Optional<Document.ObjectRef> target = n.object(on.get(0), "table", "view", "materialized");
            if (target.isEmpty()) {
                return;
            }
            Trigger.Timing timing = null;
            HclNode events = null;
            for (String t : List.of("before", "after", "instead_of")) {
                for (HclNode c : n.children(t)) {
                    if (timing != null) {
                        n.error(c.range(), "trigger \"" + e.name() + "\" has more than one timing block");
                    }
                    timing = Trigger.Timing.valueOf(t.toUpperCase(java.util.Locale.ROOT));
                    events = c;
                }
            }
            if (timing == null) {
                n.error(e.block().range(), "trigger \"" + e.name() + "\" needs a before, after or instead_of block");
                return;
            }
            events.checkNames(Set.of("insert", "update", "update_of", "delete", "truncate"), "trigger \"" + e.name() + "\"");
            List<String> ev = new ArrayList<>();
            if (events.bool("insert").orElse(false)) {
                ev.add("INSERT");
            }
            List<String> of = new ArrayList<>();
            for (HclNode.Located l : events.list("update_of")) {
                events.column(l).ifPresent(c -> of.add(c.column()));
            }
            if (!of.isEmpty()) {
                ev.add("UPDATE OF " + String.join(", ", of.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList()));
            } else if (events.bool("update").orElse(false)) {
                ev.add("UPDATE");
            }
            if (events.bool("delete").orElse(false)) {
                ev.add("DELETE");
            }
            if (events.bool("truncate").orElse(false)) {
                ev.add("TRUNCATE");
            }
            if (ev.isEmpty()) {
                n.error(events.range(), "trigger \"" + e.name() + "\" fires on no event");
            }
            String forAttr = n.attribute("foreach").isPresent() ? "foreach" : "for";
            boolean row = n.keyword(forAttr, List.of("ROW", "STATEMENT")).map("ROW"::equals).orElse(false);
            Optional<String> body = dialect.triggerBody(n).or(() -> n.string("as"));
            if (body.isEmpty()) {
                n.error(e.block().range(), "trigger \"" + e.name() + "\" has no body");
                return;
            }
            List<Attr> attrs = new ArrayList<>();
            n.string("comment").ifPresent(c -> attrs.add(new Comment(c)));
            attrs.addAll(dialect.readAttrs(BlockKind.TRIGGER, n));
            Document.ObjectRef t = target.get();
            triggers.computeIfAbsent(t.schema() + "\0" + t.name(), k -> new ArrayList<>())
                    .add(new Trigger(e.name(), timing, ev, row, n.string("when"), body.get(), attrs));
            positions.put(t.schema() + "." + t.name() + "." + e.name(), e.block().range());
        }

        private Realm assemble() {
            List<Schema> schemas = new ArrayList<>();
            for (Schema s : schemaBlocks.values()) {
                String name = s.name();
                List<Table> ts = new ArrayList<>();
                for (Table t : tables.getOrDefault(name, List.of())) {
                    List<Trigger> tr = triggers.getOrDefault(name + "\0" + t.name(), List.of());
                    ts.add(tr.isEmpty() ? t : new Table(t.name(), t.columns(), t.primaryKey(), t.indexes(),
                            t.foreignKeys(), t.checks(), t.attrs(), tr));
                }
                List<View> vs = new ArrayList<>();
                for (View v : views.getOrDefault(name, List.of())) {
                    List<Trigger> tr = triggers.getOrDefault(name + "\0" + v.name(), List.of());
                    vs.add(tr.isEmpty() ? v : new View(v.name(), v.definition(), v.columns(), v.indexes(), v.attrs(), tr));
                }
                try {
                    schemas.add(new Schema(name, ts, vs, funcs.getOrDefault(name, List.of()),
                            procs.getOrDefault(name, List.of()), objects.getOrDefault(name, List.of()), s.attrs()));
                } catch (IllegalArgumentException ex) {
                    doc.error(positions.getOrDefault(name, top.get(0).range()), ex.getMessage());
                }
            }
            try {
                return new Realm(schemas, realmObjects);
            } catch (IllegalArgumentException ex) {
                doc.error(top.get(0).range(), ex.getMessage());
                return new Realm(List.of());
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }
}
