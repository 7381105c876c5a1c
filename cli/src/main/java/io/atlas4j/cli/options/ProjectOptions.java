package io.atlas4j.cli.options;

import io.atlas4j.config.EnvConfig;
import io.atlas4j.config.ProjectFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The project-file options {@code --env}, {@code -c/--config} and {@code --var}. The project file is
 * read only when {@code --env} or {@code --config} is given, as in Atlas.
 */
public final class ProjectOptions {

    /** The project file used with {@code --env} when {@code --config} is not given. */
    public static final String DEFAULT_CONFIG = "file://atlas.hcl";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--env", paramLabel = "NAME", description = "The env of the project file to use.")
    String env;

    @Option(names = {"-c", "--config"}, paramLabel = "URL",
            description = "The project file (default: " + DEFAULT_CONFIG + "); read only with --env or this flag.")
    String config;

    @Option(names = "--var", paramLabel = "KEY=VALUE",
            description = "An input variable; repeatable, and one flag may hold several comma-separated pairs.")
    List<String> vars = new ArrayList<>();

    /** The env name, or null. */
    public String env() {
        return env;
    }

    /**
     * The project file to read: the {@code --config} value, the default when only {@code --env} is
     * given, or null when the project file must not be read.
     */
    public String config() {
        if (config != null) {
            return config;
        }
        return env != null ? DEFAULT_CONFIG : null;
    }

    /**
     * The env the options select in the project file, read once per call; empty when no project file is
     * read or it selects no env.
     *
     * @param workingDir the directory relative file URLs are resolved against
     */
    public Optional<EnvConfig> selectedEnv(Path workingDir) {
        return ProjectFile.load(config(), env(), vars(), workingDir).flatMap(ProjectFile::env);
    }

    /**
     * The {@code --var} values by name.
     *
     * @throws ParameterException when a value is not {@code key=value}
     */
    public Map<String, List<String>> vars() {
        try {
            return VarFlags.parse(vars);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage(), e);
        }
    }
}
