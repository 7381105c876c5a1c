package io.atlas4j.state;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import io.atlas4j.url.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a state comes from, as Atlas's {@code --from}/{@code --to}/{@code --url} flags name it: a database
 * URL, schema files ({@code file://schema.sql}, {@code file://schema.hcl}, a directory of them), or a
 * migration directory ({@code file://migrations?version=2}, with {@code ?format=atlas} or read as such when
 * it holds an {@code atlas.sum}).
 */
public sealed interface StateSource {

    /** The URL as the user wrote it (for messages: mask it). */
    String url();

    /** A live database, inspected. */
    record Database(String url, DatabaseUrl parsed) implements StateSource {
    }

    /** SQL and HCL schema files, in name order within directories. */
    record Files(String url, List<Path> sql, List<Path> other) implements StateSource {
        public Files {
            sql = List.copyOf(sql);
            other = List.copyOf(other);
        }
    }

    /** A migration directory, replayed up to {@code version} (all files when empty). */
    record MigrationDirectory(String url, Path dir, Optional<String> version) implements StateSource {
    }

    /**
     * Parses a state URL; relative {@code file://} paths resolve against {@code workingDir}.
     *
     * @param schemaFile tells schema files other than SQL (HCL) apart
     */
    static StateSource parse(String url, Path workingDir, java.util.function.Predicate<Path> schemaFile) {
        if (!url.startsWith("file://")) {
            if (!DatabaseUrl.hasScheme(url)) {
                throw new Atlas4jException(ErrorCode.USAGE, "state URL \"" + Redaction.mask(url) + "\": missing scheme",
                        "write a schema file as file://" + url + ", or a database URL such as postgres://...", null);
            }
            return new Database(url, DatabaseUrl.parse(url));
        }
        String rest = url.substring("file://".length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Path path = workingDir.resolve(rest.isEmpty() ? "." : rest).normalize();
        if (!java.nio.file.Files.exists(path)) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "state " + url + ": " + path + " does not exist",
                    "check the path; relative paths resolve against " + workingDir, null);
        }
        Optional<String> version = Optional.empty();
        boolean migrations = false;
        for (String pair : query.split("&")) {
            if (pair.startsWith("version=")) {
                version = Optional.of(pair.substring("version=".length()));
                migrations = true;
            } else if (pair.startsWith("format=")) {
                migrations = true;
            }
        }
        if (java.nio.file.Files.isDirectory(path)) {
            if (migrations || java.nio.file.Files.exists(path.resolve("atlas.sum"))) {
                return new MigrationDirectory(url, path, version);
            }
            List<Path> sql = new ArrayList<>();
            List<Path> other = new ArrayList<>();
            try (Stream<Path> entries = java.nio.file.Files.list(path)) {
                for (Path p : entries.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                    if (p.getFileName().toString().endsWith(".sql")) {
                        sql.add(p);
                    } else if (schemaFile.test(p)) {
                        other.add(p);
                    }
                }
            } catch (IOException e) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot read directory " + path + ": " + e.getMessage(), e);
            }
            if (sql.isEmpty() && other.isEmpty()) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "state " + url + ": no schema files in " + path,
                        "put .sql or .hcl schema files in it", null);
            }
            return new Files(url, sql, other);
        }
        if (path.getFileName().toString().endsWith(".sql")) {
            return new Files(url, List.of(path), List.of());
        }
        if (schemaFile.test(path)) {
            return new Files(url, List.of(), List.of(path));
        }
        throw new Atlas4jException(ErrorCode.CONFIGURATION, "state " + url + ": " + path.getFileName()
                + " is neither a .sql nor an .hcl schema file", "name schema files *.sql or *.hcl", null);
    }
}
