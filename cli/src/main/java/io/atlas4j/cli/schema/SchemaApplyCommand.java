package io.atlas4j.cli.schema;

import io.atlas4j.apply.ApplyException;
import io.atlas4j.apply.PlanApplier;
import io.atlas4j.cli.Atlas4jCommand;
import io.atlas4j.cli.options.DevUrlOptions;
import io.atlas4j.cli.options.ProjectOptions;
import io.atlas4j.cli.output.Json;
import io.atlas4j.cli.output.JsonFormat;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanPrinter;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.state.StateSource;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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

    @Option(names = "--format", paramLabel = "TEMPLATE",
            description = "'" + JsonFormat.JSON + "' prints the applied and pending statements as one JSON object "
                    + "(with --auto-approve or --dry-run).")
    String format;

    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() {
        if (!txMode.equals("file") && !txMode.equals("none")) {
            throw new Atlas4jException(ErrorCode.USAGE, "unknown --tx-mode \"" + txMode + "\"", "use file or none", null);
        }
        if (JsonFormat.json(format)) {
            return json();
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
            int n = apply(db.parsed(), plan, s -> { });
            out.println("Applied " + n + (n == 1 ? " statement" : " statements"));
        }
        out.flush();
        return 0;
    }

    /**
     * The JSON run (engine.md §4.11, E113/E114): no plan text and no prompt, one object with the {@code Env} and
     * the {@code Changes} ({@code Applied}, {@code Pending}, {@code Error}), printed on failure too.
     */
    private int json() {
        if (!autoApprove && !dryRun) {
            throw new Atlas4jException(ErrorCode.USAGE, "--format " + format + " needs --auto-approve or --dry-run",
                    "a JSON report cannot hold the approval prompt: pass --auto-approve to apply or --dry-run to plan", null);
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
            Plan plan = Comparison.plan(states, dialect, current, desired,
                    states.inspectOptions(scope.schemas, scope.excludes), "  ");
            List<String> statements = plan.statements().stream().map(PlannedStatement::sql).toList();
            Json.Obj report = Json.object().put("Env", JsonFormat.env(db.parsed(), null));
            Json.Obj changes = Json.object();
            report.put("Changes", changes);
            if (plan.isEmpty() || dryRun) {
                JsonFormat.putList(changes, "Pending", statements);
                out.println(report);
                out.flush();
                return 0;
            }
            // What ran, even when a transaction rolls it back afterwards: Atlas reports it (E114).
            List<String> applied = new ArrayList<>();
            try {
                apply(db.parsed(), plan, s -> applied.add(s.sql()));
            } catch (ApplyException e) {
                JsonFormat.putList(changes, "Applied", applied);
                JsonFormat.putList(changes, "Pending", statements.subList(applied.size(), statements.size()));
                changes.put("Error", Json.object().put("Stmt", e.statement().sql()).put("Text", e.databaseError()));
                out.println(report);
                out.flush();
                throw e;
            }
            JsonFormat.putList(changes, "Applied", applied);
            out.println(report);
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

    private int apply(DatabaseUrl url, Plan plan, Consumer<PlannedStatement> applied) {
        Dialect dialect = Dialects.forUrl(url);
        try (Connection c = dialect.connect(url)) {
            return PlanApplier.apply(dialect, c, plan, txMode.equals("file"), applied);
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.CONNECTION, "cannot connect to " + url.masked() + ": "
                    + dialect.errorMessage(e), e);
        }
    }
}
