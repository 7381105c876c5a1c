package io.atlas4j.state;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.schema.Realm;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.url.Redaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Reads any {@link StateSource} into the model. Databases are inspected; SQL files and migration
 * directories are built on the dev database and inspected back; HCL files are read with the
 * {@link SchemaFileReader} found on the class path and, when a dev database is given, normalised through
 * it (planned from empty, built, inspected back), as Atlas does.
 */
public final class States {

    private States() {
    }

    /** Parses a URL with the schema-file readers on the class path. */
    public static StateSource parse(String url, Path workingDir) {
        List<SchemaFileReader> readers = readers();
        return StateSource.parse(url, workingDir, p -> readers.stream().anyMatch(r -> r.accepts(p)));
    }

    /** The schema driver of {@code dialect}, or a clear error when it has none yet. */
    public static SchemaDriver driver(Dialect dialect) {
        return dialect.schemaDriver().orElseThrow(() -> new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT,
                "the " + dialect.name() + " dialect has no schema engine yet",
                "schema inspect, diff and apply, migrate diff and migrate down support PostgreSQL and SQLite", null));
    }

    /** Reads {@code source}; for a database, the URL's own scope applies. */
    public static Realm read(StateSource source, StateContext context) {
        if (source instanceof StateSource.Database db) {
            Dialect dialect = Dialects.forUrl(db.parsed());
            SchemaDriver driver = driver(dialect);
            try (Connection c = dialect.connect(db.parsed())) {
                return StateReader.inspect(driver, c, driver.boundSchema(db.parsed()), context.options());
            } catch (SQLException e) {
                throw new Atlas4jException(ErrorCode.CONNECTION, "cannot connect to " + db.parsed().masked() + ": "
                        + dialect.errorMessage(e), e);
            }
        }
        Dialect dialect = Dialects.all().stream().filter(d -> d.name().equals(context.dialect())).findFirst()
                .orElseThrow(() -> new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT, "unknown dialect " + context.dialect()));
        SchemaDriver driver = driver(dialect);
        if (source instanceof StateSource.Files files) {
            Optional<Realm> hcl = files.other().isEmpty() ? Optional.empty()
                    : Optional.of(readSchemaFiles(dialect.name(), files.other(), context));
            if (files.sql().isEmpty() && context.dev().isEmpty()) {
                return hcl.orElseThrow();
            }
            List<SqlScript> scripts = new ArrayList<>();
            for (Path p : files.sql()) {
                scripts.add(SqlScript.of(p.toUri(), read(p)));
            }
            if (hcl.isPresent()) {
                scripts.addAll(StateReader.plannedState(driver, hcl.get(), context.bound(), files.other().get(0).toUri()).scripts());
            }
            return StateReader.normalize(dev(source, context), driver, new SchemaState(scripts), context.bound(),
                    context.options());
        }
        StateSource.MigrationDirectory dir = (StateSource.MigrationDirectory) source;
        MigrationDir migrations = MigrationDir.open(dir.dir());
        migrations.validate();
        List<MigrationFile> files = dir.version().map(migrations::filesUpTo).orElse(migrations.files());
        List<SqlScript> scripts = files.stream().map(f -> SqlScript.of(f.path().toUri(), f.upText())).toList();
        return StateReader.normalize(dev(source, context), driver, new SchemaState(scripts), context.bound(),
                context.options());
    }

    private static DevDatabase dev(StateSource source, StateContext context) {
        return context.dev().orElseThrow(() -> new Atlas4jException(ErrorCode.USAGE,
                "--dev-url is required to read " + Redaction.mask(source.url()),
                "pass a dev database, e.g. --dev-url \"docker://postgres/16/dev\" or \"embedded://postgres/16\"", null)).get();
    }

    private static Realm readSchemaFiles(String dialect, List<Path> files, StateContext context) {
        return readSchemaFiles(dialect, files, context.variables());
    }

    /**
     * Reads non-SQL schema files (HCL) with the reader on the class path that accepts them all.
     *
     * @throws Atlas4jException when no reader accepts them, or for bad input (with positions)
     */
    public static Realm readSchemaFiles(String dialect, List<Path> files, java.util.Map<String, Object> variables) {
        for (SchemaFileReader reader : readers()) {
            if (files.stream().allMatch(reader::accepts)) {
                return reader.read(dialect, files, variables);
            }
        }
        throw new Atlas4jException(ErrorCode.CONFIGURATION, "no reader for schema files " + files,
                "add atlas4j-schema-hcl to the class path", null);
    }

    /**
     * The rename hints ({@code renamed_from}) of a desired state: those its schema files (HCL) declare; none
     * for databases, SQL files and migration directories.
     */
    public static List<io.atlas4j.diff.Rename> renames(StateSource source, StateContext context) {
        if (!(source instanceof StateSource.Files files) || files.other().isEmpty()) {
            return List.of();
        }
        for (SchemaFileReader reader : readers()) {
            if (files.other().stream().allMatch(reader::accepts)) {
                return reader.renames(context.dialect(), files.other(), context.variables());
            }
        }
        return List.of();
    }

    private static List<SchemaFileReader> readers() {
        List<SchemaFileReader> out = new ArrayList<>();
        ServiceLoader.load(SchemaFileReader.class, States.class.getClassLoader()).forEach(out::add);
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
