package io.atlas4j.dialect.postgres;

import static io.atlas4j.dialect.postgres.PostgresServer.admin;
import static io.atlas4j.dialect.postgres.PostgresServer.execute;
import static io.atlas4j.dialect.postgres.PostgresServer.onDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresAttrs.Deferrable;
import io.atlas4j.dialect.postgres.PostgresAttrs.ExcludeOperator;
import io.atlas4j.dialect.postgres.PostgresAttrs.IndexStorageParams;
import io.atlas4j.dialect.postgres.PostgresAttrs.NoInherit;
import io.atlas4j.dialect.postgres.PostgresAttrs.NullsNotDistinct;
import io.atlas4j.dialect.postgres.PostgresAttrs.OpClass;
import io.atlas4j.dialect.postgres.PostgresAttrs.Partition;
import io.atlas4j.dialect.postgres.PostgresAttrs.PartitionKey;
import io.atlas4j.dialect.postgres.PostgresAttrs.RowSecurity;
import io.atlas4j.dialect.postgres.PostgresAttrs.SecurityDefiner;
import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.dialect.postgres.PostgresAttrs.Strict;
import io.atlas4j.dialect.postgres.PostgresAttrs.Volatility;
import io.atlas4j.dialect.postgres.PostgresObjects.Aggregate;
import io.atlas4j.dialect.postgres.PostgresObjects.Composite;
import io.atlas4j.dialect.postgres.PostgresObjects.Domain;
import io.atlas4j.dialect.postgres.PostgresObjects.EventTrigger;
import io.atlas4j.dialect.postgres.PostgresObjects.Extension;
import io.atlas4j.dialect.postgres.PostgresObjects.Policy;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.ArrayType;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.StringType;
import io.atlas4j.schema.ColumnType.UnsupportedType;
import io.atlas4j.schema.ColumnType.UserTypeRef;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.Expr.RawExpr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexType;
import io.atlas4j.schema.Materialized;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every object kind {@link PostgresInspector} reads, one test per kind: DDL in, model records out. */
class PostgresInspectObjectsIT {

    private static final String DATABASE = "insp_objs_" + ProcessHandle.current().pid();
    private static final ColumnType INT = new IntegerType(32, false);
    private static final ColumnType BIGINT = new IntegerType(64, false);
    private static final ColumnType TEXT = new StringType(StringType.Kind.TEXT, 0);

    private DatabaseUrl dev;
    private Connection connection;
    private final PostgresInspector inspector = new PostgresInspector();

    @BeforeEach
    void createDatabase() throws SQLException {
        dev = PostgresServer.devUrl();
        try (Connection c = admin(dev)) {
            execute(c, "DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE);
        }
        connection = admin(onDatabase(dev, DATABASE));
        execute(connection, "CREATE SCHEMA app");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (dev == null) {
            return;
        }
        if (connection != null) {
            connection.close();
        }
        try (Connection c = admin(dev)) {
            execute(c, "DROP EVENT TRIGGER IF EXISTS insp_ddl", "DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    private Schema app(String... ddl) throws SQLException {
        execute(connection, ddl);
        return inspector.inspectSchema(connection, "app", InspectOptions.ALL);
    }

    @Test
    void serialColumnsOwnTheirSequencesAndStandaloneSequencesAreObjects() throws SQLException {
        Schema app = app("CREATE TABLE app.t (id serial PRIMARY KEY, big bigserial, small smallserial, n integer,"
                        + " ident bigint GENERATED ALWAYS AS IDENTITY (START WITH 7 INCREMENT BY 3))",
                "CREATE SEQUENCE app.custom_seq OWNED BY app.t.n",
                "ALTER TABLE app.t ALTER n SET DEFAULT nextval('app.custom_seq')",
                "CREATE SEQUENCE app.counter AS integer START 5 INCREMENT 2 MINVALUE 1 MAXVALUE 100 CACHE 3 CYCLE",
                "COMMENT ON SEQUENCE app.counter IS 'counts'");

        Table t = app.table("t").orElseThrow();
        assertThat(t.columns()).containsExactly(
                Column.of("id", new SerialType(32, ""), false),
                Column.of("big", new SerialType(64, ""), false),
                Column.of("small", new SerialType(16, ""), false),
                new Column("n", INT, true, Optional.of(new RawExpr("nextval('app.custom_seq'::regclass)")), List.of()),
                new Column("ident", BIGINT, false, Optional.empty(),
                        List.of(new Identity(Identity.Generation.ALWAYS, 7, 3))));
        assertThat(app.objects(Sequence.class)).containsExactly(
                new Sequence("counter", INT, 5, 2, 1, 100, 3, true, Optional.empty(), List.of(new Comment("counts"))),
                new Sequence("custom_seq", BIGINT, 1, 1, 1, Long.MAX_VALUE, 1, false, Optional.of("t.n"), List.of()));
    }

    @Test
    void tableAttributesPartitionRowSecurityCollationComments() throws SQLException {
        Schema app = app("CREATE TABLE app.events (id bigint NOT NULL, at date NOT NULL, name text COLLATE \"C\")"
                        + " PARTITION BY RANGE (at, lower(name))",
                "CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01', 'a') TO ('2025-01-01', 'a')",
                "CREATE TABLE app.secret (id int)",
                "ALTER TABLE app.secret ENABLE ROW LEVEL SECURITY",
                "ALTER TABLE app.secret FORCE ROW LEVEL SECURITY",
                "COMMENT ON TABLE app.secret IS 'hush'");

        assertThat(app.tables()).extracting(Table::name).containsExactly("events", "secret");
        Table events = app.table("events").orElseThrow();
        assertThat(events.attrs()).containsExactly(new Partition(Partition.Strategy.RANGE, List.of(
                new PartitionKey(Optional.of("at"), Optional.empty()),
                new PartitionKey(Optional.empty(), Optional.of("lower(name)")))));
        assertThat(events.column("name").orElseThrow().attrs()).containsExactly(new Collation("C"));
        assertThat(app.table("secret").orElseThrow().attrs())
                .containsExactly(new Comment("hush"), new RowSecurity(true, true));
    }

    @Test
    void indexesWithOperatorClassesNullsStorageAndConstraints() throws SQLException {
        Schema app = app("CREATE TABLE app.t (id int, code text, n bigint, during tsrange, note text, doc tsvector,"
                        + " CONSTRAINT t_pkey PRIMARY KEY (id) INCLUDE (note),"
                        + " CONSTRAINT t_no_overlap EXCLUDE USING gist (during WITH &&))",
                "CREATE INDEX t_code_pattern ON app.t (code text_pattern_ops)",
                "CREATE INDEX t_n_brin ON app.t USING brin (n int8_minmax_multi_ops(values_per_range=8))"
                        + " WITH (pages_per_range = 32, autosummarize = on)",
                "CREATE UNIQUE INDEX t_code_nnd ON app.t (code) NULLS NOT DISTINCT",
                "CREATE INDEX t_doc ON app.t USING gist (doc tsvector_ops(siglen=32))",
                "CREATE INDEX t_doc_default ON app.t USING gist (doc)");

        Table t = app.table("t").orElseThrow();
        assertThat(t.primaryKey()).contains(new PrimaryKey("t_pkey", List.of(IndexPart.column("id")),
                List.of(new IndexInclude(List.of("note")))));
        assertThat(t.indexes()).containsExactly(
                new Index("t_code_nnd", true, List.of(IndexPart.column("code")),
                        List.of(new IndexType("btree"), new NullsNotDistinct())),
                new Index("t_code_pattern", false,
                        List.of(new IndexPart(new IndexPart.ColumnKey("code"), false,
                                List.of(new OpClass("text_pattern_ops", List.of())))),
                        List.of(new IndexType("btree"))),
                new Index("t_doc", false,
                        List.of(new IndexPart(new IndexPart.ColumnKey("doc"), false,
                                List.of(new OpClass("tsvector_ops", List.of("siglen=32"))))),
                        List.of(new IndexType("gist"))),
                new Index("t_doc_default", false, List.of(IndexPart.column("doc")), List.of(new IndexType("gist"))),
                new Index("t_n_brin", false,
                        List.of(new IndexPart(new IndexPart.ColumnKey("n"), false,
                                List.of(new OpClass("int8_minmax_multi_ops", List.of("values_per_range=8"))))),
                        List.of(new IndexType("brin"), new IndexStorageParams(true, 32))),
                new Index("t_no_overlap", false,
                        List.of(new IndexPart(new IndexPart.ColumnKey("during"), false, List.of(new ExcludeOperator("&&")))),
                        List.of(new IndexType("gist"), new IndexConstraint(IndexConstraint.Kind.EXCLUDE))));
    }

    @Test
    void deferrableForeignKeysAndNoInheritChecks() throws SQLException {
        Schema app = app("CREATE TABLE app.p (id int PRIMARY KEY)",
                "CREATE TABLE app.c (id int, p_id int,"
                        + " CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES app.p (id) DEFERRABLE INITIALLY DEFERRED,"
                        + " CONSTRAINT c_p2_fk FOREIGN KEY (id) REFERENCES app.p (id) DEFERRABLE,"
                        + " CONSTRAINT c_id_check CHECK (id > 0) NO INHERIT)");

        Table c = app.table("c").orElseThrow();
        assertThat(c.foreignKeys()).containsExactly(
                new ForeignKey("c_p2_fk", List.of("id"), "app", "p", List.of("id"), ForeignKey.Action.NO_ACTION,
                        ForeignKey.Action.NO_ACTION, List.of(new Deferrable(false))),
                new ForeignKey("c_p_fk", List.of("p_id"), "app", "p", List.of("id"), ForeignKey.Action.NO_ACTION,
                        ForeignKey.Action.NO_ACTION, List.of(new Deferrable(true))));
        assertThat(c.checks()).containsExactly(new Check("c_id_check", "(id > 0)", List.of(new NoInherit())));
    }

    @Test
    void enumsDomainsAndCompositeTypes() throws SQLException {
        Schema app = app("CREATE TYPE app.mood AS ENUM ('sad', 'ok')",
                "CREATE DOMAIN app.pos AS integer NOT NULL DEFAULT 1 CONSTRAINT pos_positive CHECK (VALUE > 0)",
                "COMMENT ON DOMAIN app.pos IS 'positive'",
                "CREATE TYPE app.pair AS (a app.pos, b text[], m app.mood)",
                "CREATE TABLE app.t (p app.pos, ps app.pair[], moods app.mood[])");

        assertThat(app.enums()).containsExactly(new EnumType("mood", List.of("sad", "ok")));
        assertThat(app.objects(Domain.class)).containsExactly(new Domain("pos", INT, false, Optional.of("1"),
                List.of(new Check("pos_positive", "(VALUE > 0)")), List.of(new Comment("positive"))));
        assertThat(app.objects(Composite.class)).containsExactly(new Composite("pair", List.of(
                Column.of("a", new UserTypeRef("app", "pos"), true),
                Column.of("b", new ArrayType(TEXT), true),
                Column.of("m", new EnumRef("app", "mood"), true)), List.of()));
        assertThat(app.table("t").orElseThrow().columns()).extracting(Column::type).containsExactly(
                new UserTypeRef("app", "pos"), new ArrayType(new UserTypeRef("app", "pair")),
                new ArrayType(new EnumRef("app", "mood")));
    }

    @Test
    void viewsAndMaterializedViewsWithColumnsIndexesAndTriggers() throws SQLException {
        Schema app = app("CREATE TABLE app.t (id int, name text)",
                "CREATE VIEW app.v AS SELECT id, name FROM app.t",
                "COMMENT ON COLUMN app.v.name IS 'the name'",
                "CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t",
                "CREATE UNIQUE INDEX mv_id ON app.mv (id)",
                "CREATE FUNCTION app.noop() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
                "CREATE TRIGGER v_ins INSTEAD OF INSERT ON app.v FOR EACH ROW EXECUTE FUNCTION app.noop()");

        View v = app.view("v").orElseThrow();
        assertThat(v.columns()).containsExactly(Column.of("id", INT, true),
                new Column("name", TEXT, true, Optional.empty(), List.of(new Comment("the name"))));
        assertThat(v.triggers()).containsExactly(new Trigger("v_ins", Trigger.Timing.INSTEAD_OF, List.of("INSERT"), true,
                Optional.empty(), "EXECUTE FUNCTION app.noop()", List.of()));
        View mv = app.view("mv").orElseThrow();
        assertThat(mv.attrs()).containsExactly(new Materialized());
        assertThat(mv.columns()).containsExactly(Column.of("id", INT, true));
        assertThat(mv.indexes()).containsExactly(new Index("mv_id", true, List.of(IndexPart.column("id")),
                List.of(new IndexType("btree"))));
    }

    @Test
    void tableTriggersSkipInternalOnes() throws SQLException {
        Schema app = app("CREATE TABLE app.p (id int PRIMARY KEY)",
                "CREATE TABLE app.t (id int REFERENCES app.p, a int, b int)",
                "CREATE FUNCTION app.noop() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
                "CREATE TRIGGER t_upd BEFORE INSERT OR UPDATE OF a, b ON app.t FOR EACH ROW WHEN (NEW.a > 0)"
                        + " EXECUTE FUNCTION app.noop()",
                "CREATE TRIGGER t_stmt AFTER DELETE OR TRUNCATE ON app.t FOR EACH STATEMENT EXECUTE FUNCTION app.noop()",
                "COMMENT ON TRIGGER t_stmt ON app.t IS 'audit'");

        assertThat(app.table("p").orElseThrow().triggers()).isEmpty();
        assertThat(app.table("t").orElseThrow().triggers()).containsExactly(
                new Trigger("t_stmt", Trigger.Timing.AFTER, List.of("DELETE", "TRUNCATE"), false, Optional.empty(),
                        "EXECUTE FUNCTION app.noop()", List.of(new Comment("audit"))),
                new Trigger("t_upd", Trigger.Timing.BEFORE, List.of("INSERT", "UPDATE OF \"a\", \"b\""), true,
                        Optional.of("new.a > 0"), "EXECUTE FUNCTION app.noop()", List.of()));
    }

    @Test
    void functionsProceduresAndAggregates() throws SQLException {
        Schema app = app("CREATE FUNCTION app.add(a integer, b integer DEFAULT 1) RETURNS integer"
                        + " LANGUAGE sql IMMUTABLE STRICT AS 'SELECT a + b'",
                "CREATE FUNCTION app.split(IN x text, OUT head text, OUT rest text) LANGUAGE sql STABLE SECURITY DEFINER"
                        + " AS $$SELECT x, x$$",
                "COMMENT ON FUNCTION app.add(integer, integer) IS 'sum'",
                "CREATE PROCEDURE app.bump(INOUT n bigint, VARIADIC xs int[]) LANGUAGE plpgsql AS $$BEGIN n := n + 1; END$$",
                "CREATE AGGREGATE app.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0')",
                "CREATE FUNCTION app.twice(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN x * 2",
                "CREATE FUNCTION app.fin(integer) RETURNS text LANGUAGE sql AS 'SELECT $1::text'",
                "CREATE AGGREGATE app.total_text(integer) (SFUNC = int4pl, STYPE = integer, FINALFUNC = app.fin)");

        assertThat(app.funcs()).extracting(Func::name).containsExactly("add", "fin", "split", "twice");
        assertThat(app.funcs().get(3)).isEqualTo(new Func("twice",
                List.of(new FuncArg("x", INT, FuncArg.Mode.IN, Optional.empty())), "integer", "RETURN (x * 2)", "sql",
                List.of(new Volatility(Volatility.Kind.IMMUTABLE))));
        assertThat(app.funcs()).filteredOn(f -> !f.name().equals("twice") && !f.name().equals("fin")).containsExactly(
                new Func("add", List.of(new FuncArg("a", INT, FuncArg.Mode.IN, Optional.empty()),
                        new FuncArg("b", INT, FuncArg.Mode.IN, Optional.of("1"))), "integer", "SELECT a + b", "sql",
                        List.of(new Volatility(Volatility.Kind.IMMUTABLE), new Strict(), new Comment("sum"))),
                new Func("split", List.of(new FuncArg("x", TEXT, FuncArg.Mode.IN, Optional.empty()),
                        new FuncArg("head", TEXT, FuncArg.Mode.OUT, Optional.empty()),
                        new FuncArg("rest", TEXT, FuncArg.Mode.OUT, Optional.empty())), "record", "SELECT x, x", "sql",
                        List.of(new Volatility(Volatility.Kind.STABLE), new SecurityDefiner())));
        assertThat(app.procs()).containsExactly(new Proc("bump", List.of(
                new FuncArg("n", BIGINT, FuncArg.Mode.INOUT, Optional.empty()),
                new FuncArg("xs", new ArrayType(INT), FuncArg.Mode.VARIADIC, Optional.empty())),
                "BEGIN n := n + 1; END", "plpgsql", List.of()));
        assertThat(app.objects(Aggregate.class)).containsExactly(new Aggregate("total",
                List.of(new FuncArg("", INT, FuncArg.Mode.IN, Optional.empty())), "int4pl", INT, Optional.empty(),
                Optional.of("0"), List.of()), new Aggregate("total_text",
                List.of(new FuncArg("", INT, FuncArg.Mode.IN, Optional.empty())), "int4pl", INT, Optional.of("app.fin"),
                Optional.empty(), List.of()));
    }

    @Test
    void policies() throws SQLException {
        Schema app = app("CREATE TABLE app.docs (owner text, body text)",
                "CREATE POLICY own ON app.docs AS RESTRICTIVE FOR UPDATE TO postgres USING (owner = current_user)"
                        + " WITH CHECK (body <> '')",
                "CREATE POLICY everyone ON app.docs USING (true)");

        assertThat(app.objects(Policy.class)).containsExactly(
                new Policy("docs", "everyone", true, "ALL", List.of("PUBLIC"), Optional.of("true"), Optional.empty(), List.of()),
                new Policy("docs", "own", false, "UPDATE", List.of("postgres"), Optional.of("(owner = CURRENT_USER)"),
                        Optional.of("(body <> ''::text)"), List.of()));
    }

    @Test
    void extensionsAndEventTriggersAreRealmObjectsAndExtensionMembersAreLeftOut() throws SQLException {
        execute(connection, "CREATE EXTENSION citext SCHEMA app",
                "CREATE FUNCTION app.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$",
                "CREATE EVENT TRIGGER insp_ddl ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'DROP TABLE')"
                        + " EXECUTE FUNCTION app.on_ddl()");

        Realm realm = inspector.inspectRealm(connection, InspectOptions.ALL);

        String version = PostgresServer.queryString(connection, "SELECT extversion FROM pg_extension WHERE extname = 'citext'");
        String comment = PostgresServer.queryString(connection,
                "SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'citext'");
        assertThat(realm.objects(Extension.class))
                .containsExactly(new Extension("citext", "app", version, List.of(new Comment(comment))));
        assertThat(realm.objects(EventTrigger.class)).containsExactly(new EventTrigger("insp_ddl", "ddl_command_start",
                List.of("CREATE TABLE", "DROP TABLE"), "app.on_ddl", List.of()));
        Schema app = realm.schema("app").orElseThrow();
        // citext brings dozens of functions, operators' support and its type: none of them is the schema's.
        assertThat(app.funcs()).extracting(Func::name).containsExactly("on_ddl");
        assertThat(app.objects()).isEmpty();
    }

    @Test
    void excludedObjectsAreLeftOut() throws SQLException {
        execute(connection, "CREATE TABLE app.keep (id int)", "CREATE TABLE app.tmp_x (id int)",
                "CREATE SEQUENCE app.tmp_seq", "CREATE FUNCTION app.tmp_f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "CREATE POLICY p ON app.tmp_x USING (true)");

        Schema app = inspector.inspectSchema(connection, "app", InspectOptions.ALL.excluding("app.tmp_*"));

        assertThat(app.tables()).extracting(Table::name).containsExactly("keep");
        assertThat(app.funcs()).isEmpty();
        assertThat(app.objects()).isEmpty();
    }

    @Test
    void schemaInspectionCostsTheSameForOneAndTwoHundredTables() throws SQLException {
        execute(connection, "CREATE TABLE app.t0 (id serial PRIMARY KEY, v text CHECK (v <> ''))");
        long before = inspector.queryCount();
        assertThat(inspector.inspectSchema(connection, "app", InspectOptions.ALL).tables()).hasSize(1);
        long one = inspector.queryCount() - before;

        StringBuilder ddl = new StringBuilder();
        for (int i = 1; i < 200; i++) {
            ddl.append("CREATE TABLE app.t").append(i).append(" (id serial PRIMARY KEY, v text CHECK (v <> ''),"
                    + " p int REFERENCES app.t0);\nCREATE INDEX ON app.t").append(i).append(" (v);\n")
                    .append("CREATE VIEW app.v").append(i).append(" AS SELECT id FROM app.t").append(i).append(";\n");
        }
        execute(connection, ddl.toString());
        before = inspector.queryCount();
        assertThat(inspector.inspectSchema(connection, "app", InspectOptions.ALL).tables()).hasSize(200);
        long many = inspector.queryCount() - before;

        assertThat(many).isEqualTo(one).isEqualTo(PostgresInspector.SCHEMA_QUERIES);
    }

    @Test
    void realmReferencesAreQualifiedAndTheSearchPathIsRestored() throws SQLException {
        execute(connection, "CREATE SEQUENCE app.s", "CREATE TABLE app.t (id bigint DEFAULT nextval('app.s'))",
                "SET search_path TO app, public");

        Realm realm = inspector.inspectRealm(connection, InspectOptions.ALL);
        Schema schema = inspector.inspectSchema(connection, "app", InspectOptions.ALL);

        assertThat(realm.table("app", "t").orElseThrow().column("id").orElseThrow().defaultValue())
                .contains(new RawExpr("nextval('app.s'::regclass)"));
        assertThat(schema.table("t").orElseThrow().column("id").orElseThrow().defaultValue())
                .contains(new RawExpr("nextval('s'::regclass)"));
        assertThat(PostgresServer.queryString(connection, "SHOW search_path")).isEqualTo("app, public");
    }
}
