package io.atlas4j.cli.options;

import picocli.CommandLine.Option;

/** {@code --dev-url}: the dev database the cases run against. */
public final class DevUrlOptions {

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "The dev database URL (default: the env's dev), e.g. \"sqlite://dev?mode=memory\".")
    String devUrl;

    /** The flag's value, or null. */
    public String devUrl() {
        return devUrl;
    }
}
