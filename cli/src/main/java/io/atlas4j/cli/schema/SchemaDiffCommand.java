package io.atlas4j.cli.schema;

import io.atlas4j.cli.options.DevUrlOptions;
import io.atlas4j.cli.options.ProjectOptions;
import io.atlas4j.cli.output.SqlFormat;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanPrinter;
import io.atlas4j.state.StateSource;
import io.atlas4j.state.States;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j schema diff --from URL --to URL [--dev-url URL]}: prints the SQL that turns one state into
 * the other, or {@code Schemas are synced, no changes to be made.}
 */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Print the SQL statements that turn one schema state into another.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} diff --from \"postgres://localhost:5432/app?search_path=public\" \\",
            "      --to file://schema.hcl --dev-url \"embedded://postgres/16/dev?search_path=public\"",
        },
        optionListHeading = "%nOptions:%n")
public final class SchemaDiffCommand implements Callable<Integer> {

    /** What Atlas prints when there is nothing to do. */
    public static final String SYNCED = PlanPrinter.DIFF_SYNCED;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "URL", split = ",", description = "The current state (database or files).")
    List<String> from;

    @Option(names = "--to", paramLabel = "URL", split = ",", description = "The desired state (database or files).")
    List<String> to;

    @Mixin
    DevUrlOptions dev;

    @Mixin
    ScopeOptions scope;

    @Option(names = "--format", paramLabel = "TEMPLATE", description = "'{{ sql . }}' (one line per statement) or '{{ sql . \"  \" }}'.")
    String format;

    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SchemaStates states = SchemaStates.of(spec, project, dev.devUrl())) {
            List<StateSource> fromSources = parse(states, states.desired(from, "from"));
            List<StateSource> toSources = parse(states, states.desired(to, "to"));
            List<StateSource> all = new ArrayList<>(fromSources);
            all.addAll(toSources);
            Dialect dialect = states.dialect(all);
            InspectOptions options = states.inspectOptions(scope.schemas, scope.excludes);
            SqlFormat f = SqlFormat.parse(format, new SqlFormat(true, "  "));
            Plan plan = Comparison.plan(states, dialect, single(fromSources, "from"), single(toSources, "to"), options, f.indent());
            if (plan.isEmpty()) {
                out.println(SYNCED);
            } else {
                out.print(new PlanPrinter().statements(plan));
            }
        }
        out.flush();
        return 0;
    }

    private static List<StateSource> parse(SchemaStates states, List<String> urls) {
        return urls.stream().map(states::parse).toList();
    }

    private static StateSource single(List<StateSource> sources, String flag) {
        if (sources.size() != 1) {
            throw new io.atlas4j.error.Atlas4jException(io.atlas4j.error.ErrorCode.USAGE,
                    "--" + flag + " takes one URL (a database, a file or a directory)",
                    "put several schema files in one directory and pass file://<dir>", null);
        }
        return sources.get(0);
    }
}
