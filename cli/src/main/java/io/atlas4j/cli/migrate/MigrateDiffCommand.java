package io.atlas4j.cli.migrate;

import io.atlas4j.cli.Atlas4jCommand;
import io.atlas4j.cli.options.DevProperties;
import io.atlas4j.cli.options.DevUrlOptions;
import io.atlas4j.cli.options.ProjectOptions;
import io.atlas4j.cli.output.SqlFormat;
import io.atlas4j.config.EnvConfig;
import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.migrate.ChecksumMismatchException;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.format.MigrationWriter;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanMode;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.state.StateContext;
import io.atlas4j.state.StateReader;
import io.atlas4j.state.StateSource;
import io.atlas4j.state.States;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j migrate diff [name] --to URL --dev-url URL}: replays the directory on the dev database,
 * diffs it against the desired state and writes the difference as a new migration file in the
 * directory's format, then rewrites {@code atlas.sum}. Prints nothing when it writes, and Atlas's synced
 * message when there is nothing to write.
 */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Write a new migration file with the changes between the directory and a desired state.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} diff add_users --to file://schema.hcl \\",
            "      --dev-url \"embedded://postgres/16/dev?search_path=public\"",
            "  ${PARENT-COMMAND-FULL-NAME} diff --env local --dir \"file://migrations?format=golang-migrate\"",
        },
        optionListHeading = "%nOptions:%n")
public final class MigrateDiffCommand implements Callable<Integer> {

    /** What Atlas prints when the directory already matches the desired state. */
    public static final String SYNCED = io.atlas4j.plan.PlanPrinter.MIGRATE_SYNCED;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "name", description = "Appended to the version as _name.")
    String name;

    @Option(names = "--to", paramLabel = "URL", split = ",", description = "The desired state (file://schema.hcl, file://schema.sql, a database).")
    List<String> to;

    @Mixin
    DevUrlOptions dev;

    @Mixin
    DirOptions directory;

    @Option(names = {"-s", "--schema"}, paramLabel = "NAME", split = ",", description = "Only these schemas.")
    List<String> schemas;

    @Option(names = "--qualifier", paramLabel = "NAME", description = "Qualify objects with this schema (schema-bound dev URLs only).")
    String qualifier;

    @Option(names = "--format", paramLabel = "TEMPLATE", description = "'{{ sql . \"  \" }}' indents CREATE TABLE bodies.")
    String format;

    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() {
        Path workingDir = Atlas4jCommand.of(spec).workingDir();
        EnvDefaults defaults = EnvDefaults.of(project, spec);
        Optional<EnvConfig> env = defaults.env();
        String dirUrl = directory.resolve(defaults);
        String devUrl = defaults.devUrl(dev.devUrl());
        if (devUrl == null) {
            throw new Atlas4jException(ErrorCode.USAGE, "required flag(s) \"dev-url\" not set",
                    "migrate diff replays the directory on a dev database: pass --dev-url", null);
        }
        List<String> desired = to != null && !to.isEmpty() ? to : env.map(EnvConfig::src).orElse(List.of());
        if (desired.isEmpty()) {
            throw new Atlas4jException(ErrorCode.USAGE, "required flag(s) \"to\" not set",
                    "pass the desired state with --to, e.g. --to file://schema.hcl", null);
        }
        if (desired.size() != 1) {
            throw new Atlas4jException(ErrorCode.USAGE, "--to takes one URL", "put schema files in one directory", null);
        }
        MigrationDir migrations = open(dirUrl, workingDir);
        try {
            migrations.validate();
        } catch (ChecksumMismatchException e) {
            return MigrateValidateCommand.printChecksumError(e, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        SqlFormat sqlFormat = SqlFormat.parse(format, new SqlFormat(true, ""));
        String indent = sqlFormat.indent();
        InspectOptions options = new InspectOptions(schemas == null || schemas.isEmpty()
                ? env.map(EnvConfig::schemas).orElse(List.of()) : schemas, env.map(EnvConfig::exclude).orElse(List.of()));
        DiffOptions diffOptions = env.map(EnvConfig::diff).map(d -> d.toOptions()).orElse(DiffOptions.DEFAULT);
        try (DevDatabase devDb = DevDatabases.open(DatabaseUrl.parse(devUrl),
                new DevOptions(DevOptions.defaults().connectTimeout(), DevProperties.from(System.getProperties(), null)))) {
            SchemaDriver driver = States.driver(devDb.dialect());
            Optional<String> bound = driver.boundSchema(devDb.url());
            if (qualifier != null && bound.isEmpty()) {
                throw new Atlas4jException(ErrorCode.USAGE, "--qualifier needs a dev URL bound to a schema",
                        "add search_path (or the database path) to --dev-url", null);
            }
            SchemaState replay = new SchemaState(migrations.files().stream()
                    .map(f -> SqlScript.of(f.path().toUri(), f.upText())).toList());
            Realm current = StateReader.normalize(devDb, driver, replay, bound, options);
            Map<String, Object> vars = new LinkedHashMap<>();
            project.vars().forEach((k, v) -> vars.put(k, v.size() == 1 ? v.get(0) : List.copyOf(v)));
            StateSource source = States.parse(desired.get(0), workingDir);
            StateContext context = new StateContext(devDb.dialect().name(), Optional.of(() -> devDb), bound, options, vars,
                    workingDir);
            Realm target = States.read(source, context);
            // renamed_from hints do not survive normalisation through the dev database: they ride beside it.
            DiffOptions withRenames = diffOptions.withRenames(States.renames(source, context));
            List<SchemaChange> changes = bound.isPresent()
                    ? driver.differ().diffSchema(StateReader.single(current, bound.get()), StateReader.single(target, bound.get()), withRenames)
                    : driver.differ().diffRealm(current, target, withRenames);
            PlanOptions planOptions = new PlanOptions(bound.isPresent() ? Optional.of(qualifier == null ? "" : qualifier)
                    : Optional.empty(), indent, PlanMode.DEFERRED);
            Plan plan = driver.planner().plan(name == null ? "" : name, changes, planOptions);
            if (plan.isEmpty()) {
                spec.commandLine().getOut().println(SYNCED);
                spec.commandLine().getOut().flush();
                return 0;
            }
            MigrationWriter.write(migrations.path(), migrations.format(),
                    MigrationWriter.files(migrations.format(), plan, MigrationWriter.now(Clock.systemUTC()), name));
        }
        return 0;
    }

    // Like migrate new, the first diff of a project creates the directory.
    private static MigrationDir open(String dirUrl, Path workingDir) {
        if (dirUrl.startsWith("file://")) {
            String location = dirUrl.substring("file://".length()).replaceFirst("\\?.*$", "");
            Path path = workingDir.resolve(location.isEmpty() ? "migrations" : location);
            try {
                Files.createDirectories(path);
            } catch (IOException e) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot create migration directory " + path + ": "
                        + e.getMessage(), e);
            }
        }
        return MigrationDir.open(dirUrl, workingDir);
    }
}
