package io.atlas4j.dialect.sqlite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dialect.sqlite.SqliteAttrs;
import io.atlas4j.dialect.sqlite.SqliteType;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.inspect.SchemaNotFoundException;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQLite inspector on real in-process databases (engine.md §2.4). */
class SqliteInspectorTest {

    private static Schema inspect(String sql) throws Exception {
        try (Connection c = Fx.memory()) {
            Fx.exec(c, sql);
            return Fx.DRIVER.inspector().inspectSchema(c, "", InspectOptions.ALL);
        }
    }

    @Test
    void columnsKeepTheirDeclaredTypeLowerCasedAndTheirDefaults() throws Exception {
        Table t = inspect("CREATE TABLE t (a VARCHAR(255) NOT NULL DEFAULT 'x', b, c INT DEFAULT -1, d DOUBLE PRECISION,"
                + " e text DEFAULT CURRENT_TIMESTAMP, f blob DEFAULT (hex(1)), g bool DEFAULT true, h \"My Type\" DEFAULT x'00');")
                .table("t").orElseThrow();

        assertThat(t.columns()).containsExactly(
                new Column("a", new SqliteType("varchar", List.of("255")), false, Optional.of(new Expr.Literal("'x'")), List.of()),
                new Column("b", new SqliteType("blob", List.of()), true, Optional.empty(), List.of()),
                new Column("c", new SqliteType("int", List.of()), true, Optional.of(new Expr.Literal("-1")), List.of()),
                new Column("d", new SqliteType("double precision", List.of()), true, Optional.empty(), List.of()),
                new Column("e", new SqliteType("text", List.of()), true, Optional.of(new Expr.RawExpr("CURRENT_TIMESTAMP")), List.of()),
                new Column("f", new SqliteType("blob", List.of()), true, Optional.of(new Expr.RawExpr("hex(1)")), List.of()),
                new Column("g", new SqliteType("bool", List.of()), true, Optional.of(new Expr.Literal("true")), List.of()),
                new Column("h", new SqliteType("my type", List.of()), true, Optional.of(new Expr.Literal("x'00'")), List.of()));
    }

    @Test
    void autoIncrementAndGeneratedColumnsComeFromTheCreateStatement() throws Exception {
        Table t = inspect("CREATE TABLE t (id integer PRIMARY KEY AUTOINCREMENT, v INT AS (id + 1), s int GENERATED ALWAYS AS (id * 2) STORED);")
                .table("t").orElseThrow();

        assertThat(t.column("id").orElseThrow().attrs()).containsExactly(new SqliteAttrs.AutoIncrement(0));
        assertThat(t.column("v").orElseThrow().attrs()).containsExactly(new GeneratedExpr("id + 1", false));
        assertThat(t.column("s").orElseThrow().attrs()).containsExactly(new GeneratedExpr("id * 2", true));
        assertThat(t.primaryKey()).contains(PrimaryKey.of("", "id"));
    }

    @Test
    void tableOptionsAndChecks() throws Exception {
        Table t = inspect("CREATE TABLE posts (id integer NOT NULL, \"text\" text CONSTRAINT nonempty CHECK (\"text\" <> ''),"
                + " CHECK (id <> 0), CONSTRAINT `small` CHECK (id < 100), PRIMARY KEY (id)) WITHOUT ROWID, STRICT;")
                .table("posts").orElseThrow();

        assertThat(t.attrs()).containsExactly(new SqliteAttrs.WithoutRowId(), new SqliteAttrs.Strict());
        assertThat(t.checks()).containsExactly(new Check("nonempty", "\"text\" <> ''"), new Check("", "id <> 0"),
                new Check("small", "id < 100"));
        // The PRIMARY KEY index of a WITHOUT ROWID table is the key, not an index.
        assertThat(t.indexes()).isEmpty();
        assertThat(t.primaryKey()).contains(PrimaryKey.of("", "id"));
    }

    @Test
    void compositeAndDescendingPrimaryKeys() throws Exception {
        Table t = inspect("CREATE TABLE t (a int, b int, PRIMARY KEY (b DESC, a)) WITHOUT ROWID;").table("t").orElseThrow();

        assertThat(t.primaryKey()).contains(new PrimaryKey("", List.of(IndexPart.column("b").descending(), IndexPart.column("a"))));
    }

    @Test
    void indexesInCreationOrderWithExpressionsPredicatesAndAutoIndexes() throws Exception {
        Table t = inspect("""
                CREATE TABLE t (a int UNIQUE, b text, c int);
                CREATE INDEX t_b ON t (b DESC, (c + 1), lower(b) COLLATE NOCASE ASC) WHERE c > 0 AND b <> '(';
                CREATE UNIQUE INDEX t_c ON t (c);
                """).table("t").orElseThrow();

        assertThat(t.indexes()).containsExactly(
                new Index("sqlite_autoindex_t_1", true, List.of(IndexPart.column("a")), List.of()),
                new Index("t_b", false, List.of(IndexPart.column("b").descending(), IndexPart.expr("c + 1"),
                        IndexPart.expr("lower(b)")), List.of(new IndexPredicate("c > 0 AND b <> '('"))),
                new Index("t_c", true, List.of(IndexPart.column("c")), List.of()));
    }

    @Test
    void foreignKeysInDeclarationOrderWithDeclaredOrNumericSymbols() throws Exception {
        Schema s = inspect("""
                CREATE TABLE p (id integer PRIMARY KEY, k int, UNIQUE (id, k));
                CREATE TABLE c (id int, pid int REFERENCES p, pid2 int CONSTRAINT col_fk REFERENCES p (id) ON DELETE CASCADE,
                  k int, CONSTRAINT "two cols" FOREIGN KEY (pid, k) REFERENCES p (id, k) ON UPDATE SET NULL);
                """);

        assertThat(s.table("c").orElseThrow().foreignKeys()).containsExactly(
                new ForeignKey("2", List.of("pid"), "main", "p", List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION),
                new ForeignKey("col_fk", List.of("pid2"), "main", "p", List.of("id"), ForeignKey.Action.NO_ACTION,
                        ForeignKey.Action.CASCADE),
                new ForeignKey("two cols", List.of("pid", "k"), "main", "p", List.of("id", "k"), ForeignKey.Action.SET_NULL,
                        ForeignKey.Action.NO_ACTION));
        assertThat(s.tables()).extracting(Table::name).containsExactly("p", "c");
    }

    @Test
    void h34AnEmptyDatabaseIsAnEmptyMain() throws Exception {
        try (Connection c = Fx.memory()) {
            Realm realm = Fx.DRIVER.inspector().inspectRealm(c, InspectOptions.ALL);

            assertThat(realm.schemas()).containsExactly(Schema.of("main"));
        }
    }

    @Test
    void excludedTablesAndInternalTablesAreLeftOut() throws Exception {
        try (Connection c = Fx.memory()) {
            Fx.exec(c, "CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT); CREATE TABLE posts (id int);");
            Schema s = Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL.excluding("*.posts"));

            assertThat(s.tables()).extracting(Table::name).containsExactly("users");
        }
    }

    @Test
    void theMigrateLockTableIsNotPartOfTheSchema() throws Exception {
        try (Connection c = Fx.memory()) {
            Fx.exec(c, "CREATE TABLE atlas_migrate_lock (name text PRIMARY KEY); CREATE TABLE users (id int);");

            assertThat(Fx.DRIVER.inspector().inspectSchema(c, "main", InspectOptions.ALL).tables()).extracting(Table::name)
                    .containsExactly("users");
        }
    }

    @Test
    void otherSchemasDoNotExist() throws Exception {
        try (Connection c = Fx.memory()) {
            assertThatThrownBy(() -> Fx.DRIVER.inspector().inspectSchema(c, "other", InspectOptions.ALL))
                    .isInstanceOf(SchemaNotFoundException.class);
        }
    }
}
