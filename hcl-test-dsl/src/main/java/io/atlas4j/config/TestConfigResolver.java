package io.atlas4j.config;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.hcl.Value;
import io.atlas4j.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Turns a {@link TestRequest} into a {@link TestConfig}: reads the project file only when {@code --env}
 * or {@code --config} is given (as Atlas does), selects the env, and applies Atlas's precedence: a flag
 * given on the command line always wins, env values only fill what was not given.
 */
public final class TestConfigResolver {

    /** The project file Atlas reads when only {@code --env} is given. */
    public static final String DEFAULT_CONFIG = "file://atlas.hcl";

    private TestConfigResolver() {
    }

    /**
     * @throws Atlas4jException {@code CONFIGURATION} or {@code USAGE} with Atlas's messages
     */
    public static TestConfig resolve(TestRequest request) {
        Path workingDir = request.workingDir().toAbsolutePath().normalize();
        Optional<ProjectFile> project = Optional.empty();
        if (request.config() != null || request.env() != null) {
            Path file = configPath(request.config() != null ? request.config() : DEFAULT_CONFIG, workingDir);
            project = Optional.of(ProjectFile.load(file, request.env(), request.vars(), workingDir));
        }
        Optional<EnvConfig> env = project.flatMap(ProjectFile::env);
        String devUrl = firstNonEmpty(request.devUrl(), env.map(EnvConfig::dev).orElse(null));
        List<String> schemaUrls = request.urls().stream()
                .flatMap(u -> List.of(u.split(",")).stream()).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        if (schemaUrls.isEmpty() && env.isPresent()) {
            // Atlas deliberately lets src win over url for the desired state.
            schemaUrls = !env.get().src().isEmpty() ? env.get().src()
                    : env.get().url() != null ? List.of(env.get().url()) : List.of();
        }
        String dir = firstNonEmpty(request.dir(), env.map(EnvConfig::migrationDir).orElse(null));
        Optional<TestBlock.Part> part = project.flatMap(ProjectFile::testBlock).flatMap(t -> t.part(request.kind()));
        Map<String, Value> vars = new LinkedHashMap<>(part.map(TestBlock.Part::vars).orElse(Map.of()));
        request.vars().forEach((name, values) -> vars.put(name, values.size() == 1 ? Value.of(values.get(0))
                : new Value.ListV(values.stream().map(Value::of).collect(Collectors.toList()))));
        return new TestConfig(request.kind(), workingDir, devUrl, schemaUrls, dir != null ? dir : "file://migrations",
                part.map(TestBlock.Part::src).orElse(List.of()), vars, runPattern(request.run()), request.strictOutput(),
                request.parallelism(), timeout(request.timeout()), request.devProperties());
    }

    /** The path of a {@code --config} URL, with Atlas's messages for a wrong one. */
    static Path configPath(String url, Path workingDir) {
        int sep = url.indexOf("://");
        if (sep < 0) {
            throw new Atlas4jException(ErrorCode.USAGE, "missing scheme for config file. Did you mean file://" + url + "?");
        }
        String scheme = url.substring(0, sep);
        if (!"file".equals(scheme)) {
            throw new Atlas4jException(ErrorCode.USAGE, "unsupported config file driver \"" + scheme + "\"");
        }
        Path path = workingDir.resolve(url.substring(sep + 3)).normalize();
        if (!Files.isRegularFile(path)) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "config file \"" + url.substring(sep + 3) + "\" was not found",
                    "create it, or pass --config file://PATH", null);
        }
        return path;
    }

    private static Duration timeout(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new Atlas4jException(ErrorCode.USAGE, "invalid timeout " + timeout + ": it must be positive",
                    "write it as 30s, 2m or 500ms", null);
        }
        return timeout;
    }

    private static Pattern runPattern(String run) {
        if (run == null || run.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(run);
        } catch (PatternSyntaxException e) {
            throw new Atlas4jException(ErrorCode.USAGE, "invalid --run regexp \"" + run + "\": " + e.getDescription());
        }
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isEmpty() ? a : b != null && !b.isEmpty() ? b : null;
    }
}
