package io.atlas4j.cli.schema;

import io.atlas4j.cli.options.DevUrlOptions;
import io.atlas4j.cli.options.ProjectOptions;
import io.atlas4j.cli.output.SqlFormat;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanPrinter;
import io.atlas4j.schema.Realm;
import io.atlas4j.state.StateReader;
import io.atlas4j.state.StateSource;
import io.atlas4j.state.States;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j schema inspect --url URL}: prints a database's schema (or a schema file's, normalised
 * with {@code --dev-url}) as Atlas HCL, or as SQL with {@code --format '{{ sql . }}'}.
 */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Inspect a database (or schema files) and print its schema as HCL or SQL.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} inspect -u \"postgres://user:pass@localhost:5432/app?search_path=public\"",
            "  ${PARENT-COMMAND-FULL-NAME} inspect -u \"postgres://localhost:5432/app\" --schema public,auth --format '{{ sql . }}'",
        },
        optionListHeading = "%nOptions:%n")
public final class SchemaInspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-u", "--url"}, paramLabel = "URL", description = "The database (or file://schema) to inspect.")
    String url;

    @Mixin
    DevUrlOptions dev;

    @Mixin
    ScopeOptions scope;

    @Option(names = "--format", paramLabel = "TEMPLATE", description = "'{{ sql . }}' prints SQL instead of HCL.")
    String format;

    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SchemaStates states = SchemaStates.of(spec, project, dev.devUrl())) {
            StateSource source = states.parse(states.url(url, "url"));
            Dialect dialect = states.dialect(List.of(source));
            Optional<String> bound = states.bound(source, dialect);
            Realm realm = states.read(source, dialect, bound, states.inspectOptions(scope.schemas, scope.excludes));
            SqlFormat f = SqlFormat.parse(format, new SqlFormat(false, ""));
            if (f.sql()) {
                Plan plan = StateReader.planFromEmpty(States.driver(dialect), realm, bound, f.indent());
                out.print(new PlanPrinter().statements(plan));
            } else {
                out.print(HclOutput.write(dialect, realm));
            }
        }
        out.flush();
        return 0;
    }
}
