package io.atlas4j.testing;

import io.atlas4j.dev.SchemaState;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.testdsl.TestKind;
import io.atlas4j.url.DatabaseUrl;
import io.atlas4j.url.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the state each case starts from: the desired schema of schema tests (SQL files and directories
 * named by {@code --url} / env {@code src}), or the empty state of migrate tests.
 */
final class DesiredState {

    private DesiredState() {
    }

    static SchemaState load(TestConfig config) {
        if (config.kind() == TestKind.MIGRATE) {
            return SchemaState.EMPTY;
        }
        if (config.schemaUrls().isEmpty()) {
            throw new Atlas4jException(ErrorCode.USAGE, "required flag(s) \"url\" not set: schema tests need a desired schema",
                    "pass --url file://schema.sql, or set src in the env of atlas.hcl", null);
        }
        List<SqlScript> scripts = new ArrayList<>();
        for (String url : config.schemaUrls()) {
            for (Path file : files(config.workingDir(), url)) {
                scripts.add(SqlScript.of(file.toUri(), read(file)));
            }
        }
        return new SchemaState(scripts);
    }

    private static List<Path> files(Path workingDir, String url) {
        if (!url.startsWith("file://")) {
            String scheme = DatabaseUrl.hasScheme(url) ? url.substring(0, url.indexOf("://")) : "";
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "unsupported desired schema \"" + Redaction.mask(url) + "\""
                            + (scheme.isEmpty() ? ": missing scheme" : ": the " + scheme + ":// scheme is not supported yet"),
                    scheme.isEmpty() ? "write it as file://" + url : "use file:// URLs of SQL files or directories", null);
        }
        Path path = workingDir.resolve(url.substring("file://".length()).replaceFirst("\\?.*$", "")).normalize();
        if (!Files.exists(path)) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "desired schema " + url + ": " + path + " does not exist",
                    "check the path; relative paths resolve against " + workingDir, null);
        }
        if (Files.isDirectory(path)) {
            List<Path> sql;
            try (Stream<Path> entries = Files.list(path)) {
                List<Path> all = entries.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
                sql = all.stream().filter(p -> p.getFileName().toString().endsWith(".sql")).collect(Collectors.toList());
                all.stream().filter(DesiredState::isHclSchema).findFirst().ifPresent(DesiredState::hclNotSupported);
            } catch (IOException e) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot read directory " + path + ": " + e.getMessage(), e);
            }
            if (sql.isEmpty()) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "desired schema " + url + ": no .sql files in " + path,
                        null, null);
            }
            return sql;
        }
        if (isHclSchema(path)) {
            hclNotSupported(path);
        }
        return List.of(path);
    }

    // Test files may sit next to the schema; they are not schema (Atlas skips them too).
    private static boolean isHclSchema(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".hcl") && !name.endsWith(".test.hcl");
    }

    private static void hclNotSupported(Path p) {
        throw new Atlas4jException(ErrorCode.CONFIGURATION,
                "desired schema " + p + ": HCL schema files are not supported by Atlas4J yet",
                "describe the desired schema in SQL files (file://schema.sql or a directory of .sql files)", null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
