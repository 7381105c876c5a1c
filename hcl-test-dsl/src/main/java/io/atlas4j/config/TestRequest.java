package io.atlas4j.config;

import io.atlas4j.testdsl.TestKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a front end was asked, before the project file fills the gaps. Null or empty means "not given".
 *
 * @param kind schema or migrate tests
 * @param workingDir where relative paths resolve
 * @param config the project file URL ({@code file://atlas.hcl}); null when not given
 * @param env the env name, or null
 * @param vars {@code --var} values by name, repeated names in order
 * @param devUrl {@code --dev-url}
 * @param urls {@code --url} values (desired schema)
 * @param dir {@code --dir} (migration directory)
 * @param run {@code --run} regexp
 * @param strictOutput {@code --strict-output}
 * @param parallelism {@code --parallel} (0: default)
 * @param timeout {@code --timeout}: the longest a case may run, or null for no limit
 * @param devProperties settings for the dev-database providers ({@code atlas4j.dev.*},
 *     {@code atlas4j.<dialect>.*})
 */
public record TestRequest(TestKind kind, Path workingDir, String config, String env, Map<String, List<String>> vars,
                          String devUrl, List<String> urls, String dir, String run, boolean strictOutput,
                          int parallelism, Duration timeout, Map<String, String> devProperties) {

    public TestRequest {
        vars = Map.copyOf(vars);
        urls = List.copyOf(urls);
        devProperties = Map.copyOf(devProperties);
    }

    /** A request without dev-database settings. */
    public TestRequest(TestKind kind, Path workingDir, String config, String env, Map<String, List<String>> vars,
                       String devUrl, List<String> urls, String dir, String run, boolean strictOutput, int parallelism,
                       Duration timeout) {
        this(kind, workingDir, config, env, vars, devUrl, urls, dir, run, strictOutput, parallelism, timeout, Map.of());
    }

    /** A request without a case timeout. */
    public TestRequest(TestKind kind, Path workingDir, String config, String env, Map<String, List<String>> vars,
                       String devUrl, List<String> urls, String dir, String run, boolean strictOutput, int parallelism) {
        this(kind, workingDir, config, env, vars, devUrl, urls, dir, run, strictOutput, parallelism, null, Map.of());
    }
}
