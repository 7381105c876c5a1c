package io.atlas4j.testing;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.schema.Realm;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.state.StateReader;
import io.atlas4j.state.StateSource;
import io.atlas4j.state.States;
import io.atlas4j.testdsl.TestKind;
import io.atlas4j.url.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the state each case starts from: the desired schema of schema tests (SQL files, Atlas HCL schema
 * files, and directories of them, named by {@code --url} / env {@code src}), or the empty state of migrate
 * tests. An HCL schema is planned from empty with the dev database's schema engine, so it becomes SQL the
 * dev database builds like any other state.
 */
final class DesiredState {

    private DesiredState() {
    }

    /** Checks the desired-state flags before a dev database is opened. */
    static void check(TestConfig config) {
        if (config.kind() == TestKind.SCHEMA && config.schemaUrls().isEmpty()) {
            throw new Atlas4jException(ErrorCode.USAGE, "required flag(s) \"url\" not set: schema tests need a desired schema",
                    "pass --url file://schema.sql (or schema.hcl), or set src in the env of atlas.hcl", null);
        }
    }

    static SchemaState load(TestConfig config, DevDatabase dev) {
        if (config.kind() == TestKind.MIGRATE) {
            return SchemaState.EMPTY;
        }
        check(config);
        List<SqlScript> scripts = new ArrayList<>();
        for (String url : config.schemaUrls()) {
            StateSource source = source(config.workingDir(), url);
            if (!(source instanceof StateSource.Files files)) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION,
                        "unsupported desired schema \"" + Redaction.mask(url) + "\": schema tests read SQL and HCL schema files",
                        "use file:// URLs of .sql or .hcl files or directories", null);
            }
            for (Path file : files.sql()) {
                scripts.add(SqlScript.of(file.toUri(), read(file)));
            }
            if (!files.other().isEmpty()) {
                SchemaDriver driver = States.driver(dev.dialect());
                Realm desired = States.readSchemaFiles(dev.dialect().name(), files.other(), Map.of());
                scripts.addAll(StateReader.plannedState(driver, desired, driver.boundSchema(dev.url()),
                        files.other().get(0).toUri()).scripts());
            }
        }
        return new SchemaState(scripts);
    }

    private static StateSource source(Path workingDir, String url) {
        if (!url.startsWith("file://")) {
            String scheme = io.atlas4j.url.DatabaseUrl.hasScheme(url) ? url.substring(0, url.indexOf("://")) : "";
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "unsupported desired schema \"" + Redaction.mask(url) + "\""
                            + (scheme.isEmpty() ? ": missing scheme" : ": the " + scheme + ":// scheme is not supported yet"),
                    scheme.isEmpty() ? "write it as file://" + url : "use file:// URLs of SQL or HCL files or directories", null);
        }
        Path path = workingDir.resolve(url.substring("file://".length()).replaceFirst("\\?.*$", "")).normalize();
        if (!Files.exists(path)) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "desired schema " + url + ": " + path + " does not exist",
                    "check the path; relative paths resolve against " + workingDir, null);
        }
        return States.parse(url, workingDir);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
