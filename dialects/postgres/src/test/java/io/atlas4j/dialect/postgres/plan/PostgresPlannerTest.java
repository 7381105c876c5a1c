package io.atlas4j.dialect.postgres.plan;

import static io.atlas4j.dialect.postgres.plan.Fx.INT;
import static io.atlas4j.dialect.postgres.plan.Fx.TEXT;
import static io.atlas4j.dialect.postgres.plan.Fx.col;
import static io.atlas4j.dialect.postgres.plan.Fx.modCol;
import static io.atlas4j.dialect.postgres.plan.Fx.modify;
import static io.atlas4j.dialect.postgres.plan.Fx.nullCol;
import static io.atlas4j.dialect.postgres.plan.Fx.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dialect.postgres.PostgresAttrs;
import io.atlas4j.dialect.postgres.PostgresObjects;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanException;
import io.atlas4j.plan.PlanMode;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.Materialized;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.Clause;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.SchemaChange.AddTable;
import io.atlas4j.schema.change.TableChange;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors, reversibility and statement shapes the golden cases do not show. */
class PostgresPlannerTest {

    private final PostgresPlanner planner = new PostgresPlanner();

    private Plan plan(PlanOptions o, SchemaChange... changes) {
        return planner.plan("test", List.of(changes), o);
    }

    private static List<String> sql(Plan p) {
        return p.statements().stream().map(PlannedStatement::sql).toList();
    }

    @Test
    void e088ModifyingAnUnnamedCheckFails() {
        SchemaChange c = modify("public", Table.of("t", col("a", INT)),
                new TableChange.ModifyCheck(new Check("", "a > 0"), new Check("", "a > 1"), Set.of()));
        assertThatThrownBy(() -> plan(PlanOptions.SCHEMA, c)).isInstanceOf(PlanException.class)
                .hasMessageContaining("cannot modify unnamed check constraint");
    }

    @Test
    void e088AddingAnUnnamedCheckMakesThePlanIrreversible() {
        Plan p = plan(PlanOptions.SCHEMA, modify("public", Table.of("t", col("a", INT)),
                new TableChange.AddCheck(new Check("", "a > 0"))));
        assertThat(p.reversible()).isFalse();
        Plan named = plan(PlanOptions.SCHEMA, modify("public", Table.of("t", col("a", INT)),
                new TableChange.AddCheck(new Check("ck", "a > 0"))));
        assertThat(named.reversible()).isTrue();
        assertThat(named.statements().get(0).reverse()).containsExactly("ALTER TABLE \"t\" DROP CONSTRAINT \"ck\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"off,on", "off"})
    void e091ReorderingOrRemovingEnumValuesFails(String to) {
        SchemaChange c = new SchemaChange.ModifyObject("public", new EnumType("state", List.of("on", "off")),
                new EnumType("state", List.of(to.split(","))));
        assertThatThrownBy(() -> plan(PlanOptions.REALM, c)).isInstanceOf(PlanException.class)
                .hasMessageContaining("enum type \"state\"");
    }

    @Test
    void e090AddedEnumValuesAreIrreversible() {
        Plan p = plan(PlanOptions.REALM, new SchemaChange.ModifyObject("public", new EnumType("state", List.of("on")),
                new EnumType("state", List.of("on", "off"))));
        assertThat(p.reversible()).isFalse();
    }

    @Test
    void e108TablesInTwoSchemasFailWithAQualifier() {
        assertThatThrownBy(() -> plan(PlanOptions.SCHEMA, new AddTable("s1", Table.of("t1", col("a", INT))),
                new AddTable("s2", Table.of("t2", col("a", INT)))))
                .isInstanceOf(PlanException.class)
                .hasMessage("found 2 schemas when migration plan is scoped to one");
        // Realm scope qualifies each table with its own schema instead.
        assertThat(sql(plan(PlanOptions.REALM, new AddTable("s1", Table.of("t1", col("a", INT))),
                new AddTable("s2", Table.of("t2", col("a", INT))))))
                .containsExactly("CREATE TABLE \"s1\".\"t1\" (\"a\" integer NOT NULL)", "CREATE TABLE \"s2\".\"t2\" (\"a\" integer NOT NULL)");
    }

    @Test
    void schemaChangesAreRejectedWithAQualifier() {
        Schema s = new Schema("x", List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> plan(PlanOptions.SCHEMA, new SchemaChange.AddSchema(s, Set.of())))
                .isInstanceOf(PlanException.class);
        assertThatThrownBy(() -> plan(PlanOptions.SCHEMA.mode(PlanMode.DEFERRED), new SchemaChange.ModifySchema(s, List.of())))
                .isInstanceOf(PlanException.class);
    }

    @Test
    void e003DropSchemaIsIrreversible() {
        Schema s = new Schema("atlas", List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(plan(PlanOptions.REALM, new SchemaChange.DropSchema(s, Set.of())).reversible()).isFalse();
    }

    @Test
    void e042DropExpressionIsIrreversible() {
        Plan p = plan(PlanOptions.SCHEMA, modify("public", Table.of("posts", col("c1", INT)),
                modCol(col("c1", INT, new GeneratedExpr("id+1", true)), col("c1", INT), ChangeKind.GENERATED)));
        assertThat(p.reversible()).isFalse();
    }

    @Test
    void e045NullableSerialFails() {
        assertThatThrownBy(() -> plan(PlanOptions.SCHEMA, new AddTable("public",
                Table.of("t", nullCol("id", new PostgresAttrs.SerialType(32, ""))))))
                .isInstanceOf(PlanException.class).hasMessageContaining("cannot be nullable");
        assertThat(sql(plan(PlanOptions.SCHEMA, new AddTable("public", Table.of("t", col("id", new PostgresAttrs.SerialType(64, "")))))))
                .containsExactly("CREATE TABLE \"t\" (\"id\" bigserial NOT NULL)");
    }

    @Test
    void identityAndGeneratedTogetherFail() {
        Column c = col("id", INT, new Identity(Identity.Generation.ALWAYS, 1, 1), new GeneratedExpr("1", true));
        assertThatThrownBy(() -> plan(PlanOptions.SCHEMA, new AddTable("public", Table.of("t", c))))
                .isInstanceOf(PlanException.class);
    }

    @Test
    void e070ExclusionWithoutOperatorFails() {
        Index excl = new Index("x", false, List.of(IndexPart.column("a")),
                List.of(new IndexConstraint(IndexConstraint.Kind.EXCLUDE)));
        assertThatThrownBy(() -> plan(PlanOptions.SCHEMA, new AddTable("public", table("t").cols(col("a", INT)).index(excl).build())))
                .isInstanceOf(PlanException.class).hasMessageContaining("missing operator");
    }

    @Test
    void concurrentStatementsAreNotTransactionalAndSetTheTxmodeDirective() {
        Plan p = plan(PlanOptions.SCHEMA, modify("public", Table.of("t", col("a", INT)),
                new TableChange.AddIndex(new Index("i", false, List.of(IndexPart.column("a")), List.of()), Set.of(Clause.CONCURRENTLY))));
        assertThat(p.transactional()).isTrue();
        assertThat(p.statements()).allMatch(s -> !s.transactional());
        assertThat(p.directives()).containsExactly("atlas:txmode none");
        Plan plain = plan(PlanOptions.SCHEMA, new AddTable("public", Table.of("t", col("a", INT))));
        assertThat(plain.directives()).isEmpty();
    }

    @Test
    void identifiersAreQuotedWithEmbeddedQuotesDoubled() {
        assertThat(sql(plan(PlanOptions.SCHEMA, new AddTable("public", Table.of("we\"ird", col("c\"ol", INT))))))
                .containsExactly("CREATE TABLE \"we\"\"ird\" (\"c\"\"ol\" integer NOT NULL)");
    }

    @Test
    void viewsAreCreatedAfterTablesAndReplacedWhenTheirColumnsAreKept() {
        View v = new View("active", "SELECT id FROM users", List.of());
        Plan p = plan(PlanOptions.SCHEMA, new SchemaChange.AddView("public", v),
                new AddTable("public", Table.of("users", col("id", INT))));
        assertThat(sql(p)).containsExactly("CREATE TABLE \"users\" (\"id\" integer NOT NULL)",
                "CREATE VIEW \"active\" AS SELECT id FROM users");
        assertThat(p.statements().get(1).comment()).isEqualTo("create \"active\" view");
        View v2 = new View("active", "SELECT id FROM users WHERE id > 0", List.of());
        Plan m = plan(PlanOptions.SCHEMA, new SchemaChange.ModifyView("public", v, v2));
        assertThat(sql(m)).containsExactly("CREATE OR REPLACE VIEW \"active\" AS SELECT id FROM users WHERE id > 0");
        assertThat(m.statements().get(0).displayComment()).isEqualTo("Modify \"active\" view");
        View mv = new View("mv", "SELECT 1", List.of(new Materialized()));
        View mv2 = new View("mv", "SELECT 2", List.of(new Materialized()));
        assertThat(sql(plan(PlanOptions.SCHEMA, new SchemaChange.ModifyView("public", mv, mv2))))
                .containsExactly("DROP MATERIALIZED VIEW \"mv\"", "CREATE MATERIALIZED VIEW \"mv\" AS SELECT 2");
    }

    @Test
    void functionsProceduresAndTheirReplacement() {
        Func f = new Func("f", List.of(new FuncArg("input_text", Fx.varchar(0), FuncArg.Mode.IN, Optional.empty())),
                "character varying", " BEGIN RETURN input_text; END; ", "plpgsql",
                List.of(new PostgresAttrs.Volatility(PostgresAttrs.Volatility.Kind.IMMUTABLE), new PostgresAttrs.Strict()));
        Plan p = plan(PlanOptions.SCHEMA, new SchemaChange.AddFunc("public", f));
        assertThat(sql(p)).containsExactly("CREATE FUNCTION \"f\" (\"input_text\" character varying) RETURNS character varying"
                + " LANGUAGE plpgsql IMMUTABLE STRICT AS $$ BEGIN RETURN input_text; END; $$");
        assertThat(p.statements().get(0).reverse()).containsExactly("DROP FUNCTION \"f\" (character varying)");
        Func body = new Func("f", f.args(), f.returns(), "SELECT $$x$$", "sql", List.of());
        assertThat(sql(plan(PlanOptions.SCHEMA, new SchemaChange.ModifyFunc("public", f, body))).get(0))
                .startsWith("CREATE OR REPLACE FUNCTION").endsWith("AS $q$SELECT $$x$$$q$");
    }

    @Test
    void sequencesPrintOnlyNonDefaultOptions() {
        Sequence s = new Sequence("q", Fx.BIGINT, 1, 1, 1, Long.MAX_VALUE, 1, false, Optional.empty(), List.of());
        Sequence s2 = new Sequence("q", Fx.BIGINT, 10, 2, 1, Long.MAX_VALUE, 1, true, Optional.empty(), List.of());
        assertThat(sql(plan(PlanOptions.REALM, new SchemaChange.AddObject("public", s))))
                .containsExactly("CREATE SEQUENCE \"public\".\"q\"");
        assertThat(sql(plan(PlanOptions.REALM, new SchemaChange.AddObject("public", s2))))
                .containsExactly("CREATE SEQUENCE \"public\".\"q\" INCREMENT BY 2 START WITH 10 CYCLE");
        Plan m = plan(PlanOptions.REALM, new SchemaChange.ModifyObject("public", s, s2));
        assertThat(sql(m)).containsExactly("ALTER SEQUENCE \"public\".\"q\" INCREMENT BY 2 START WITH 10 CYCLE");
        assertThat(m.statements().get(0).reverse()).containsExactly("ALTER SEQUENCE \"public\".\"q\" INCREMENT BY 1 START WITH 1 NO CYCLE");
    }

    @Test
    void policiesAreDroppedBeforeTheirTable() {
        PostgresObjects.Policy p = new PostgresObjects.Policy("users", "p", false, "SELECT", List.of("admin"),
                Optional.of("true"), Optional.empty(), List.of());
        Plan plan = plan(PlanOptions.SCHEMA, new SchemaChange.DropTable("public", Table.of("users", col("id", INT))),
                new SchemaChange.DropObject("public", p));
        assertThat(sql(plan)).containsExactly("DROP POLICY \"p\" ON \"users\"", "DROP TABLE \"users\"");
        assertThat(plan.statements().get(0).reverse())
                .containsExactly("CREATE POLICY \"p\" ON \"users\" AS RESTRICTIVE FOR SELECT TO \"admin\" USING (true)");
    }

    @Test
    void eventTriggersFollowTheirFunction() {
        Func f = new Func("ddl_log", List.of(), "event_trigger", "BEGIN END;", "plpgsql", List.of());
        PostgresObjects.EventTrigger t = new PostgresObjects.EventTrigger("log_ddl", "ddl_command_start",
                List.of("CREATE TABLE"), "ddl_log", List.of());
        assertThat(sql(plan(PlanOptions.REALM, new SchemaChange.AddRealmObject(t), new SchemaChange.AddFunc("public", f))))
                .containsExactly("CREATE FUNCTION \"public\".\"ddl_log\" () RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END;$$",
                        "CREATE EVENT TRIGGER \"log_ddl\" ON ddl_command_start WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION \"ddl_log\"()");
    }

    @Test
    void droppedForeignKeysOfDroppedColumnsAreSkipped() {
        Plan p = plan(PlanOptions.SCHEMA, modify("public", Table.of("t", col("a", INT), col("b", INT)),
                new TableChange.DropColumn(col("a", INT)),
                new TableChange.DropForeignKey(Fx.fk("fk", "a", "p", "id"))));
        assertThat(sql(p)).containsExactly("ALTER TABLE \"t\" DROP COLUMN \"a\"");
    }

    @Test
    void domainAndCompositeModifications() {
        PostgresObjects.Domain d = new PostgresObjects.Domain("d", TEXT, true, Optional.empty(), List.of(), List.of());
        PostgresObjects.Domain d2 = new PostgresObjects.Domain("d", TEXT, false, Optional.of("'x'"),
                List.of(new Check("len", "length(VALUE) > 1")), List.of());
        assertThat(sql(plan(PlanOptions.SCHEMA, new SchemaChange.ModifyObject("public", d, d2)))).containsExactly(
                "ALTER DOMAIN \"d\" SET DEFAULT 'x'", "ALTER DOMAIN \"d\" SET NOT NULL",
                "ALTER DOMAIN \"d\" ADD CONSTRAINT \"len\" CHECK (length(VALUE) > 1)");
        PostgresObjects.Composite c = new PostgresObjects.Composite("c", List.of(nullCol("a", TEXT)), List.of());
        PostgresObjects.Composite c2 = new PostgresObjects.Composite("c", List.of(nullCol("a", INT), nullCol("b", TEXT)), List.of());
        assertThat(sql(plan(PlanOptions.SCHEMA, new SchemaChange.ModifyObject("public", c, c2))))
                .containsExactly("ALTER TYPE \"c\" ALTER ATTRIBUTE \"a\" TYPE integer, ADD ATTRIBUTE \"b\" text");
    }

    @Test
    void commentedRoutinesGetACommentStatementAndCommentOnlyViewChangesNoReplace() {
        Func f = new Func("f", List.of(new FuncArg("a", INT, FuncArg.Mode.IN, Optional.empty())), "integer", "SELECT a", "sql",
                List.of(new io.atlas4j.schema.Comment("doubles")));
        assertThat(sql(plan(PlanOptions.SCHEMA, new SchemaChange.AddFunc("public", f)))).containsExactly(
                "CREATE FUNCTION \"f\" (\"a\" integer) RETURNS integer LANGUAGE sql AS $$SELECT a$$",
                "COMMENT ON FUNCTION \"f\" (integer) IS 'doubles'");
        View v = new View("v", "SELECT 1", List.of());
        View v2 = new View("v", "SELECT 1", List.of(new io.atlas4j.schema.Comment("one")));
        assertThat(sql(plan(PlanOptions.SCHEMA, new SchemaChange.ModifyView("public", v, v2))))
                .containsExactly("COMMENT ON VIEW \"v\" IS 'one'");
    }

    @Test
    void aUniqueIndexPromotedToAConstraintIsDroppedThenAddedAsConstraint() {
        Index plain = new Index("u", true, List.of(IndexPart.column("a")), List.of());
        Index constraint = new Index("u", true, List.of(IndexPart.column("a")),
                List.of(new IndexConstraint(IndexConstraint.Kind.UNIQUE)));
        Plan p = plan(PlanOptions.SCHEMA, modify("public", Table.of("t", col("a", INT)),
                new TableChange.ModifyIndex(plain, constraint, Set.of(ChangeKind.ATTR))));
        assertThat(sql(p)).containsExactly("DROP INDEX \"u\"", "ALTER TABLE \"t\" ADD CONSTRAINT \"u\" UNIQUE (\"a\")");
        assertThat(p.statements().get(1).reverse()).containsExactly("ALTER TABLE \"t\" DROP CONSTRAINT \"u\"");
        Plan back = plan(PlanOptions.SCHEMA, modify("public", Table.of("t", col("a", INT)),
                new TableChange.ModifyIndex(constraint, plain, Set.of(ChangeKind.ATTR))));
        assertThat(sql(back)).containsExactly("ALTER TABLE \"t\" DROP CONSTRAINT \"u\"", "CREATE UNIQUE INDEX \"u\" ON \"t\" (\"a\")");
    }
}
