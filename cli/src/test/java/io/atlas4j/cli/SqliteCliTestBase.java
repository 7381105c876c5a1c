package io.atlas4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box runs of {@code atlas4j schema test} on a real, in-process SQLite dev database, from a
 * temporary working directory holding real files. Checklist items of testing-dsl.md §10 are named in
 * the test method names ({@code t12_...}).
 */
abstract class SqliteCliTestBase {

    /** The desired schema of the checklist, minus PostgreSQL's domain. */
    static final String SCHEMA = "CREATE TABLE users (id int PRIMARY KEY, name text, email text UNIQUE);\n";

    @TempDir
    Path dir;

    /** A private in-memory database per test. */
    String devUrl;

    @BeforeEach
    void setUpWorkingDirectory() {
        devUrl = "sqlite://t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "?mode=memory";
        write("schema.sql", SCHEMA);
    }

    /** Writes {@code content} to {@code name} below the working directory, creating parent directories. */
    Path write(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code atlas4j args...} from the working directory. */
    CliResult atlas4j(String... args) {
        return Cli.run(dir, args);
    }

    /** {@code atlas4j schema test --dev-url <sqlite> --url file://schema.sql args...}. */
    CliResult schemaTest(String... args) {
        List<String> all = new ArrayList<>(List.of("schema", "test", "--dev-url", devUrl, "--url", "file://schema.sql"));
        all.addAll(Arrays.asList(args));
        return atlas4j(all.toArray(String[]::new));
    }

    /** Writes {@code a.test.hcl} and runs it: the checklist's "Run". */
    CliResult runA(String testFile, String... args) {
        write("a.test.hcl", testFile);
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("a.test.hcl");
        return schemaTest(all.toArray(String[]::new));
    }

    /** A one-case file {@code test "schema" "t" { <body> }}, body lines indented by two spaces. */
    static String caseT(String body) {
        StringBuilder file = new StringBuilder("test \"schema\" \"t\" {\n");
        body.lines().forEach(line -> file.append(line.isEmpty() ? "" : "  ").append(line).append('\n'));
        return file.append("}\n").toString();
    }
}
