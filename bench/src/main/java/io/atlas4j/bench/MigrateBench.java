package io.atlas4j.bench;

import io.atlas4j.config.TestConfigResolver;
import io.atlas4j.config.TestRequest;
import io.atlas4j.migrate.MigrationDir;
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
 * Migrate tests (issue 4, Speed): the cost of 50 cases over a 100-file directory against applying the
 * directory once, and the per-case cost of the seed's two-version data-migration test (T66). Every time
 * is a whole run: opening the dev database, preparing states and running the cases.
 *
 * <p>The directory cases come in two shapes. The target's shape tests the last file's data migration
 * (migrate to 099, seed, migrate to 100, check): without a cache each case replays the whole directory,
 * about 50 times one apply, which is what the figure is about. The second shape starts ten files
 * earlier (090): each case then applies 10 of the 100 files itself, so 50 cases cost at least 5 times one
 * apply whatever the cache does; it is printed to show how the cost grows with the files a case runs.
 *
 * <p>Usage: {@code bin/bench migrate [dev-url ...]}; without URLs, SQLite in memory, plus PostgreSQL and
 * MySQL when {@code ATLAS4J_TEST_POSTGRES_URL} / {@code ATLAS4J_TEST_MYSQL_URL} are set.
 */
final class MigrateBench {

    static final int FILES = 100;
    static final int CASES = 50;
    /** Where the target's cases start: the last file is the one they test. */
    static final int START = 99;
    /** Where the second shape's cases start: ten files before the end. */
    static final int EARLY_START = 90;
    static final String LAST = version(FILES);
    static final int SEED_CASES = 50;

    private MigrateBench() {
    }

    public static void main(String[] args) throws IOException {
        List<String> urls = new ArrayList<>(List.of(args));
        if (urls.isEmpty()) {
            urls = CaseCostBench.defaultUrls();
        }
        run(urls);
    }

    static void run(List<String> urls) throws IOException {
        directory(urls, START, "target: ratio at most 5");
        directory(urls, EARLY_START, "each case applies 10 files itself: at least 5 by construction");
        seed(urls);
    }

    /** 50 cases over 100 files, against one case applying the directory, and against 50 replaying it. */
    private static void directory(List<String> urls, int start, String note) throws IOException {
        Path dir = Files.createTempDirectory("atlas4j-bench-migrate");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 1; i <= FILES; i++) {
            Files.writeString(migrations.resolve(version(i) + "_step.sql"), file(i));
        }
        MigrationDir.open(migrations).writeSumFile();
        Files.writeString(dir.resolve("once.test.hcl"), "test \"migrate\" \"once\" {\n  migrate {\n    to = \"" + LAST
                + "\"\n  }\n}\n");
        Files.writeString(dir.resolve("cases.test.hcl"), directoryCases(start, false));
        Files.writeString(dir.resolve("replay.test.hcl"), directoryCases(start, true));
        System.out.printf(Locale.ROOT, "%nMigrate tests: %d cases (migrate to %s, seed, migrate to %s, check) over a %d-file "
                + "directory, against one case applying it (%s; medians of %d runs)%n%n", CASES, version(start), LAST, FILES,
                note, ROUNDS);
        System.out.println("| dev database | apply once | " + CASES + " cases | ratio | " + CASES
                + " cases replaying from empty | ratio |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (String url : urls) {
            run(dir, url, "once.test.hcl");
            run(dir, url, "cases.test.hcl");
            double once = median(dir, url, "once.test.hcl");
            double cases = median(dir, url, "cases.test.hcl");
            double replay = run(dir, url, "replay.test.hcl");
            System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.2f | %.1f ms | %.2f |%n", Redaction.mask(url), once,
                    cases, cases / once, replay, replay / once);
        }
    }

    /** The seed's T66 case repeated: migrate to 1, insert, migrate to 2, check; (t(N+1) - t(1)) / N. */
    private static void seed(List<String> urls) throws IOException {
        System.out.printf(Locale.ROOT, "%nThe seed's two-version migrate test (T66), per case after the first, N = %d "
                + "(target: at most 10 ms; medians of %d runs)%n%n", SEED_CASES, ROUNDS);
        System.out.printf(Locale.ROOT, "| dev database | t(1 case) | t(%d cases) | per case |%n", SEED_CASES + 1);
        System.out.println("| --- | ---: | ---: | ---: |");
        for (String url : urls) {
            Path dir = Files.createTempDirectory("atlas4j-bench-seed");
            Path migrations = Files.createDirectories(dir.resolve("migrations"));
            Files.writeString(migrations.resolve("1_init.sql"), "CREATE TABLE people (name varchar(100));\n");
            Files.writeString(migrations.resolve("2_split.sql"), split(url));
            MigrationDir.open(migrations).writeSumFile();
            Files.writeString(dir.resolve("one.test.hcl"), seedCases(1));
            Files.writeString(dir.resolve("many.test.hcl"), seedCases(SEED_CASES + 1));
            run(dir, url, "one.test.hcl");
            run(dir, url, "many.test.hcl");
            double one = median(dir, url, "one.test.hcl");
            double many = median(dir, url, "many.test.hcl");
            System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.3f ms |%n", Redaction.mask(url), one, many,
                    (many - one) / SEED_CASES);
        }
    }

    /** Zero-padded, so that string order (Atlas's) is numeric order. */
    static String version(int i) {
        return String.format(Locale.ROOT, "%03d", i);
    }

    /** Small portable files in threes: create a table, add a column to it, insert two rows. */
    static String file(int i) {
        return switch (i % 3) {
            case 1 -> "CREATE TABLE t" + i + " (id int PRIMARY KEY, name varchar(50));\n";
            case 2 -> "ALTER TABLE t" + (i - 1) + " ADD COLUMN extra int;\n";
            default -> "INSERT INTO t" + (i - 2) + " (id, name, extra) VALUES (1, 'a', 1);\nINSERT INTO t" + (i - 2)
                    + " (id, name, extra) VALUES (2, 'b', 2);\n";
        };
    }

    /**
     * The directory cases; replaying ones start with a log step, so that they start from the empty
     * database and apply every file up to their first target themselves (what the cache saves).
     */
    private static String directoryCases(int start, boolean replay) {
        // The table the last "create" file before the start made; its two rows are in by then.
        String seeded = "t" + (start - (start - 1) % 3);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= CASES; i++) {
            sb.append("test \"migrate\" \"case").append(i).append("\" {\n")
                    .append(replay ? "  log {\n    message = \"from empty\"\n  }\n" : "")
                    .append("  migrate {\n    to = \"").append(version(start)).append("\"\n  }\n")
                    .append("  exec {\n    sql = \"INSERT INTO ").append(seeded).append(" (id, name, extra) VALUES (").append(100 + i)
                    .append(", 'case', ").append(i).append(")\"\n  }\n")
                    .append("  migrate {\n    to = \"").append(LAST).append("\"\n  }\n")
                    .append("  exec {\n    sql    = \"SELECT count(*) FROM ").append(seeded).append("\"\n    output = \"3\"\n  }\n")
                    .append("  exec {\n    sql    = \"SELECT count(*) FROM t100\"\n    output = \"0\"\n  }\n")
                    .append("}\n");
        }
        return sb.toString();
    }

    /** T66's second file, in the dialect's string functions. */
    private static String split(String url) {
        String first;
        String last;
        if (url.startsWith("postgres") || url.startsWith("embedded://postgres") || url.startsWith("docker://postgres")) {
            first = "split_part(name, ' ', 1)";
            last = "split_part(name, ' ', 2)";
        } else {
            first = "substr(name, 1, instr(name, ' ') - 1)";
            last = "substr(name, instr(name, ' ') + 1)";
        }
        return "ALTER TABLE people ADD COLUMN first_name varchar(50);\n"
                + "ALTER TABLE people ADD COLUMN last_name varchar(50);\n"
                + "UPDATE people SET first_name = " + first + ", last_name = " + last + ";\n";
    }

    private static String seedCases(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sb.append("test \"migrate\" \"split").append(i).append("\" {\n")
                    .append("  migrate {\n    to = \"1\"\n  }\n")
                    .append("  exec {\n    sql = \"INSERT INTO people (name) VALUES ('Ada Lovelace')\"\n  }\n")
                    .append("  migrate {\n    to = \"2\"\n  }\n")
                    .append("  exec {\n    sql    = \"SELECT first_name, last_name FROM people\"\n")
                    .append("    output = \"Ada, Lovelace\"\n  }\n")
                    .append("}\n");
        }
        return sb.toString();
    }

    /** Runs of one file whose median is reported: a single run on a shared VM varies by 20% and more. */
    static final int ROUNDS = 5;

    /** The median wall time of {@link #ROUNDS} runs of one file. */
    private static double median(Path dir, String url, String file) {
        double[] times = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            times[i] = run(dir, url, file);
        }
        java.util.Arrays.sort(times);
        return times[ROUNDS / 2];
    }

    /** Runs one file end to end and returns the wall time in milliseconds; fails loudly if a case fails. */
    private static double run(Path dir, String url, String file) {
        TestConfig config = TestConfigResolver.resolve(new TestRequest(TestKind.MIGRATE, dir, null, null, Map.of(), url,
                List.of(), null, null, false, 1));
        long start = System.nanoTime();
        TestFile testFile = TestLoader.load(config, dir.resolve(file));
        RunSummary summary;
        try (TestEnvironment env = TestEnvironment.create(config)) {
            summary = TestRun.run(env, List.of(testFile), CaseListener.NONE);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (!summary.ok() || summary.passed() != testFile.cases().size()) {
            throw new IllegalStateException("migrate benchmark cases failed on " + Redaction.mask(url) + ": " + summary);
        }
        return ms;
    }
}
