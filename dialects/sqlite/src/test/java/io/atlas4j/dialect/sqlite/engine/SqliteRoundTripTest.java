package io.atlas4j.dialect.sqlite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.apply.PlanApplier;
import io.atlas4j.dialect.sqlite.SqliteDialect;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanMode;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.state.StateReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round-trip properties on real SQLite databases: (1) an inspected schema planned from empty, applied to an
 * empty database and inspected back diffs as no change; (2) a plan from a current to a desired schema,
 * applied to the current database (with rows in it), leaves a database that diffs as no change against the
 * desired one — which exercises the table rebuild for real.
 */
class SqliteRoundTripTest {

    private static final SqliteDialect DIALECT = new SqliteDialect();

    static Stream<Arguments> schemas() {
        return Stream.of(
                Arguments.of("E27 records, categories, products", """
                        CREATE TABLE records (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, name varchar(255) NOT NULL DEFAULT '' UNIQUE,
                          price decimal NOT NULL DEFAULT 0);
                        CREATE INDEX records_price ON records (price);
                        CREATE TABLE categories (id INTEGER NOT NULL PRIMARY KEY, category_name VARCHAR(255) NOT NULL);
                        CREATE TABLE products (id INTEGER NOT NULL PRIMARY KEY, product_name VARCHAR(255) NOT NULL UNIQUE,
                          price DECIMAL(10,2) NOT NULL, category_id INTEGER,
                          FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL);
                        """),
                Arguments.of("E25 options and checks", """
                        CREATE TABLE posts (id integer NOT NULL, text text NULL, CHECK (text <> ''),
                          CONSTRAINT positive_id CHECK (id <> 0), PRIMARY KEY (id)) WITHOUT ROWID, STRICT;
                        """),
                Arguments.of("generated columns, expression and partial indexes", """
                        CREATE TABLE t (a int NOT NULL, b text, v int AS (a + 1), s int AS (a * 2) STORED,
                          d text DEFAULT (lower('X')), e datetime DEFAULT CURRENT_TIMESTAMP);
                        CREATE INDEX t_expr ON t (lower(b) DESC, a) WHERE a > 0;
                        CREATE UNIQUE INDEX t_a ON t (a);
                        """),
                Arguments.of("named, unnamed and composite foreign keys", """
                        CREATE TABLE p (id int NOT NULL, k int NOT NULL, PRIMARY KEY (id, k));
                        CREATE TABLE c (id int PRIMARY KEY, pid int, pk int, q int REFERENCES c (id),
                          CONSTRAINT parent FOREIGN KEY (pid, pk) REFERENCES p (id, k) ON DELETE CASCADE ON UPDATE RESTRICT);
                        """),
                Arguments.of("user-defined and unusual types", """
                        CREATE TABLE u (a "My Type" NOT NULL, b, c unsigned big int, d double precision, e JSON);
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void aPlannedSchemaInspectsBackTheSame(String name, String sql) throws Exception {
        Schema original = inspect(sql);

        Plan plan = StateReader.planFromEmpty(Fx.DRIVER, new io.atlas4j.schema.Realm(List.of(original)), Optional.of("main"));
        Schema rebuilt;
        try (Connection c = Fx.memory()) {
            PlanApplier.apply(DIALECT, c, plan, true, s -> { });
            rebuilt = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
        }

        assertThat(Fx.DRIVER.differ().diffSchema(original, rebuilt, DiffOptions.DEFAULT)).isEmpty();
        assertThat(Fx.DRIVER.differ().diffSchema(rebuilt, original, DiffOptions.DEFAULT)).isEmpty();
    }

    static Stream<Arguments> migrations() {
        return Stream.of(
                Arguments.of("E30 add a nullable column", "CREATE TABLE users (id int NOT NULL);",
                        "CREATE TABLE users (id int NOT NULL, name text);", false),
                Arguments.of("E31 drop a column", "CREATE TABLE t (id int NOT NULL, c text);",
                        "CREATE TABLE t (id int NOT NULL);", true),
                Arguments.of("E34 NULL to NOT NULL with a default", "CREATE TABLE users (id int NOT NULL, nick text);",
                        "CREATE TABLE users (id int NOT NULL, nick text NOT NULL DEFAULT 'a8m');", true),
                Arguments.of("E33 text to integer", "CREATE TABLE t (id int NOT NULL, c text);",
                        "CREATE TABLE t (id int NOT NULL, c integer);", true),
                Arguments.of("E49 expression default", "CREATE TABLE users (id bigint NOT NULL);",
                        "CREATE TABLE users (id bigint NOT NULL, name text NOT NULL DEFAULT (lower('A')));", true),
                Arguments.of("E73 add primary key", "CREATE TABLE users (id int NOT NULL, c int);",
                        "CREATE TABLE users (id int NOT NULL, c int, PRIMARY KEY (id));", true),
                Arguments.of("E83 add a foreign key", """
                        CREATE TABLE categories (id integer PRIMARY KEY);
                        CREATE TABLE products (id integer PRIMARY KEY, category_id integer);
                        CREATE INDEX products_category ON products (category_id);
                        """, """
                        CREATE TABLE categories (id integer PRIMARY KEY);
                        CREATE TABLE products (id integer PRIMARY KEY, category_id integer REFERENCES categories (id));
                        CREATE INDEX products_category ON products (category_id);
                        """, true),
                Arguments.of("E53, E54, E62 index changes", """
                        CREATE TABLE t (id int NOT NULL, name text, active bool);
                        CREATE INDEX gone ON t (name);
                        CREATE INDEX p ON t (name) WHERE active;
                        """, """
                        CREATE TABLE t (id int NOT NULL, name text, active bool);
                        CREATE UNIQUE INDEX t_id ON t (id);
                        CREATE INDEX p ON t (name) WHERE active AND name <> '';
                        """, false),
                Arguments.of("E25 checks and table options", "CREATE TABLE posts (id integer NOT NULL PRIMARY KEY, text text);",
                        "CREATE TABLE posts (id integer NOT NULL PRIMARY KEY, text text CHECK (text <> '')) WITHOUT ROWID;", true),
                Arguments.of("E15 replace a referenced table", """
                        CREATE TABLE t1 (id int PRIMARY KEY);
                        CREATE TABLE c (id int, t1 int REFERENCES t1 (id));
                        """, """
                        CREATE TABLE t2 (id int PRIMARY KEY);
                        CREATE TABLE c (id int, t1 int);
                        """, true),
                Arguments.of("drop a UNIQUE constraint (its auto-index)", "CREATE TABLE t (id int NOT NULL, c text UNIQUE);",
                        "CREATE TABLE t (id int NOT NULL, c text);", true),
                Arguments.of("rebuild a table other tables reference", """
                        CREATE TABLE parent (id int PRIMARY KEY, c text);
                        CREATE TABLE child (id int, p int REFERENCES parent (id) ON DELETE CASCADE);
                        INSERT INTO child VALUES (1, 1);
                        """, """
                        CREATE TABLE parent (id int PRIMARY KEY);
                        CREATE TABLE child (id int, p int REFERENCES parent (id) ON DELETE CASCADE);
                        """, true),
                Arguments.of("add a unique column", "CREATE TABLE t (id int NOT NULL);",
                        "CREATE TABLE t (id int NOT NULL, email text UNIQUE);", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("migrations")
    void aPlannedMigrationReachesTheDesiredSchema(String name, String current, String desired, boolean rebuild)
            throws Exception {
        Schema want = inspect(desired);
        try (Connection c = Fx.memory()) {
            Fx.exec(c, current);
            fillFirstTable(c);
            Schema have = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
            List<SchemaChange> changes = Fx.DRIVER.differ().diffSchema(have, want, DiffOptions.DEFAULT);
            Plan plan = Fx.DRIVER.planner().plan("m", changes, PlanOptions.SCHEMA.mode(PlanMode.DEFERRED));
            assertThat(plan.isEmpty()).isFalse();
            assertThat(plan.statements().get(0).sql().equals("PRAGMA foreign_keys = off")).isEqualTo(
                    rebuild || changes.stream().anyMatch(ch -> ch instanceof SchemaChange.DropTable));

            PlanApplier.apply(DIALECT, c, plan, true, s -> { });

            Schema after = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
            assertThat(Fx.DRIVER.differ().diffSchema(after, want, DiffOptions.DEFAULT)).isEmpty();
            // Rebuilds copy rows: the row put in the first table (and any fixture rows) survive.
            if (after.table(have.tables().get(0).name()).isPresent()) {
                assertThat(count(c, have.tables().get(0).name())).isEqualTo(1);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void e72AnAutoIndexAndTheIndexItIsPlannedAsAreTheSame() throws Exception {
        Schema constraint = inspect("CREATE TABLE t (id int NOT NULL, c text UNIQUE);");
        Schema index = inspect("CREATE TABLE t (id int NOT NULL, c text); CREATE UNIQUE INDEX t_c ON t (c);");
        Schema other = inspect("CREATE TABLE t (id int NOT NULL, c text); CREATE UNIQUE INDEX t_other ON t (c);");

        assertThat(Fx.DRIVER.differ().diffSchema(constraint, index, DiffOptions.DEFAULT)).isEmpty();
        assertThat(Fx.DRIVER.differ().diffSchema(index, constraint, DiffOptions.DEFAULT)).isEmpty();
        assertThat(Fx.DRIVER.differ().diffSchema(constraint, other, DiffOptions.DEFAULT)).isNotEmpty();
    }

    /** A row in the first table whose columns all take a value, so rebuilds copy real data. */
    private static void fillFirstTable(Connection c) throws Exception {
        Schema s = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
        var t = s.tables().get(0);
        List<String> cols = new ArrayList<>();
        List<String> vals = new ArrayList<>();
        for (var col : t.columns()) {
            cols.add("\"" + col.name() + "\"");
            vals.add(col.name().equals("id") ? "1" : "'v'");
        }
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"" + t.name() + "\" (" + String.join(", ", cols) + ") VALUES (" + String.join(", ", vals) + ")");
        }
    }

    private static int count(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Schema inspect(String sql) throws Exception {
        try (Connection c = Fx.memory()) {
            Fx.exec(c, sql);
            return Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL);
        }
    }
}
