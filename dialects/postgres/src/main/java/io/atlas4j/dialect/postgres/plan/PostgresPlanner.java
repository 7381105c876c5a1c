package io.atlas4j.dialect.postgres.plan;

import io.atlas4j.plan.ChangeOrder;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanException;
import io.atlas4j.plan.PlanMode;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.plan.Planner;
import io.atlas4j.schema.change.SchemaChange;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's planner (spec §4.4, §4.12): orders the changes with {@link ChangeOrder} and turns each
 * into statements with comments and reverse statements. Plans are transactional; a plan with
 * {@code CONCURRENTLY} statements carries the {@code atlas:txmode none} directive.
 */
public final class PostgresPlanner implements Planner {

    /** The directive of plans that cannot run in a transaction. */
    public static final String TXMODE_NONE = "atlas:txmode none";

    private static final ChangeOrder.Hooks HOOKS = new PostgresOrderHooks();

    @Override
    public Plan plan(String name, List<SchemaChange> changes, PlanOptions options) {
        if (options.qualifier().isPresent()) {
            checkScope(changes, options);
        }
        Scope scope = new Scope(options);
        Statements out = new Statements();
        TablePlanner tables = new TablePlanner(scope, out);
        AlterTablePlanner alters = new AlterTablePlanner(scope, out);
        RoutinePlanner routines = new RoutinePlanner(scope, out);
        ObjectPlanner objects = new ObjectPlanner(scope, out);
        for (SchemaChange c : ChangeOrder.sort(changes, HOOKS)) {
            plan(c, tables, alters, routines, objects);
        }
        List<PlannedStatement> statements = out.list();
        boolean concurrent = statements.stream().anyMatch(s -> !s.transactional());
        return new Plan(name, true, statements, concurrent ? List.of(TXMODE_NONE) : List.of());
    }

    private static void plan(SchemaChange c, TablePlanner tables, AlterTablePlanner alters, RoutinePlanner routines,
            ObjectPlanner objects) {
        if (c instanceof SchemaChange.AddSchema x) {
            objects.addSchema(x);
        } else if (c instanceof SchemaChange.DropSchema x) {
            objects.dropSchema(x);
        } else if (c instanceof SchemaChange.ModifySchema x) {
            objects.modifySchema(x);
        } else if (c instanceof SchemaChange.AddTable x) {
            tables.addTable(x);
        } else if (c instanceof SchemaChange.DropTable x) {
            tables.dropTable(x);
        } else if (c instanceof SchemaChange.ModifyTable x) {
            alters.modifyTable(x);
        } else if (c instanceof SchemaChange.RenameTable x) {
            tables.renameTable(x);
        } else if (c instanceof SchemaChange.AddView x) {
            routines.addView(x);
        } else if (c instanceof SchemaChange.DropView x) {
            routines.dropView(x);
        } else if (c instanceof SchemaChange.ModifyView x) {
            routines.modifyView(x);
        } else if (c instanceof SchemaChange.AddFunc x) {
            routines.addFunc(x);
        } else if (c instanceof SchemaChange.DropFunc x) {
            routines.dropFunc(x);
        } else if (c instanceof SchemaChange.ModifyFunc x) {
            routines.modifyFunc(x);
        } else if (c instanceof SchemaChange.AddProc x) {
            routines.addProc(x);
        } else if (c instanceof SchemaChange.DropProc x) {
            routines.dropProc(x);
        } else if (c instanceof SchemaChange.ModifyProc x) {
            routines.modifyProc(x);
        } else if (c instanceof SchemaChange.AddObject x) {
            objects.addObject(x);
        } else if (c instanceof SchemaChange.DropObject x) {
            objects.dropObject(x);
        } else if (c instanceof SchemaChange.ModifyObject x) {
            objects.modifyObject(x);
        } else if (c instanceof SchemaChange.RenameObject x) {
            objects.renameObject(x);
        } else if (c instanceof SchemaChange.AddRealmObject x) {
            objects.addRealmObject(x);
        } else if (c instanceof SchemaChange.DropRealmObject x) {
            objects.dropRealmObject(x);
        } else if (c instanceof SchemaChange.ModifyRealmObject x) {
            objects.modifyRealmObject(x);
        }
    }

    /**
     * A plan scoped to one schema (a qualifier is set) may not create or drop schemas, and its tables must
     * all live in one schema (§4.2).
     */
    private static void checkScope(List<SchemaChange> changes, PlanOptions options) {
        Set<String> schemas = new LinkedHashSet<>();
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.AddSchema || c instanceof SchemaChange.DropSchema) {
                String what = c instanceof SchemaChange.AddSchema ? "adding" : "dropping";
                throw new PlanException(what + " a schema is not allowed when migration plan is scoped to one schema",
                        "plan against a database (realm) URL instead");
            }
            if (c instanceof SchemaChange.ModifySchema && options.mode() != PlanMode.IN_PLACE) {
                throw new PlanException("modifying a schema is not allowed when migration plan is scoped to one schema",
                        "plan against a database (realm) URL instead");
            }
            String schema = tableSchema(c);
            if (schema != null && !schema.isEmpty()) {
                schemas.add(schema);
            }
        }
        if (schemas.size() > 1) {
            throw new PlanException("found " + schemas.size() + " schemas when migration plan is scoped to one",
                    "plan against a database (realm) URL, or keep the changes in one schema");
        }
    }

    private static String tableSchema(SchemaChange c) {
        if (c instanceof SchemaChange.AddTable t) {
            return t.schema();
        }
        if (c instanceof SchemaChange.DropTable t) {
            return t.schema();
        }
        if (c instanceof SchemaChange.ModifyTable t) {
            return t.schema();
        }
        if (c instanceof SchemaChange.RenameTable t) {
            return t.schema();
        }
        return null;
    }
}
