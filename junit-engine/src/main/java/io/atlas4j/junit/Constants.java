package io.atlas4j.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The configuration keys of the Atlas4J engine. Set them in {@code junit-platform.properties}, as
 * system properties, or as launcher configuration parameters (Maven Surefire's
 * {@code configurationParameters}, Gradle's {@code systemProperty}).
 *
 * <p>The keys mirror the flags of {@code atlas4j schema test}: {@code atlas4j.dev-url} is
 * {@code --dev-url}, {@code atlas4j.run} is {@code --run}, and so on; both front ends resolve them with
 * the same rules (flags over the project file's env over defaults).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Constants {

    /** The engine id, the first segment of every unique id: {@code atlas4j}. */
    public static final String ENGINE_ID = "atlas4j";

    /**
     * Property name of the project file: {@value}.
     *
     * <p>Valid values: a path relative to the working directory ({@code atlas.hcl},
     * {@code db/atlas.hcl}), an absolute path, or a {@code file://} URL.
     *
     * <p>Default: {@code atlas.hcl} in the working directory if it exists, else {@code atlas.hcl} at the
     * root of the class path if it is a plain file there, else none.
     */
    public static final String CONFIG_PROPERTY_NAME = "atlas4j.config";

    /**
     * Property name of the project file's env to use: {@value} (Atlas's {@code --env}).
     *
     * <p>Valid values: the name of an {@code env} block of the project file.
     *
     * <p>Default: none (only the project file's top-level {@code test} block applies).
     */
    public static final String ENV_PROPERTY_NAME = "atlas4j.env";

    /**
     * Prefix of the properties that give values to test-file variables: {@value}. The property
     * {@code atlas4j.vars.seed_file=seed.sql} is Atlas's {@code --var seed_file=seed.sql}.
     *
     * <p>Valid values: any text, converted to the variable's declared type.
     *
     * <p>Default: none; values come from the env's {@code test.schema.vars} and the variables' defaults.
     */
    public static final String VARS_PROPERTY_NAME_PREFIX = "atlas4j.vars.";

    /**
     * Property name of the dev database URL: {@value} (Atlas's {@code --dev-url}).
     *
     * <p>Valid values: a database URL of a dialect on the test class path, for example
     * {@code sqlite://dev?mode=memory}, {@code docker://postgres/16/dev},
     * {@code postgres://user:pass@localhost:5432/dev}.
     *
     * <p>Default: the env's {@code dev} attribute. Only needed when tests run, not to discover them.
     */
    public static final String DEV_URL_PROPERTY_NAME = "atlas4j.dev-url";

    /**
     * Property name of the desired schema of schema tests: {@value} (Atlas's {@code --url}).
     *
     * <p>Valid values: a comma-separated list of URLs, such as {@code file://schema.sql} or
     * {@code file://db/schema/}; relative paths resolve against the working directory.
     *
     * <p>Default: the env's {@code src} (then {@code url}) attribute.
     */
    public static final String URL_PROPERTY_NAME = "atlas4j.url";

    /**
     * Property name of the case filter: {@value} (Atlas's {@code --run}).
     *
     * <p>Valid values: a regular expression, unanchored; a case runs when it is found in the case's
     * full name ({@code seed/2}) or, for a {@code for_each} row, in its block name ({@code seed}).
     *
     * <p>Default: none (every case runs). {@link #FILTER_RUN_PROPERTY_NAME} is an alias; this key wins
     * when both are set.
     */
    public static final String RUN_PROPERTY_NAME = "atlas4j.run";

    /**
     * Alias of {@link #RUN_PROPERTY_NAME}: {@value}.
     */
    public static final String FILTER_RUN_PROPERTY_NAME = "atlas4j.filter.run";

    /**
     * Property name of the strict output comparison switch: {@value} (Atlas4J's
     * {@code --strict-output}).
     *
     * <p>Valid values: {@code true} or {@code false}.
     *
     * <p>Default: {@code false} (the lenient CSV and table comparison fallbacks apply).
     */
    public static final String STRICT_OUTPUT_PROPERTY_NAME = "atlas4j.strict-output";

    /**
     * The longest a case may run, as a Go duration ({@code 500ms}, {@code 30s}, {@code 2m}); a statement or
     * program still running then is stopped and the case fails. Default: no limit.
     */
    public static final String TIMEOUT_PROPERTY_NAME = "atlas4j.timeout";

    /**
     * The migration directory of {@code test "migrate"} cases, as a URL ({@code file://migrations}).
     * Default: the env's {@code migration { dir }}, else {@code file://migrations} in the working directory.
     */
    public static final String MIGRATIONS_DIR_PROPERTY_NAME = "atlas4j.migrations.dir";

    /**
     * Property name of the parallel execution switch: {@value}.
     *
     * <p>Valid values: {@code true} or {@code false}. When {@code true}, cases with
     * {@code parallel = true} run concurrently on a fork-join pool configured by the
     * {@value #PARALLEL_CONFIG_PREFIX}{@code *} properties; all other cases still run one after the
     * other.
     *
     * <p>Default: {@code false} (everything runs on the calling thread).
     */
    public static final String PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME = "atlas4j.execution.parallel.enabled";

    /**
     * Prefix of the parallel executor's settings: {@value}. The keys after it are JUnit's:
     * {@code strategy}, {@code fixed.parallelism}, {@code dynamic.factor}, {@code custom.class}, ...
     */
    public static final String PARALLEL_CONFIG_PREFIX = "atlas4j.execution.parallel.config.";

    /**
     * Property name of the parallel executor's strategy: {@value}.
     *
     * <p>Valid values: {@code dynamic}, {@code fixed}, {@code custom}.
     *
     * <p>Default: {@code dynamic}.
     */
    public static final String PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME = PARALLEL_CONFIG_PREFIX + "strategy";

    /**
     * Property name of the desired parallelism of the {@code fixed} strategy: {@value}.
     *
     * <p>Valid values: a positive integer.
     *
     * <p>Default: none; required by the {@code fixed} strategy.
     */
    public static final String PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME =
            PARALLEL_CONFIG_PREFIX + "fixed.parallelism";

    /**
     * Property name of the factor of the {@code dynamic} strategy (parallelism = available processors ×
     * factor): {@value}.
     *
     * <p>Valid values: a positive decimal number.
     *
     * <p>Default: {@code 1}.
     */
    public static final String PARALLEL_CONFIG_DYNAMIC_FACTOR_PROPERTY_NAME =
            PARALLEL_CONFIG_PREFIX + "dynamic.factor";

    /**
     * Property name of the class of the {@code custom} strategy: {@value}.
     *
     * <p>Valid values: the fully qualified name of a
     * {@code org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy}.
     *
     * <p>Default: none; required by the {@code custom} strategy.
     */
    public static final String PARALLEL_CONFIG_CUSTOM_CLASS_PROPERTY_NAME = PARALLEL_CONFIG_PREFIX + "custom.class";

    private Constants() {
    }
}
