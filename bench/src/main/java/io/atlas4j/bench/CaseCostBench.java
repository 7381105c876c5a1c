package io.atlas4j.bench;

import io.atlas4j.config.TestConfigResolver;
import io.atlas4j.config.TestRequest;
import io.atlas4j.testdsl.TestFile;
import io.atlas4j.testdsl.TestKind;
import io.atlas4j.testing.CaseListener;
import io.atlas4j.testing.RunSummary;
import io.atlas4j.testing.TestConfig;
import io.atlas4j.testing.TestEnvironment;
import io.atlas4j.testing.TestLoader;
import io.atlas4j.testing.TestRun;
import io.atlas4j.url.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cost per schema-test case: runs a file of 1 case and a file of N+1 cases (each an insert, a select with
 * expected output and an assert) through the whole runtime, and prints (t(N+1) - t(1)) / N per dev
 * database. Each run includes opening the dev database and preparing the desired state, which the
 * subtraction cancels out.
 *
 * <p>Usage: {@code bin/bench [N] [dev-url ...]}; without URLs, SQLite in memory, plus PostgreSQL and
 * MySQL when {@code ATLAS4J_TEST_POSTGRES_URL} / {@code ATLAS4J_TEST_MYSQL_URL} are set. The migrate-test
 * tables ({@link MigrateBench}) follow; {@code bin/bench migrate [dev-url ...]} prints only those, and
 * {@code bin/bench apply [postgres-url]} compares {@code migrate apply} with Flyway ({@link ApplyBench}).
 */
public final class CaseCostBench {

    private static final String SCHEMA = "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL, "
            + "email varchar(200) UNIQUE);\n";

    private CaseCostBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("migrate")) {
            MigrateBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("schema")) {
            SchemaBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("apply")) {
            ApplyBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<String> urls = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            urls.add(args[i]);
        }
        if (urls.isEmpty()) {
            urls = defaultUrls();
        }
        Path dir = Files.createTempDirectory("atlas4j-bench");
        Files.writeString(dir.resolve("schema.sql"), SCHEMA);
        Files.writeString(dir.resolve("one.test.hcl"), cases(1));
        Files.writeString(dir.resolve("many.test.hcl"), cases(n + 1));
        System.out.printf(Locale.ROOT, "Cost per schema-test case (insert, select with expected output, assert), N = %d%n%n", n);
        System.out.printf(Locale.ROOT, "| dev database | t(1 case) | t(%d cases) | per case |%n", n + 1);
        System.out.println("| --- | ---: | ---: | ---: |");
        double[] pgTap = null;
        for (String url : urls) {
            // Warm up the JIT and the server, then measure.
            run(dir, url, "one.test.hcl");
            run(dir, url, "many.test.hcl");
            double one = run(dir, url, "one.test.hcl");
            double many = run(dir, url, "many.test.hcl");
            System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.3f ms |%n", Redaction.mask(url), one, many,
                    (many - one) / n);
            if (url.startsWith("postgres") && PgTapBench.available()) {
                double[] tap = PgTapBench.measure(url, SCHEMA, n, dir);
                pgTap = new double[] {tap[0], tap[1], (many - one) / n};
            }
        }
        if (pgTap != null) {
            double perCase = (pgTap[1] - pgTap[0]) / n;
            System.out.printf(Locale.ROOT, "| pgTAP (pg_prove, runtests) on the same server | %.1f ms | %.1f ms | %.3f ms |%n",
                    pgTap[0], pgTap[1], perCase);
            System.out.printf(Locale.ROOT, "%nPostgreSQL: Atlas4J %.3f ms per case, pgTAP %.3f ms per case: ratio %.2f%n",
                    pgTap[2], perCase, pgTap[2] / perCase);
        }
        parallel(dir, urls, n);
        MigrateBench.run(urls);
    }

    /** SQLite in memory, plus the servers named by the test environment variables. */
    static List<String> defaultUrls() {
        List<String> urls = new ArrayList<>();
        urls.add("sqlite://bench?mode=memory");
        addEnv(urls, "ATLAS4J_TEST_POSTGRES_URL");
        addEnv(urls, "ATLAS4J_TEST_MYSQL_URL");
        return urls;
    }

    /** The same cases marked parallel = true, run with 1 and with 2 workers. */
    private static void parallel(Path dir, List<String> urls, int n) throws IOException {
        Files.writeString(dir.resolve("parallel.test.hcl"), cases(n, true));
        System.out.printf(Locale.ROOT, "%n%d cases with parallel = true (sharing one copy, Atlas's parallel group)%n%n", n);
        System.out.println("| dev database | 1 worker | 2 workers |");
        System.out.println("| --- | ---: | ---: |");
        for (String url : urls) {
            run(dir, url, "parallel.test.hcl", 1);
            double w1 = run(dir, url, "parallel.test.hcl", 1);
            double w2 = run(dir, url, "parallel.test.hcl", 2);
            System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms |%n", Redaction.mask(url), w1, w2);
        }
    }

    private static void addEnv(List<String> urls, String name) {
        String url = System.getenv(name);
        if (url != null && !url.isBlank()) {
            urls.add(url);
        }
    }

    private static String cases(int count) {
        return cases(count, false);
    }

    /** Parallel cases share one copy, so their assert only checks their own row exists. */
    private static String cases(int count, boolean parallel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sb.append("test \"schema\" \"case").append(i).append("\" {\n")
                    .append(parallel ? "  parallel = true\n" : "")
                    .append("  exec {\n    sql = \"INSERT INTO users (id, name, email) VALUES (").append(i)
                    .append(", 'user").append(i).append("', 'u").append(i).append("@example.com')\"\n  }\n")
                    .append("  exec {\n    sql    = \"SELECT name FROM users WHERE id = ").append(i).append("\"\n")
                    .append("    output = \"user").append(i).append("\"\n  }\n")
                    .append("  assert {\n    sql = \"SELECT count(*) = 1 FROM users")
                    .append(parallel ? " WHERE id = " + i : "").append("\"\n  }\n")
                    .append("}\n");
        }
        return sb.toString();
    }

    /** Runs one file end to end and returns the wall time in milliseconds; fails loudly if a case fails. */
    private static double run(Path dir, String url, String file) {
        return run(dir, url, file, 1);
    }

    private static double run(Path dir, String url, String file, int workers) {
        TestConfig config = TestConfigResolver.resolve(new TestRequest(TestKind.SCHEMA, dir, null, null, Map.of(), url,
                List.of("file://schema.sql"), null, null, false, workers));
        long start = System.nanoTime();
        TestFile testFile = TestLoader.load(config, dir.resolve(file));
        RunSummary summary;
        try (TestEnvironment env = TestEnvironment.create(config)) {
            summary = TestRun.run(env, List.of(testFile), CaseListener.NONE);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (!summary.ok() || summary.passed() != testFile.cases().size()) {
            throw new IllegalStateException("benchmark cases failed on " + Redaction.mask(url) + ": " + summary);
        }
        return ms;
    }
}
