package io.atlas4j.config;

import io.atlas4j.testing.TestConfig;

/**
 * Turns a {@link TestRequest} into a {@link TestConfig}: reads the project file when {@code --env} or
 * {@code --config} is given, selects the env, and applies Atlas's precedence (flags over env values
 * over defaults).
 */
public final class TestConfigResolver {

    private TestConfigResolver() {
    }

    /**
     * @throws io.atlas4j.error.Atlas4jException {@code CONFIGURATION} or {@code USAGE} with Atlas's
     *     messages ({@code env "x" not defined in config file}, ...)
     */
    public static TestConfig resolve(TestRequest request) {
        throw new UnsupportedOperationException("TODO");
    }
}
