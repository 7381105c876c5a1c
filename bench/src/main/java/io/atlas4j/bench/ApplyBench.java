package io.atlas4j.bench;

import io.atlas4j.dialect.Dialects;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.apply.ApplyLog;
import io.atlas4j.migrate.apply.ApplyOptions;
import io.atlas4j.migrate.apply.ExecOrder;
import io.atlas4j.migrate.apply.Migrator;
import io.atlas4j.migrate.apply.StatusReport;
import io.atlas4j.migrate.apply.TxMode;
import io.atlas4j.url.DatabaseUrl;
import io.atlas4j.url.Redaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code migrate apply} of 500 small files, Atlas4J's {@link Migrator} side by side with Flyway
 * (flyway-core) on the same PostgreSQL server (issue 4, Speed: Atlas4J at most Flyway's time).
 *
 * <p>Both tools get the same SQL (an Atlas directory with {@code atlas.sum}, and Flyway's
 * {@code V<n>__<name>.sql} files), one transaction per file, and a fresh scratch database per run, created
 * and dropped outside the timing. A timed run covers what a user waits for after the JVM is up: opening and
 * validating the directory, connecting, the lock, creating the history table and applying every file.
 * One untimed warm-up run per tool (class loading, JIT, server caches), then {@value #ROUNDS} rounds
 * alternating the tools; the table shows the cold run and the median.
 *
 * <p>Usage: {@code bin/bench apply [postgres-url]}; the default is {@code ATLAS4J_TEST_POSTGRES_URL}, else
 * {@value #DEFAULT_URL}. The URL's user must be allowed to create databases.
 */
final class ApplyBench {

    static final String DEFAULT_URL = "postgres://postgres:pass@localhost:5432/dev?sslmode=disable";
    static final int FILES = 500;
    static final int ROUNDS = 3;
    /**
     * Flyway logs a line per file through java.util.logging to stderr, while Atlas4J's progress goes to a
     * null writer: silence Flyway's INFO lines so both tools are timed without console output. Held here
     * because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private ApplyBench() {
    }

    public static void main(String[] args) throws Exception {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        String url = args.length > 0 ? args[0] : System.getenv().getOrDefault("ATLAS4J_TEST_POSTGRES_URL", DEFAULT_URL);
        DatabaseUrl admin = DatabaseUrl.parse(url);
        Path root = Files.createTempDirectory("atlas4j-bench-apply");
        Path atlasDir = Files.createDirectories(root.resolve("atlas"));
        Path flywayDir = Files.createDirectories(root.resolve("flyway"));
        int statements = 0;
        for (int i = 1; i <= FILES; i++) {
            String sql = file(i);
            statements += (int) sql.lines().filter(l -> l.endsWith(";")).count();
            Files.writeString(atlasDir.resolve(String.format(Locale.ROOT, "%03d_step%d.sql", i, i)), sql);
            Files.writeString(flywayDir.resolve("V" + i + "__step" + i + ".sql"), sql);
        }
        MigrationDir.open(atlasDir).writeSumFile();

        long pid = ProcessHandle.current().pid();
        List<Tool> tools = List.of(new Atlas4j(atlasDir), new FlywayTool(flywayDir));
        Map<String, double[]> times = new LinkedHashMap<>();
        Map<String, Double> cold = new LinkedHashMap<>();
        for (Tool tool : tools) {
            cold.put(tool.name(), timed(admin, tool, pid));
            times.put(tool.name(), new double[ROUNDS]);
        }
        for (int r = 0; r < ROUNDS; r++) {
            for (Tool tool : tools) {
                times.get(tool.name())[r] = timed(admin, tool, pid);
            }
        }

        System.out.printf(Locale.ROOT, "migrate apply of %d small files (%d statements), one transaction per file, "
                + "fresh database per run on %s (target: Atlas4J at most Flyway)%n%n", FILES, statements, Redaction.mask(url));
        System.out.println("| tool | cold run | median of " + ROUNDS + " | per file | runs |");
        System.out.println("| --- | ---: | ---: | ---: | --- |");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Tool tool : tools) {
            double[] t = times.get(tool.name());
            double median = median(t);
            medians.put(tool.name(), median);
            List<String> runs = new ArrayList<>();
            for (double v : t) {
                runs.add(String.format(Locale.ROOT, "%.0f", v));
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.3f ms | %s ms |%n", tool.name(),
                    cold.get(tool.name()), median, median / FILES, String.join(", ", runs));
        }
        double ratio = medians.get(tools.get(0).name()) / medians.get(tools.get(1).name());
        System.out.printf(Locale.ROOT, "%nAtlas4J / Flyway (medians): %.2f (%s)%n", ratio,
                ratio <= 1.0 ? "target met" : "target missed");
    }

    /**
     * Small files of three statements: a table, a row in it, and a column added to it; every fifth file
     * also alters the previous file's table, so that files depend on each other as real directories do.
     */
    static String file(int i) {
        StringBuilder sql = new StringBuilder()
                .append("CREATE TABLE t_").append(i).append(" (id integer PRIMARY KEY, name varchar(50) NOT NULL);\n")
                .append("INSERT INTO t_").append(i).append(" (id, name) VALUES (").append(i).append(", 'row ")
                .append(i).append("');\n")
                .append("ALTER TABLE t_").append(i).append(" ADD COLUMN created_at timestamp;\n");
        if (i % 5 == 0) {
            sql.append("ALTER TABLE t_").append(i - 1).append(" ADD COLUMN note text;\n");
        }
        return sql.toString();
    }

    /** Creates the tool's scratch database, times one apply into it, checks the result, and drops it. */
    private static double timed(DatabaseUrl admin, Tool tool, long pid) throws SQLException {
        String db = "atlas4j_apply_bench_" + tool.name().toLowerCase(Locale.ROOT) + "_" + pid;
        adminExec(admin, "DROP DATABASE IF EXISTS " + db);
        adminExec(admin, "CREATE DATABASE " + db);
        try {
            DatabaseUrl target = DatabaseUrl.rebuild(admin.scheme(), admin.user(), admin.password(), admin.host(),
                    admin.port(), db, admin.query());
            long start = System.nanoTime();
            tool.apply(target);
            double ms = (System.nanoTime() - start) / 1e6;
            int applied = tool.applied(target);
            int tables = count(target, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 't\\_%'");
            if (applied != FILES || tables != FILES) {
                throw new IllegalStateException(tool.name() + " applied " + applied + " files and left " + tables
                        + " tables, expected " + FILES);
            }
            return ms;
        } finally {
            adminExec(admin, "DROP DATABASE IF EXISTS " + db);
        }
    }

    private static void adminExec(DatabaseUrl admin, String sql) throws SQLException {
        try (Connection c = Dialects.forUrl(admin).connect(admin); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(DatabaseUrl url, String sql) throws SQLException {
        try (Connection c = Dialects.forUrl(url).connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** One migration tool: applies its directory to a database, and counts the files its history records. */
    private interface Tool {
        String name();

        void apply(DatabaseUrl target);

        int applied(DatabaseUrl target) throws SQLException;
    }

    /** Atlas4J as {@code atlas4j migrate apply --url URL --dir file://DIR} drives it, output discarded. */
    private record Atlas4j(Path dir) implements Tool {
        @Override
        public String name() {
            return "Atlas4J";
        }

        @Override
        public void apply(DatabaseUrl target) {
            MigrationDir migrations = MigrationDir.open(dir);
            migrations.validate();
            Migrator.of(target, migrations).apply(new ApplyOptions(0, TxMode.FILE, ExecOrder.LINEAR, null, false, false,
                    ApplyOptions.DEFAULT_LOCK_TIMEOUT, null, "Atlas4J bench"), new ApplyLog(new PrintWriter(Writer.nullWriter())));
        }

        @Override
        public int applied(DatabaseUrl target) {
            StatusReport status = Migrator.of(target, MigrationDir.open(dir)).status(null);
            return status.pending() == 0 ? status.executed() : -1;
        }
    }

    /** Flyway's Java API with its defaults (validate on migrate, a transaction per file, output to slf4j-nop). */
    private record FlywayTool(Path dir) implements Tool {
        @Override
        public String name() {
            return "Flyway";
        }

        @Override
        public void apply(DatabaseUrl target) {
            MigrateResult result = Flyway.configure()
                    .dataSource(jdbcUrl(target), target.user(), target.password())
                    .locations("filesystem:" + dir)
                    .load()
                    .migrate();
            if (!result.success) {
                throw new IllegalStateException("Flyway failed: " + result.exceptionObject);
            }
        }

        @Override
        public int applied(DatabaseUrl target) throws SQLException {
            return count(target, "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL");
        }

        private static String jdbcUrl(DatabaseUrl url) {
            String host = url.host() == null ? "localhost" : url.host();
            int port = url.port() < 0 ? 5432 : url.port();
            String sslmode = url.param("sslmode").orElse("prefer");
            return "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(url.path(), StandardCharsets.UTF_8)
                    + "?sslmode=" + sslmode;
        }
    }
}
