package io.atlas4j.cli.schema;

import io.atlas4j.apply.PlanApplier;
import io.atlas4j.cli.Atlas4jCommand;
import io.atlas4j.cli.options.DevUrlOptions;
import io.atlas4j.cli.options.ProjectOptions;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanPrinter;
import io.atlas4j.state.StateSource;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atlas4j schema apply --url URL --to URL [--dev-url URL]}: plans the changes that bring a database to
 * the desired state, prints them, asks for approval (unless {@code --auto-approve} or {@code --dry-run}) and
 * applies them in one transaction where the database allows it.
 */
@Command(name = "apply",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Bring a database to a desired schema state (HCL, SQL or another database).",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nExamples:%n",
        description = {
            "  ${PARENT-COMMAND-FULL-NAME} apply -u \"postgres://localhost:5432/app?search_path=public\" \\",
            "      --to file://schema.hcl --dev-url \"embedded://postgres/16/dev?search_path=public\"",
            "  ${PARENT-COMMAND-FULL-NAME} apply --env prod --auto-approve",
        },
        optionListHeading = "%nOptions:%n")
public final class SchemaApplyCommand implements Callable<Integer> {

    /** What Atlas prints when the database already matches. */
    public static final String SYNCED = PlanPrinter.APPLY_SYNCED;

    @Spec
    CommandSpec spec;

    @Option(names = {"-u", "--url"}, paramLabel = "URL", description = "The database to change.")
    String url;

    @Option(names = "--to", paramLabel = "URL", split = ",", description = "The desired state (file://schema.hcl, file://schema.sql, a database).")
    List<String> to;

    @Mixin
    DevUrlOptions dev;

    @Mixin
    ScopeOptions scope;

    @Option(names = "--auto-approve", description = "Apply without asking.")
    boolean autoApprove;

    @Option(names = "--dry-run", description = "Print the plan and stop.")
    boolean dryRun;

    @Option(names = "--tx-mode", paramLabel = "MODE", defaultValue = "file",
            description = "file (default): one transaction; none: statement by statement.")
    String txMode;

    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() {
        if (!txMode.equals("file") && !txMode.equals("none")) {
            throw new Atlas4jException(ErrorCode.USAGE, "unknown --tx-mode \"" + txMode + "\"", "use file or none", null);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (SchemaStates states = SchemaStates.of(spec, project, dev.devUrl())) {
            String target = states.url(url, "url");
            StateSource current = states.parse(target);
            if (!(current instanceof StateSource.Database db)) {
                throw new Atlas4jException(ErrorCode.USAGE, "--url must be a database URL, not " + target,
                        "pass the desired state with --to and the database with --url", null);
            }
            List<String> desiredUrls = states.desired(to, "to");
            if (desiredUrls.size() != 1) {
                throw new Atlas4jException(ErrorCode.USAGE, "--to takes one URL", "put schema files in one directory", null);
            }
            StateSource desired = states.parse(desiredUrls.get(0));
            Dialect dialect = states.dialect(List.of(current));
            InspectOptions options = states.inspectOptions(scope.schemas, scope.excludes);
            Plan plan = Comparison.plan(states, dialect, current, desired, options, "  ");
            if (plan.isEmpty()) {
                out.println(SYNCED);
                out.flush();
                return 0;
            }
            out.print(new PlanPrinter().apply(plan));
            out.flush();
            if (dryRun) {
                return 0;
            }
            if (!autoApprove && !approved(out)) {
                out.println("Aborted: no changes were applied");
                out.flush();
                return 1;
            }
            apply(db.parsed(), plan, out);
        }
        out.flush();
        return 0;
    }

    private boolean approved(PrintWriter out) {
        out.print("? Are you sure? [Apply/Abort]: ");
        out.flush();
        String answer;
        try {
            answer = Atlas4jCommand.of(spec).in().readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null) {
            throw new Atlas4jException(ErrorCode.USAGE, "no answer to the approval prompt (input closed)",
                    "pass --auto-approve to apply without a prompt, or --dry-run to only print the plan", null);
        }
        out.println();
        String a = answer.trim().toLowerCase(Locale.ROOT);
        return a.equals("apply") || a.equals("a") || a.equals("y") || a.equals("yes");
    }

    private void apply(DatabaseUrl url, Plan plan, PrintWriter out) {
        Dialect dialect = Dialects.forUrl(url);
        try (Connection c = dialect.connect(url)) {
            int n = PlanApplier.apply(dialect, c, plan, txMode.equals("file"), s -> { });
            out.println("Applied " + n + (n == 1 ? " statement" : " statements"));
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.CONNECTION, "cannot connect to " + url.masked() + ": "
                    + dialect.errorMessage(e), e);
        }
    }
}
