package io.atlas4j.dialect.postgres.plan;

import static io.atlas4j.dialect.postgres.plan.Fx.INT;
import static io.atlas4j.dialect.postgres.plan.Fx.TEXT;
import static io.atlas4j.dialect.postgres.plan.Fx.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresAttrs;
import io.atlas4j.dialect.postgres.PostgresObjects;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.SchemaChange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Statement shapes the HCL round trip against a server found wrong: each would fail or lose something there. */
class PostgresRoundTripFixesTest {

    private final PostgresPlanner planner = new PostgresPlanner();

    private List<String> sql(PlanOptions o, SchemaChange... changes) {
        return planner.plan("test", List.of(changes), o).statements().stream().map(PlannedStatement::sql).toList();
    }

    @Test
    void eventTriggerFunctionsAreQuotedPartByPart() {
        PostgresObjects.EventTrigger t = new PostgresObjects.EventTrigger("log_ddl", "ddl_command_end", List.of(),
                "app.on_ddl", List.of(new Comment("logs")));
        assertThat(sql(PlanOptions.REALM, new SchemaChange.AddRealmObject(t))).containsExactly(
                "CREATE EVENT TRIGGER \"log_ddl\" ON ddl_command_end EXECUTE FUNCTION \"app\".\"on_ddl\"()",
                "COMMENT ON EVENT TRIGGER \"log_ddl\" IS 'logs'");
    }

    @Test
    void aggregatesQualifyTheirSiblingFunctionsAndKeepTheirComment() {
        PostgresObjects.Aggregate a = new PostgresObjects.Aggregate("sum2",
                List.of(new FuncArg("", INT, FuncArg.Mode.IN, Optional.empty())), "add", INT, Optional.of("fin"),
                Optional.empty(), List.of(new Comment("c")));
        assertThat(sql(PlanOptions.REALM, new SchemaChange.AddObject("app", a))).containsExactly(
                "CREATE AGGREGATE \"app\".\"sum2\" (integer) (SFUNC = \"app\".\"add\", STYPE = integer, FINALFUNC = \"app\".\"fin\")",
                "COMMENT ON AGGREGATE \"app\".\"sum2\" (integer) IS 'c'");
    }

    @Test
    void compositeFieldsKeepTheirCollation() {
        Column zip = new Column("zip", TEXT, true, Optional.empty(), List.of(new Collation("C")));
        PostgresObjects.Composite c = new PostgresObjects.Composite("address", List.of(zip), List.of());
        assertThat(sql(PlanOptions.SCHEMA, new SchemaChange.AddObject("public", c)))
                .containsExactly("CREATE TYPE \"address\" AS (\"zip\" text COLLATE \"C\")");
    }

    @Test
    void sqlStandardBodiesAreNotDollarQuoted() {
        Func f = new Func("f", List.of(), "integer", "BEGIN ATOMIC\n SELECT 1;\nEND", "sql",
                List.of(new PostgresAttrs.Leakproof()));
        assertThat(sql(PlanOptions.SCHEMA, new SchemaChange.AddFunc("public", f)))
                .containsExactly("CREATE FUNCTION \"f\" () RETURNS integer LANGUAGE sql LEAKPROOF BEGIN ATOMIC\n SELECT 1;\nEND");
    }

    @Test
    void anOwnedSequenceWaitsForItsTable() {
        Sequence s = new Sequence("seq", INT, 1, 1, 1, Integer.MAX_VALUE, 1, false, Optional.of("t.id"), List.of());
        List<String> out = sql(PlanOptions.SCHEMA, new SchemaChange.AddObject("public", s),
                new SchemaChange.AddTable("public", Table.of("t", col("id", INT))));
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).startsWith("CREATE TABLE \"t\"");
        assertThat(out.get(1)).startsWith("CREATE SEQUENCE \"seq\"").endsWith("OWNED BY \"t\".\"id\"");
    }

    @Test
    void sqlRoutinesReadingATableComeAfterIt() {
        Func f = new Func("n", List.of(), "bigint", "SELECT count(*) FROM t", "sql", List.of());
        List<String> out = sql(PlanOptions.SCHEMA, new SchemaChange.AddFunc("public", f),
                new SchemaChange.AddTable("public", Table.of("t", col("id", INT))));
        assertThat(out.get(0)).startsWith("CREATE TABLE \"t\"");
        assertThat(out.get(1)).startsWith("CREATE FUNCTION \"n\"");
    }

    @Test
    void triggerCommentsAndViewCheckOptionsArePlanned() {
        Trigger tr = new Trigger("tr", Trigger.Timing.AFTER, List.of("INSERT"), true, Optional.empty(),
                "EXECUTE FUNCTION f()", List.of(new Comment("audits")));
        Table t = new Table("t", List.of(col("id", INT)), Optional.empty(), List.of(), List.of(), List.of(), List.of(),
                List.of(tr));
        assertThat(sql(PlanOptions.SCHEMA, new SchemaChange.AddTable("public", t)))
                .contains("COMMENT ON TRIGGER \"tr\" ON \"t\" IS 'audits'");
        View v = new View("v", "SELECT id FROM t", List.of(), List.of(), List.of(new PostgresAttrs.CheckOption(false)),
                List.of());
        assertThat(sql(PlanOptions.SCHEMA, new SchemaChange.AddView("public", v)))
                .containsExactly("CREATE VIEW \"v\" AS SELECT id FROM t WITH LOCAL CHECK OPTION");
    }
}
