package io.atlas4j.state;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanMode;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.sql.SqlScript;
import java.net.URI;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** Reads states into the model: inspected from a connection, or normalised through a dev database. */
public final class StateReader {

    private StateReader() {
    }

    /**
     * Inspects a connection: the bound schema alone (as a one-schema realm) when {@code bound} is present,
     * else the whole realm. In schema scope an exclude pattern without a dot names tables and views, as
     * in Atlas (the schema is already chosen), so {@code legacy} excludes table {@code legacy}.
     */
    public static Realm inspect(SchemaDriver driver, Connection connection, Optional<String> bound,
            InspectOptions options) {
        if (bound.isPresent()) {
            Schema schema = driver.inspector().inspectSchema(connection, bound.get(), scoped(options));
            return new Realm(List.of(schema));
        }
        return driver.inspector().inspectRealm(connection, options);
    }

    /** Options for a schema-scoped inspection: dot-less exclude patterns apply to the schema's objects. */
    static InspectOptions scoped(InspectOptions options) {
        List<String> exclude = options.exclude().stream().map(p -> p.contains(".") ? p : "*." + p).toList();
        return new InspectOptions(options.include(), exclude);
    }

    /**
     * The statements that create {@code desired} on an empty database, as one script: how an HCL schema
     * becomes a {@link SchemaState} a dev database can build. In schema scope ({@code bound} present) the
     * desired realm must hold one schema; it is created in the bound schema, unqualified.
     *
     * @param source where the desired state came from, for messages
     */
    public static SchemaState plannedState(SchemaDriver driver, Realm desired, Optional<String> bound, URI source) {
        Plan plan;
        try {
            plan = planFromEmpty(driver, desired, bound);
        } catch (io.atlas4j.plan.PlanException e) {
            // The planner knows objects, not files: say which desired state cannot be built.
            throw new Atlas4jException(e.code(), display(source) + ": " + e.getMessage(), e.hint(), e);
        }
        StringBuilder sql = new StringBuilder();
        for (PlannedStatement s : plan.statements()) {
            sql.append("-- ").append(s.displayComment()).append('\n').append(s.sql()).append(";\n");
        }
        return new SchemaState(List.of(SqlScript.of(plannedSource(source), sql.toString())));
    }

    /**
     * Where the planned statements of an HCL file say they come from: not the HCL file itself, whose
     * lines they do not share, so a dev database error reads {@code /p/schema.hcl (planned SQL):4:1}.
     */
    static URI plannedSource(URI source) {
        if (!"file".equals(source.getScheme())) {
            return source;
        }
        java.nio.file.Path p = java.nio.file.Path.of(source);
        return p.resolveSibling(p.getFileName() + " (planned SQL)").toUri();
    }

    // As SourceRange shows files: relative to the working directory when below it.
    private static String display(URI source) {
        if (!"file".equals(source.getScheme())) {
            return source.toString();
        }
        java.nio.file.Path p = java.nio.file.Path.of(source);
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    /** The plan that creates {@code desired} from nothing (used for dumps and HCL states). */
    public static Plan planFromEmpty(SchemaDriver driver, Realm desired, Optional<String> bound) {
        return planFromEmpty(driver, desired, bound, "");
    }

    /** The plan that creates {@code desired} from nothing, CREATE TABLE bodies indented with {@code indent}. */
    public static Plan planFromEmpty(SchemaDriver driver, Realm desired, Optional<String> bound, String indent) {
        List<SchemaChange> changes;
        PlanOptions options;
        if (bound.isPresent()) {
            Schema only = single(desired, bound.get());
            Schema renamed = new Schema(bound.get(), only.tables(), only.views(), only.funcs(), only.procs(),
                    only.objects(), only.attrs());
            Schema empty = new Schema(bound.get(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
            changes = driver.differ().diffSchema(empty, renamed, DiffOptions.DEFAULT);
            options = PlanOptions.SCHEMA.mode(PlanMode.DUMP);
        } else {
            changes = driver.differ().diffRealm(new Realm(List.of()), desired, DiffOptions.DEFAULT);
            options = PlanOptions.REALM.mode(PlanMode.DUMP);
        }
        return driver.planner().plan("desired", changes, options.indented(indent));
    }

    /** The one schema of {@code desired}, for a schema-scoped target. */
    public static Schema single(Realm desired, String bound) {
        if (desired.schemas().size() > 1) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "cannot use a desired state of " + desired.schemas().size() + " schemas when the URL is bound to schema \""
                            + bound + "\"",
                    "remove search_path (or the database path) from the URL to work on the whole database, or keep one schema", null);
        }
        if (desired.schemas().isEmpty()) {
            return new Schema(bound, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        return desired.schemas().get(0);
    }

    /**
     * Builds {@code state} on a clean dev database and inspects it back: the desired state in the
     * database's normal form. The dev database's workspace checks it is clean and undoes the build.
     */
    public static Realm normalize(DevDatabase dev, SchemaDriver driver, SchemaState state, Optional<String> bound,
            InspectOptions options) {
        try (Workspace workspace = dev.prepare(state); DevSession session = workspace.lease()) {
            return inspect(driver, session.connection(), bound, options);
        }
    }
}
