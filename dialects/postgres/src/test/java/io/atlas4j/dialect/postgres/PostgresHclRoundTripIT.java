package io.atlas4j.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.apply.PlanApplier;
import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.hcl.Value;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlanPrinter;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schemahcl.HclDialects;
import io.atlas4j.schemahcl.SchemaHclReader;
import io.atlas4j.schemahcl.SchemaHclWriter;
import io.atlas4j.state.StateReader;
import io.atlas4j.state.States;
import io.atlas4j.url.DatabaseUrl;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HCL round-trip property over every fixture under {@code src/test/resources/hcl}, on a real server:
 * a fixture applied to an empty database inspects back to what the same HCL normalises to (a second diff
 * plans nothing); the inspected realm written as HCL reads back, builds a third database that inspects the
 * same, and as text already diffs empty against the inspected realm.
 *
 * <p>A fixture whose realm is the one schema {@code public} and holds no realm objects runs in schema scope
 * (bound to {@code public}, as a dev URL with {@code search_path}); any other runs in realm scope, restricted
 * to the fixture's schemas.
 */
class PostgresHclRoundTripIT {

    private static final Path FIXTURES = Path.of("src/test/resources/hcl");

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(FIXTURES)) {
            return s.filter(p -> p.toString().endsWith(".hcl")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void appliedFixtureInspectsAndWritesBackToTheSameState(Path fixture) throws Exception {
        DatabaseUrl server = PostgresServer.devUrl();
        Dialect dialect = new PostgresDialect();
        SchemaDriver driver = States.driver(dialect);
        String name = fixture.getFileName().toString().replace(".hcl", "").replaceAll("[^a-z0-9]+", "_");
        String prefix = "rt_" + name + "_" + ProcessHandle.current().pid();
        List<String> databases = List.of(prefix + "_a", prefix + "_b", prefix + "_c");

        Realm desired = States.readSchemaFiles("postgres", List.of(fixture), Map.of());
        Scope scope = Scope.of(desired);
        SoftAssertions soft = new SoftAssertions();
        try (Connection admin = PostgresServer.admin(server)) {
            for (String db : databases) {
                PostgresServer.execute(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "CREATE DATABASE " + db);
            }
            try {
                // (a) plan from empty and apply, twice: the applied database and its dev-normalised twin.
                Realm applied = build(dialect, driver, server, databases.get(0), desired, scope);
                Realm normalised = build(dialect, driver, server, databases.get(1), desired, scope);

                // Normalising both sides the same way could hide what the server never got: every element and
                // attribute kind the HCL declares must come back from the applied database.
                soft.assertThat(Footprint.of(applied, true)).as("%s: declared elements and attributes missing after apply",
                        fixture).containsAll(Footprint.of(desired, false));

                // (b) the applied database against the normalised HCL: nothing to do, either way.
                soft.assertThat(diff(driver, applied, normalised, scope)).as("%s: applied vs normalised HCL", fixture)
                        .isEmpty();
                soft.assertThat(diff(driver, normalised, applied, scope)).as("%s: normalised HCL vs applied", fixture)
                        .isEmpty();

                // (c) the inspected realm as HCL: reads back, builds the same state, and needs no dev database.
                String written = new SchemaHclWriter(HclDialects.get("postgres")).write(applied);
                Realm reread = read(written);
                Realm rebuilt = build(dialect, driver, server, databases.get(2), reread, scope);
                soft.assertThat(diff(driver, applied, rebuilt, scope)).as("%s: applied vs built from inspected HCL:%n%s",
                        fixture, written).isEmpty();
                soft.assertThat(diff(driver, rebuilt, applied, scope)).as("%s: built from inspected HCL vs applied:%n%s",
                        fixture, written).isEmpty();
                soft.assertThat(diff(driver, applied, reread, scope)).as("%s: applied vs inspected HCL text:%n%s",
                        fixture, written).isEmpty();
                soft.assertThat(diff(driver, reread, applied, scope)).as("%s: inspected HCL text vs applied:%n%s",
                        fixture, written).isEmpty();
                soft.assertThat(new SchemaHclWriter(HclDialects.get("postgres")).write(rebuilt))
                        .as("%s: the rebuilt database inspects to the same HCL", fixture).isEqualTo(written);
            } finally {
                for (String db : databases) {
                    PostgresServer.execute(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                }
            }
        }
        soft.assertAll();
    }

    /** Plans {@code realm} from empty, applies it to {@code db} and inspects it back. */
    private static Realm build(Dialect dialect, SchemaDriver driver, DatabaseUrl server, String db, Realm realm, Scope scope)
            throws SQLException {
        Plan plan = StateReader.planFromEmpty(driver, realm, scope.bound());
        try (Connection c = dialect.connect(PostgresServer.onDatabase(server, db))) {
            PlanApplier.apply(dialect, c, plan, true, s -> { });
            return StateReader.inspect(driver, c, scope.bound(), scope.options());
        }
    }

    /** The changes from {@code from} to {@code to}, shown as the plan they would make when there are any. */
    private static List<String> diff(SchemaDriver driver, Realm from, Realm to, Scope scope) {
        List<SchemaChange> changes = scope.bound().isPresent()
                ? driver.differ().diffSchema(single(from), single(to), DiffOptions.DEFAULT)
                : driver.differ().diffRealm(from, to, DiffOptions.DEFAULT);
        if (changes.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            Plan plan = driver.planner().plan("roundtrip", changes,
                    scope.bound().isPresent() ? PlanOptions.SCHEMA : PlanOptions.REALM);
            out.addAll(new PlanPrinter().statements(plan).strip().lines().toList());
        } catch (RuntimeException e) {
            out.add("(not plannable: " + e.getMessage() + ")");
        }
        changes.forEach(c -> out.add(c.toString()));
        return out;
    }

    private static Schema single(Realm realm) {
        assertThat(realm.schemas()).hasSize(1);
        return realm.schemas().get(0);
    }

    private static Realm read(String hcl) {
        return new SchemaHclReader(HclDialects.get("postgres"))
                .read(List.of(new SchemaHclReader.SourceFile(URI.create("file:///inspected.pg.hcl"), hcl)),
                        Map.<String, Value>of(), Path.of("."))
                .realm();
    }

    /** Where a fixture runs: bound to {@code public}, or the realm restricted to the fixture's schemas. */
    private record Scope(Optional<String> bound, InspectOptions options) {

        static Scope of(Realm realm) {
            List<String> names = realm.schemas().stream().map(Schema::name).toList();
            if (names.equals(List.of("public")) && realm.objects().isEmpty()) {
                return new Scope(Optional.of("public"), InspectOptions.ALL);
            }
            return new Scope(Optional.empty(), InspectOptions.schemas(names.toArray(String[]::new)));
        }
    }
}
