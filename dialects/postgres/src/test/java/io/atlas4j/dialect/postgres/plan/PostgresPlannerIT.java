package io.atlas4j.dialect.postgres.plan;

import static io.atlas4j.dialect.postgres.plan.Fx.BIGINT;
import static io.atlas4j.dialect.postgres.plan.Fx.INT;
import static io.atlas4j.dialect.postgres.plan.Fx.TEXT;
import static io.atlas4j.dialect.postgres.plan.Fx.col;
import static io.atlas4j.dialect.postgres.plan.Fx.comment;
import static io.atlas4j.dialect.postgres.plan.Fx.fk;
import static io.atlas4j.dialect.postgres.plan.Fx.index;
import static io.atlas4j.dialect.postgres.plan.Fx.lit;
import static io.atlas4j.dialect.postgres.plan.Fx.modCol;
import static io.atlas4j.dialect.postgres.plan.Fx.modify;
import static io.atlas4j.dialect.postgres.plan.Fx.nullCol;
import static io.atlas4j.dialect.postgres.plan.Fx.table;
import static io.atlas4j.dialect.postgres.plan.Fx.withDefault;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresAttrs;
import io.atlas4j.dialect.postgres.PostgresObjects;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.AttrChange;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.Clause;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs planned statements (and their reverses) on a real PostgreSQL server, in a database of its own:
 * the SQL shapes must be accepted by the server, not only match the goldens. Needs
 * {@code ATLAS4J_TEST_POSTGRES_URL}; skipped without it.
 */
class PostgresPlannerIT {

    private static String base;
    private static String database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        String url = System.getenv("ATLAS4J_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "ATLAS4J_TEST_POSTGRES_URL is not set");
        URI u = URI.create(url);
        String[] user = u.getUserInfo().split(":", 2);
        base = "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort()) + "/%s?user=" + user[0]
                + (user.length > 1 ? "&password=" + user[1] : "");
        database = "planit_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(String.format(base, u.getPath().substring(1)));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(String.format(base, "postgres"));
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void run(List<String> statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(String.format(base, database)); Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError("statement failed: " + sql + "\n" + e.getMessage(), e);
                }
            }
        }
    }

    private static List<String> forward(Plan p) {
        return p.statements().stream().map(PlannedStatement::sql).toList();
    }

    private static List<String> backward(Plan p) {
        List<String> out = new ArrayList<>();
        for (int i = p.statements().size() - 1; i >= 0; i--) {
            out.addAll(p.statements().get(i).reverse());
        }
        return out;
    }

    private static Plan plan(SchemaChange... changes) {
        return new PostgresPlanner().plan("it", List.of(changes), PlanOptions.REALM);
    }

    @Test
    void plannedStatementsAndTheirReversesRunOnPostgres() throws SQLException {
        EnumType status = new EnumType("status", List.of("active", "inactive"));
        PostgresObjects.Domain username = new PostgresObjects.Domain("username", TEXT, false, Optional.of("'anonymous'"),
                List.of(new Check("username_length", "length(VALUE) > 3")), List.of());
        PostgresObjects.Composite address = new PostgresObjects.Composite("address",
                List.of(nullCol("street", TEXT), nullCol("city", TEXT)), List.of());
        Func audit = new Func("audit", List.of(), "trigger", " BEGIN RETURN OLD; END; ", "plpgsql", List.of());
        Trigger tr = new Trigger("users_delete_audit", Trigger.Timing.AFTER, List.of("DELETE"), true, Optional.empty(),
                "EXECUTE FUNCTION \"public\".\"audit\"()", List.of());
        Table users = table("users")
                .cols(col("id", INT, new Identity(Identity.Generation.BY_DEFAULT, 1, 1)),
                        withDefault(col("name", new ColumnType.UserTypeRef("public", "username")), lit("'someone'")),
                        withDefault(col("state", new ColumnType.EnumRef("public", "status")), lit("active")),
                        nullCol("home", new ColumnType.UserTypeRef("public", "address")),
                        nullCol("nick", TEXT, comment("the nick")), col("age", INT))
                .pk(PrimaryKey.of("", "id"))
                .index(new Index("users_nick_key", true, List.of(IndexPart.column("nick")),
                        List.of(new IndexConstraint(IndexConstraint.Kind.UNIQUE))))
                .index(new Index("users_age", false, List.of(IndexPart.column("age").descending()),
                        List.of(new IndexPredicate("age > 0"), new IndexInclude(List.of("nick")), comment("ages"))))
                .check(new Check("age_positive", "age >= 0"))
                .attr(comment("the users"))
                .trigger(tr)
                .build();
        Table posts = table("posts")
                .cols(col("id", new PostgresAttrs.SerialType(32, "")), nullCol("author_id", INT), col("views", INT))
                .pk(PrimaryKey.of("", "id"))
                .fk(fk("author", "author_id", "users", "id"))
                .build();
        Table a = table("a").cols(col("id", BIGINT), nullCol("b_id", BIGINT)).pk(PrimaryKey.of("", "id"))
                .fk(fk("a_b", "b_id", "b", "id")).build();
        Table b = table("b").cols(col("id", BIGINT), nullCol("a_id", BIGINT)).pk(PrimaryKey.of("", "id"))
                .fk(fk("b_a", "a_id", "a", "id")).build();
        View v = new View("adults", "SELECT id, nick FROM public.users", List.of());
        Sequence seq = new Sequence("counter", BIGINT, 10, 5, 1, Long.MAX_VALUE, 1, false, Optional.empty(), List.of());
        PostgresObjects.Policy policy = new PostgresObjects.Policy("users", "own_rows", true, "SELECT", List.of(),
                Optional.of("id > 0"), Optional.empty(), List.of());
        Plan create = plan(new SchemaChange.AddView("public", v), new SchemaChange.AddTable("public", posts),
                new SchemaChange.AddTable("public", users), new SchemaChange.AddObject("public", status),
                new SchemaChange.AddObject("public", username), new SchemaChange.AddObject("public", address),
                new SchemaChange.AddFunc("public", audit), new SchemaChange.AddTable("public", a),
                new SchemaChange.AddTable("public", b), new SchemaChange.AddObject("public", seq),
                new SchemaChange.AddObject("public", policy),
                modify("public", users, new TableChange.ModifyAttr(new AttrChange(Optional.empty(),
                        Optional.of(new PostgresAttrs.RowSecurity(true, false))))));
        run(forward(create));

        Column nick = users.column("nick").orElseThrow();
        Column age = users.column("age").orElseThrow();
        Plan alter = plan(
                new SchemaChange.ModifyObject("public", status, new EnumType("status", List.of("new", "active", "blocked", "inactive"))),
                modify("public", users,
                        new TableChange.AddColumn(withDefault(col("score", BIGINT, comment("points")), lit("0"))),
                        modCol(age, withDefault(col("age", BIGINT), lit("18")), ChangeKind.TYPE, ChangeKind.DEFAULT),
                        modCol(nick, new Column("nick", TEXT, false, Optional.of(lit("x")), List.of(comment("nick"))),
                                ChangeKind.NULL, ChangeKind.DEFAULT, ChangeKind.COMMENT),
                        modCol(users.column("id").orElseThrow(), col("id", INT, new Identity(Identity.Generation.ALWAYS, 100, 2)),
                                ChangeKind.ATTR),
                        new TableChange.DropIndex(users.index("users_age").orElseThrow()),
                        new TableChange.AddIndex(index("users_score", "score")),
                        new TableChange.ModifyCheck(new Check("age_positive", "age >= 0"), new Check("age_positive", "age > 0"), Set.of()),
                        new TableChange.AddCheck(new Check("score_positive", "score >= 0", List.of(new NotValid()))),
                        new TableChange.ModifyAttr(new AttrChange(Optional.of(comment("the users")), Optional.of(comment("all users")))),
                        new TableChange.RenameColumn(col("home", TEXT), col("address", TEXT))),
                modify("public", posts,
                        modCol(posts.column("id").orElseThrow(), col("id", BIGINT), ChangeKind.TYPE, ChangeKind.DEFAULT),
                        modCol(posts.column("views").orElseThrow(), col("views", new PostgresAttrs.SerialType(64, "")),
                                ChangeKind.TYPE, ChangeKind.DEFAULT),
                        new TableChange.ModifyForeignKey(posts.foreignKeys().get(0), new io.atlas4j.schema.ForeignKey("author",
                                List.of("author_id"), "", "users", List.of("id"), io.atlas4j.schema.ForeignKey.Action.NO_ACTION,
                                io.atlas4j.schema.ForeignKey.Action.CASCADE), Set.of(ChangeKind.DELETE_ACTION))),
                new SchemaChange.ModifyView("public", v, new View("adults", "SELECT id, nick FROM public.users WHERE id > 1", List.of())),
                new SchemaChange.RenameTable("public", a, table("a2").cols(col("id", BIGINT)).build()));
        run(forward(alter));

        // Undo everything that can be undone (enum values stay), then drop it all.
        Plan reversible = plan(
                modify("public", users, new TableChange.AddIndex(new Index("users_nick_idx", false, List.of(IndexPart.column("nick")), List.of()),
                        Set.of(Clause.CONCURRENTLY))));
        assertThat(reversible.directives()).containsExactly("atlas:txmode none");
        run(forward(reversible));
        run(backward(reversible));
        run(backward(alter));

        Plan drop = plan(new SchemaChange.DropObject("public", status), new SchemaChange.DropTable("public", users),
                new SchemaChange.DropTable("public", posts), new SchemaChange.DropView("public", v),
                new SchemaChange.DropObject("public", username), new SchemaChange.DropObject("public", address),
                new SchemaChange.DropFunc("public", audit), new SchemaChange.DropTable("public", a),
                new SchemaChange.DropTable("public", b), new SchemaChange.DropObject("public", seq),
                new SchemaChange.DropObject("public", policy));
        run(forward(drop));
        // Every dropped object comes back from the reverse statements.
        run(backward(drop));
    }
}
