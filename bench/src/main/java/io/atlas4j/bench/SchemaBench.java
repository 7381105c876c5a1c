package io.atlas4j.bench;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.inspect.Inspector;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.url.DatabaseUrl;
import io.atlas4j.url.Redaction;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffResult;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;

/**
 * The schema engine's speed figures (issue 3): inspecting a 1,000-table PostgreSQL realm, diffing and
 * planning two 5,000-table realms in memory, and a diff of two real databases side by side with
 * Liquibase's ({@code liquibase-core}'s Java API).
 *
 * <p>The two databases: "desired" has {@value #TABLES} tables of 10 columns, 2 indexes and a foreign key
 * each (to {@code t<(i-1)/2>}: a tree of tables); "current" is the same with every 10th table missing a column, an index and holding an extra
 * column. Both tools compare the same pair from the same server and produce the statements (Atlas4J: the
 * plan; Liquibase: the changelog) in memory. A warm-up run each, then the median of {@value #ROUNDS}
 * alternating rounds.
 *
 * <p>Usage: {@code bin/bench schema [postgres-url]}; the user must be allowed to create databases.
 */
final class SchemaBench {

    static final int TABLES = 1000;
    static final int MEMORY_TABLES = 5000;
    static final int ROUNDS = 3;
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    private SchemaBench() {
    }

    public static void main(String[] args) throws Exception {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
        String url = args.length > 0 ? args[0] : System.getenv().getOrDefault("ATLAS4J_TEST_POSTGRES_URL", ApplyBench.DEFAULT_URL);
        DatabaseUrl admin = DatabaseUrl.parse(url);
        Dialect dialect = Dialects.forUrl(admin);
        SchemaDriver driver = dialect.schemaDriver().orElseThrow();
        long pid = ProcessHandle.current().pid();
        String desiredDb = "atlas4j_schema_bench_desired_" + pid;
        String currentDb = "atlas4j_schema_bench_current_" + pid;
        System.out.println("Schema engine on " + Redaction.mask(url) + " (" + TABLES + " tables, 10 columns, 2 indexes, 1 FK each)");
        try {
            DatabaseUrl desired = create(admin, desiredDb, false);
            DatabaseUrl current = create(admin, currentDb, true);

            // 1. Inspect a 1,000-table realm.
            double[] inspect = new double[ROUNDS];
            long queries = 0;
            for (int r = -1; r < ROUNDS; r++) {
                Inspector inspector = driver.inspector();
                try (Connection c = dialect.connect(desired)) {
                    long start = System.nanoTime();
                    Realm realm = inspector.inspectRealm(c, InspectOptions.ALL);
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (realm.schema("public").orElseThrow().tables().size() != TABLES) {
                        throw new IllegalStateException("inspected " + realm.schema("public").orElseThrow().tables().size() + " tables");
                    }
                    if (r >= 0) {
                        inspect[r] = ms;
                    }
                }
                queries = queryCount(inspector);
            }
            System.out.println();
            System.out.println("| measure | median of " + ROUNDS + " | target |");
            System.out.println("| --- | ---: | ---: |");
            System.out.printf(Locale.ROOT, "| inspect a %,d-table realm (%d catalog round trips) | %.1f ms | 1000 ms |%n",
                    TABLES, queries, ApplyBench.median(inspect));

            // 2. Diff and plan two 5,000-table realms in memory.
            Realm a = memoryRealm(false);
            Realm b = memoryRealm(true);
            double[] memory = new double[ROUNDS];
            int statements = 0;
            for (int r = -1; r < ROUNDS; r++) {
                long start = System.nanoTime();
                List<SchemaChange> changes = driver.differ().diffRealm(b, a, DiffOptions.DEFAULT);
                Plan plan = driver.planner().plan("bench", changes, PlanOptions.REALM);
                double ms = (System.nanoTime() - start) / 1e6;
                statements = plan.statements().size();
                if (r >= 0) {
                    memory[r] = ms;
                }
            }
            System.out.printf(Locale.ROOT, "| diff + plan two %,d-table realms in memory (%d statements) | %.1f ms | 500 ms |%n",
                    MEMORY_TABLES, statements, ApplyBench.median(memory));

            // 3. Atlas4J vs Liquibase on the two databases.
            double[] atlas = new double[ROUNDS];
            double[] liquibase = new double[ROUNDS];
            int atlasStatements = 0;
            int liquibaseChanges = 0;
            for (int r = -1; r < ROUNDS; r++) {
                long start = System.nanoTime();
                atlasStatements = atlas4j(dialect, driver, current, desired);
                double atlasMs = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                liquibaseChanges = liquibase(dialect, current, desired);
                double liquibaseMs = (System.nanoTime() - start) / 1e6;
                if (r >= 0) {
                    atlas[r] = atlasMs;
                    liquibase[r] = liquibaseMs;
                }
            }
            System.out.println();
            System.out.println("| tool | median of " + ROUNDS + " | output |");
            System.out.println("| --- | ---: | ---: |");
            System.out.printf(Locale.ROOT, "| Atlas4J (inspect both, diff, plan) | %.1f ms | %d statements |%n",
                    ApplyBench.median(atlas), atlasStatements);
            System.out.printf(Locale.ROOT, "| Liquibase (snapshot both, diff, changelog) | %.1f ms | %d change sets |%n",
                    ApplyBench.median(liquibase), liquibaseChanges);
            System.out.printf(Locale.ROOT, "%nAtlas4J / Liquibase = %.2f%n", ApplyBench.median(atlas) / ApplyBench.median(liquibase));
        } finally {
            exec(admin, "DROP DATABASE IF EXISTS " + desiredDb);
            exec(admin, "DROP DATABASE IF EXISTS " + currentDb);
        }
    }

    private static int atlas4j(Dialect dialect, SchemaDriver driver, DatabaseUrl current, DatabaseUrl desired)
            throws SQLException {
        Realm from;
        Realm to;
        try (Connection c = dialect.connect(current)) {
            from = driver.inspector().inspectRealm(c, InspectOptions.ALL);
        }
        try (Connection c = dialect.connect(desired)) {
            to = driver.inspector().inspectRealm(c, InspectOptions.ALL);
        }
        List<SchemaChange> changes = driver.differ().diffRealm(from, to, DiffOptions.DEFAULT);
        return driver.planner().plan("bench", changes, PlanOptions.REALM).statements().size();
    }

    private static int liquibase(Dialect dialect, DatabaseUrl current, DatabaseUrl desired) throws Exception {
        try (Connection cc = dialect.connect(current); Connection dc = dialect.connect(desired)) {
            Database target = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(cc));
            Database reference = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(dc));
            DiffResult diff = liquibase.diff.DiffGeneratorFactory.getInstance().compare(reference, target, new CompareControl());
            DiffToChangeLog changelog = new DiffToChangeLog(diff, new DiffOutputControl());
            changelog.print(new PrintStream(OutputStream.nullOutputStream()));
            return changelog.generateChangeSets().size();
        }
    }

    /** Creates a database of {@value #TABLES} tables; {@code drifted} changes every 10th table. */
    private static DatabaseUrl create(DatabaseUrl admin, String name, boolean drifted) throws SQLException {
        exec(admin, "DROP DATABASE IF EXISTS " + name);
        exec(admin, "CREATE DATABASE " + name);
        DatabaseUrl url = DatabaseUrl.rebuild(admin.scheme(), admin.user(), admin.password(), admin.host(), admin.port(),
                name, admin.query());
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < TABLES; i++) {
            boolean drift = drifted && i % 10 == 5;
            sql.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, parent bigint");
            for (int c = 2; c < 10; c++) {
                if (drift && c == 9) {
                    continue;
                }
                sql.append(", c").append(c).append(c % 2 == 0 ? " text" : " integer NOT NULL DEFAULT 0");
            }
            if (drift) {
                sql.append(", extra boolean");
            }
            sql.append(");\n");
            sql.append("CREATE INDEX t").append(i).append("_c2 ON t").append(i).append(" (c2);\n");
            if (!drift) {
                sql.append("CREATE UNIQUE INDEX t").append(i).append("_c3_c4 ON t").append(i).append(" (c3, c4);\n");
            }
            if (i > 0) {
                sql.append("ALTER TABLE t").append(i).append(" ADD CONSTRAINT t").append(i).append("_parent_fk FOREIGN KEY (parent) REFERENCES t")
                        .append(parent(i)).append(" (id);\n");
            }
        }
        exec(url, sql.toString());
        return url;
    }

    /** A realm of {@value #MEMORY_TABLES} tables built in memory; {@code drifted} changes every 10th table. */
    static Realm memoryRealm(boolean drifted) {
        List<Table> tables = new ArrayList<>(MEMORY_TABLES);
        ColumnType bigint = new ColumnType.IntegerType(64, false);
        ColumnType integer = new ColumnType.IntegerType(32, false);
        ColumnType text = new ColumnType.StringType(ColumnType.StringType.Kind.TEXT, 0);
        for (int i = 0; i < MEMORY_TABLES; i++) {
            boolean drift = drifted && i % 10 == 5;
            List<Column> columns = new ArrayList<>();
            columns.add(Column.of("id", bigint, false));
            columns.add(Column.of("parent", bigint, true));
            for (int c = 2; c < 10; c++) {
                if (drift && c == 9) {
                    continue;
                }
                columns.add(Column.of("c" + c, c % 2 == 0 ? text : integer, c % 2 == 0));
            }
            if (drift) {
                columns.add(Column.of("extra", new ColumnType.BoolType(), true));
            }
            List<Index> indexes = new ArrayList<>();
            indexes.add(new Index("t" + i + "_c2", false, List.of(IndexPart.column("c2")), List.of()));
            if (!drift) {
                indexes.add(new Index("t" + i + "_c3_c4", true, List.of(IndexPart.column("c3"), IndexPart.column("c4")), List.of()));
            }
            List<ForeignKey> fks = i == 0 ? List.of() : List.of(new ForeignKey("t" + i + "_parent_fk", List.of("parent"), "public",
                    "t" + parent(i), List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION));
            tables.add(new Table("t" + i, columns, Optional.of(new PrimaryKey("t" + i + "_pkey", List.of(IndexPart.column("id")))),
                    indexes, fks, List.of(), List.of()));
        }
        return new Realm(List.of(new Schema("public", tables, List.of(), List.of(), List.of(), List.of(), List.of())));
    }

    /**
     * The table {@code t<i>} references: a tree (depth about 10) rather than one 1,000-long chain, which is
     * nearer real schemas and which Liquibase's recursive snapshot can walk without overflowing its stack.
     */
    static int parent(int i) {
        return (i - 1) / 2;
    }

    // The query counter is PostgreSQL's own (PostgresInspector.queryCount()); read it without compiling
    // against the dialect class, as the rest of the bench does.
    private static long queryCount(Inspector inspector) {
        try {
            Method m = inspector.getClass().getMethod("queryCount");
            return (long) m.invoke(inspector);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    private static void exec(DatabaseUrl url, String sql) throws SQLException {
        try (Connection c = Dialects.forUrl(url).connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
