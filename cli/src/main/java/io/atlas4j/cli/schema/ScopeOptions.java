package io.atlas4j.cli.schema;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --schema} and {@code --exclude}, shared by the schema commands; unset, the env's {@code schemas}
 * and {@code exclude} apply ({@link SchemaStates#inspectOptions}).
 */
final class ScopeOptions {

    @Option(names = {"-s", "--schema"}, paramLabel = "NAME",
            description = "Only these schemas (comma-separated or repeated).")
    List<String> schemas;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out matching schemas or objects (schema.table, or a table name in schema scope).")
    List<String> excludes;
}
