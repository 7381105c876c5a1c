package io.atlas4j.cli.schema;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanMode;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.state.StateReader;
import io.atlas4j.state.StateSource;
import io.atlas4j.state.States;
import java.util.List;
import java.util.Optional;

/**
 * Diffs two states and plans the changes with Atlas's scope rules: two schema-bound sides are compared as
 * schemas (names aside) and planned unqualified; two realms are compared as realms and planned qualified;
 * a schema against a database connection is an error.
 */
final class Comparison {

    private Comparison() {
    }

    static Plan plan(SchemaStates states, Dialect dialect, StateSource from, StateSource to, InspectOptions options,
            String indent) {
        SchemaDriver driver = States.driver(dialect);
        Optional<String> fromBound = states.bound(from, dialect);
        Optional<String> toBound = to instanceof StateSource.Database ? states.bound(to, dialect) : fromBound;
        if (fromBound.isPresent() != toBound.isPresent()) {
            String schema = fromBound.orElseGet(toBound::get);
            throw new Atlas4jException(ErrorCode.USAGE, "cannot diff a schema \"" + schema + "\" with a database connection",
                    "bind both URLs to a schema (search_path) or neither", null);
        }
        Realm current = states.read(from, dialect, fromBound, options);
        Realm desired = states.read(to, dialect, toBound, options);
        // renamed_from hints do not survive normalisation through the dev database: they ride beside it.
        DiffOptions diffOptions = states.diffOptions().withRenames(states.renames(to, dialect, toBound, options));
        List<SchemaChange> changes;
        PlanOptions planOptions;
        if (fromBound.isPresent()) {
            changes = driver.differ().diffSchema(StateReader.single(current, fromBound.get()),
                    StateReader.single(desired, toBound.get()), diffOptions);
            planOptions = PlanOptions.SCHEMA;
        } else {
            changes = driver.differ().diffRealm(current, desired, diffOptions);
            planOptions = PlanOptions.REALM;
        }
        return driver.planner().plan("schema", changes, planOptions.indented(indent).mode(PlanMode.IN_PLACE));
    }
}
