package io.atlas4j.bench;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The same checks as {@link CaseCostBench}'s cases written as pgTAP xUnit tests (one test function per
 * case, each run by {@code runtests()} in its own rolled-back block) and run by {@code pg_prove}, in a
 * scratch database next to the dev database. Needs Debian's {@code postgresql-15-pgtap} and
 * {@code libtap-parser-sourcehandler-pgtap-perl}.
 */
final class PgTapBench {

    private PgTapBench() {
    }

    /** Whether pg_prove can be run here. */
    static boolean available() {
        try {
            return new ProcessBuilder("pg_prove", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Milliseconds for a run of 1 case and of {@code n + 1} cases: {@code [t1, tMany]}. */
    static double[] measure(String devUrl, String schema, int n, Path dir) throws Exception {
        DatabaseUrl url = DatabaseUrl.parse(devUrl);
        Dialect dialect = Dialects.forUrl(url);
        String db = "atlas4j_pgtap_" + ProcessHandle.current().pid();
        DatabaseUrl scratch = DatabaseUrl.rebuild(url.scheme(), url.user(), url.password(), url.host(), url.port(), db,
                Map.of("sslmode", url.param("sslmode").orElse("disable")));
        try (Connection admin = dialect.connect(url); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db);
            st.execute("CREATE DATABASE " + db);
        }
        try {
            try (Connection c = dialect.connect(scratch); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION pgtap");
                st.execute(schema);
            }
            Path one = write(dir.resolve("one.pg"), 1);
            Path many = write(dir.resolve("many.pg"), n + 1);
            prove(scratch, one);
            prove(scratch, many);
            return new double[] {prove(scratch, one), prove(scratch, many)};
        } finally {
            try (Connection admin = dialect.connect(url); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static Path write(Path file, int cases) throws IOException {
        StringBuilder sb = new StringBuilder("SET client_min_messages = warning;\nBEGIN;\n");
        for (int i = 1; i <= cases; i++) {
            sb.append("CREATE FUNCTION test_case_").append(i).append("() RETURNS SETOF TEXT LANGUAGE plpgsql AS $$\n")
                    .append("BEGIN\n")
                    .append("  INSERT INTO users (id, name, email) VALUES (").append(i).append(", 'user").append(i)
                    .append("', 'u").append(i).append("@example.com');\n")
                    .append("  RETURN NEXT is((SELECT name FROM users WHERE id = ").append(i).append(")::text, 'user")
                    .append(i).append("', 'select');\n")
                    .append("  RETURN NEXT ok((SELECT count(*) = 1 FROM users), 'assert');\n")
                    .append("END $$;\n");
        }
        sb.append("SELECT * FROM runtests('^test_case_');\nROLLBACK;\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Runs pg_prove on one file and returns its wall time; fails loudly if pgTAP reports a failure. */
    private static double prove(DatabaseUrl db, Path file) throws IOException, InterruptedException, SQLException {
        ProcessBuilder pb = new ProcessBuilder(List.of("pg_prove", "--ext", ".pg", "-h", db.host() == null ? "localhost" : db.host(),
                "-p", String.valueOf(db.port() < 0 ? 5432 : db.port()), "-U", db.user() == null ? "postgres" : db.user(),
                "-d", db.path(), file.toString())).redirectErrorStream(true);
        if (db.password() != null) {
            pb.environment().put("PGPASSWORD", db.password());
        }
        long start = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (status != 0 || !out.contains("Result: PASS")) {
            throw new SQLException("pg_prove failed (" + status + "):\n" + out);
        }
        return ms;
    }
}
