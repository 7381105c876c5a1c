package io.atlas4j.cli;

import io.atlas4j.cli.migrate.MigrateCommand;
import io.atlas4j.cli.options.VerbosityOptions;
import io.atlas4j.cli.schema.SchemaCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command {@code atlas4j}: only groups sub-commands and holds the global options. */
@Command(name = "atlas4j",
        mixinStandardHelpOptions = true,
        versionProvider = Atlas4jCommand.Version.class,
        sortOptions = false,
        headerHeading = "",
        header = "Atlas-compatible schema and migration tests (*.test.hcl) for the JVM.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${ROOT-COMMAND-NAME} schema test --dev-url \"sqlite://dev?mode=memory\" \\",
            "      --url file://schema.sql .",
            "  ${ROOT-COMMAND-NAME} schema test --env dev ./tests",
        },
        commandListHeading = "%nCommands:%n",
        optionListHeading = "%nOptions:%n",
        subcommands = {SchemaCommand.class, MigrateCommand.class})
public final class Atlas4jCommand implements Runnable {

    private final Path workingDir;
    private final java.io.BufferedReader in;

    @Spec
    CommandSpec spec;

    @Mixin
    VerbosityOptions verbosity;

    /** @param workingDir the directory relative paths resolve against (absolute) */
    public Atlas4jCommand(Path workingDir) {
        this(workingDir, new java.io.InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset()));
    }

    /**
     * @param workingDir the directory relative paths resolve against (absolute)
     * @param in where answers to prompts come from ({@code schema apply}'s confirmation)
     */
    public Atlas4jCommand(Path workingDir, java.io.Reader in) {
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
        this.in = new java.io.BufferedReader(Objects.requireNonNull(in, "in"));
    }

    /** The prompt input. */
    public java.io.BufferedReader in() {
        return in;
    }

    /** Where relative paths, the default project file and test discovery resolve. */
    public Path workingDir() {
        return workingDir;
    }

    /** The root of the command tree {@code spec} belongs to. */
    public static Atlas4jCommand of(CommandSpec spec) {
        return (Atlas4jCommand) spec.root().userObject();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: use schema or migrate");
    }

    /** {@code atlas4j version <project version>}, read from a resource filtered by the build. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"atlas4j version " + projectVersion()};
        }

        static String projectVersion() {
            Properties properties = new Properties();
            try (InputStream in = Atlas4jCommand.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("version.properties is missing from the class path");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version");
        }
    }
}
