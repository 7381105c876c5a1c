package io.atlas4j.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.apply.PlanApplier;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlanPrinter;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.state.StateReader;
import io.atlas4j.state.States;
import io.atlas4j.url.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@link EngineCase}s against a real PostgreSQL server: builds the current and the desired state in
 * two scratch databases, inspects both, diffs and plans (schema scope, as Atlas's examples), compares the
 * plan with the case's expected SQL, applies it to the current database, and checks that a second diff
 * finds nothing. Used by the server IT here and by the embedded PostgreSQL 16/17 ITs.
 */
public final class EngineCaseRunner {

    private final DatabaseUrl server;
    private final Dialect dialect;
    private final SchemaDriver driver;

    /** @param server a URL of the server whose user may create databases */
    public EngineCaseRunner(DatabaseUrl server) {
        this.server = server;
        this.dialect = Dialects.forUrl(server);
        this.driver = States.driver(dialect);
    }

    /** Runs one case; fails with the difference when the plan is not the expected one. */
    public void run(EngineCase c) throws Exception {
        String prefix = "atlas4j_e_" + c.name().toLowerCase().replaceAll("[^a-z0-9]+", "_");
        String current = prefix + "_cur";
        String desired = prefix + "_des";
        try {
            DatabaseUrl cur = create(current);
            DatabaseUrl des = create(desired);
            exec(cur, c.section("current.sql"));
            if (!c.section("desired.hcl").isBlank()) {
                Path hcl = Files.createTempFile("desired", ".hcl");
                Files.writeString(hcl, c.section("desired.hcl"));
                Realm realm = States.readSchemaFiles(dialect.name(), List.of(hcl), Map.of());
                Plan create = StateReader.planFromEmpty(driver, realm, Optional.of("public"));
                try (Connection conn = dialect.connect(des)) {
                    PlanApplier.apply(dialect, conn, create, true, s -> { });
                }
            } else {
                exec(des, c.section("desired.sql"));
            }
            Schema from = inspect(cur);
            Schema to = inspect(des);
            List<SchemaChange> changes = driver.differ().diffSchema(from, to, DiffOptions.DEFAULT);
            Plan plan = driver.planner().plan(c.name(), changes, PlanOptions.SCHEMA.indented(c.indent()));
            assertThat(new PlanPrinter().statements(plan).strip()).as(c.title()).isEqualTo(c.section("plan.sql").strip());
            try (Connection conn = dialect.connect(cur)) {
                PlanApplier.apply(dialect, conn, plan, true, s -> { });
            }
            List<SchemaChange> again = driver.differ().diffSchema(inspect(cur), to, DiffOptions.DEFAULT);
            assertThat(again).as(c.title() + ": a second diff after applying the plan").isEmpty();
        } finally {
            admin("DROP DATABASE IF EXISTS " + current + " WITH (FORCE)");
            admin("DROP DATABASE IF EXISTS " + desired + " WITH (FORCE)");
        }
    }

    private Schema inspect(DatabaseUrl url) throws SQLException {
        try (Connection conn = dialect.connect(url)) {
            return driver.inspector().inspectSchema(conn, "public", InspectOptions.ALL);
        }
    }

    private DatabaseUrl create(String db) throws SQLException {
        admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        admin("CREATE DATABASE " + db);
        return DatabaseUrl.rebuild(server.scheme(), server.user(), server.password(), server.host(), server.port(), db,
                server.query());
    }

    private void admin(String sql) throws SQLException {
        exec(server, sql);
    }

    private void exec(DatabaseUrl url, String sql) throws SQLException {
        if (sql.isBlank()) {
            return;
        }
        try (Connection conn = dialect.connect(url); Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }
}
