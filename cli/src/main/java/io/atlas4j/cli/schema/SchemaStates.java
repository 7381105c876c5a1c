package io.atlas4j.cli.schema;

import io.atlas4j.cli.Atlas4jCommand;
import io.atlas4j.cli.options.DevProperties;
import io.atlas4j.cli.options.FlagOrEnv;
import io.atlas4j.cli.options.ProjectOptions;
import io.atlas4j.config.EnvConfig;
import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.schema.Realm;
import io.atlas4j.state.StateContext;
import io.atlas4j.state.StateSource;
import io.atlas4j.state.States;
import io.atlas4j.url.DatabaseUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The state flags the schema commands share ({@code --url}/{@code --from}/{@code --to}, {@code --dev-url},
 * {@code --schema}, {@code --exclude}), the env of the project file that fills them, and the dev database
 * opened at most once per command and closed with it.
 */
final class SchemaStates implements AutoCloseable {

    private final Path workingDir;
    private final Optional<EnvConfig> env;
    private final Map<String, Object> variables;
    private String devUrl;
    private DevDatabase dev;

    private SchemaStates(Path workingDir, Optional<EnvConfig> env, Map<String, Object> variables) {
        this.workingDir = workingDir;
        this.env = env;
        this.variables = variables;
    }

    static SchemaStates of(CommandSpec spec, ProjectOptions project, String devUrlFlag) {
        Path workingDir = Atlas4jCommand.of(spec).workingDir();
        Optional<EnvConfig> env = project.selectedEnv(workingDir);
        Map<String, Object> vars = new LinkedHashMap<>();
        project.vars().forEach((k, v) -> vars.put(k, v.size() == 1 ? v.get(0) : List.copyOf(v)));
        SchemaStates states = new SchemaStates(workingDir, env, vars);
        states.devUrl = pick(devUrlFlag, env.map(EnvConfig::dev).orElse(null));
        return states;
    }

    /** {@code --url}, else the env's {@code url}; a usage error when neither is set. */
    String url(String flag, String name) {
        String url = pick(flag, env.map(EnvConfig::url).orElse(null));
        if (url == null) {
            throw new Atlas4jException(ErrorCode.USAGE, "required flag(s) \"" + name + "\" not set",
                    "pass --" + name + ", or select an env with --env", null);
        }
        return url;
    }

    /** The flag's URLs, else the env's {@code src}; a usage error when neither is set. */
    List<String> desired(List<String> flag, String name) {
        if (flag != null && !flag.isEmpty()) {
            return flag;
        }
        List<String> src = env.map(EnvConfig::src).orElse(List.of());
        if (src.isEmpty()) {
            throw new Atlas4jException(ErrorCode.USAGE, "required flag(s) \"" + name + "\" not set",
                    "pass --" + name + " (e.g. file://schema.hcl), or set src in the env of atlas.hcl", null);
        }
        return src;
    }

    StateSource parse(String url) {
        return States.parse(url, workingDir);
    }

    /** The dialect a comparison speaks: the first database URL's, else the dev database's. */
    Dialect dialect(List<StateSource> sources) {
        for (StateSource s : sources) {
            if (s instanceof StateSource.Database db) {
                return Dialects.forUrl(db.parsed());
            }
        }
        if (devUrl != null) {
            return Dialects.forUrl(devDatabaseUrl());
        }
        throw new Atlas4jException(ErrorCode.USAGE, "cannot tell the database dialect: no database URL was given",
                "pass --dev-url (e.g. \"docker://postgres/16/dev\" or \"embedded://postgres/16\")", null);
    }

    /** The scope of a database source, or of the dev database for file sources. */
    Optional<String> bound(StateSource source, Dialect dialect) {
        if (source instanceof StateSource.Database db) {
            return States.driver(Dialects.forUrl(db.parsed())).boundSchema(db.parsed());
        }
        return devUrl == null ? Optional.empty() : States.driver(dialect).boundSchema(devDatabaseUrl());
    }

    /** Reads one state. */
    Realm read(StateSource source, Dialect dialect, Optional<String> bound, InspectOptions options) {
        Optional<Supplier<DevDatabase>> devSupplier = devUrl == null ? Optional.empty() : Optional.of(this::dev);
        return States.read(source, new StateContext(dialect.name(), devSupplier, bound, options, variables, workingDir));
    }

    /** The rename hints ({@code renamed_from}) of a desired state; none unless it is HCL files. */
    List<io.atlas4j.diff.Rename> renames(StateSource source, Dialect dialect, Optional<String> bound, InspectOptions options) {
        return States.renames(source, new StateContext(dialect.name(), Optional.empty(), bound, options, variables, workingDir));
    }

    private DatabaseUrl devDatabaseUrl() {
        return DatabaseUrl.parse(devUrl);
    }

    private DevDatabase dev() {
        if (dev == null) {
            dev = DevDatabases.open(devDatabaseUrl(),
                    new DevOptions(DevOptions.defaults().connectTimeout(), DevProperties.from(System.getProperties(), null)));
        }
        return dev;
    }

    /** Splits comma-separated flag values, as Atlas's string-slice flags do. */
    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    /** The flags' schemas and excludes, else the env's {@code schemas} and {@code exclude}. */
    InspectOptions inspectOptions(List<String> schemas, List<String> excludes) {
        List<String> s = split(schemas);
        List<String> x = split(excludes);
        return new InspectOptions(s.isEmpty() ? env.map(EnvConfig::schemas).orElse(List.of()) : s,
                x.isEmpty() ? env.map(EnvConfig::exclude).orElse(List.of()) : x);
    }

    /** The env's {@code diff} policy as diff options. */
    io.atlas4j.diff.DiffOptions diffOptions() {
        return env.map(EnvConfig::diff).orElse(io.atlas4j.config.DiffPolicy.NONE).toOptions();
    }

    private static String pick(String flag, String envValue) {
        return FlagOrEnv.pick(flag, envValue);
    }

    @Override
    public void close() {
        if (dev != null) {
            dev.close();
        }
    }
}
