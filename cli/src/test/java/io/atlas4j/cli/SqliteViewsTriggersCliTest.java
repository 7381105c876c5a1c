package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Black-box runs of {@code migrate diff} and {@code schema apply} on SQLite schemas with views and triggers
 * (the shape of examples/sqlite): the CREATE VIEW and CREATE TRIGGER statements reach the migration file,
 * and a table rebuild keeps the table's trigger and the views that read it working.
 */
class SqliteViewsTriggersCliTest extends SqliteMigrationsTestBase {

    private static final String SYNCED = "The migration directory is synced with the desired state, no changes to be made\n";

    private static final String SHOP = """
            CREATE TABLE orders (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              total_cents INTEGER NOT NULL,
              status      TEXT NOT NULL DEFAULT 'open'
            );
            CREATE TABLE order_audit (order_id INTEGER NOT NULL, change TEXT NOT NULL);
            CREATE VIEW open_orders AS
              SELECT id, total_cents FROM orders WHERE status = 'open';
            CREATE TRIGGER orders_status_audit AFTER UPDATE OF status ON orders
            BEGIN
              INSERT INTO order_audit (order_id, change) VALUES (NEW.id, OLD.status || ' -> ' || NEW.status);
            END;
            """;

    private static String dev() {
        return "sqlite://d" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "?mode=memory";
    }

    @Test
    void migrateDiffWritesTheViewAndTheTriggerAndIsThenSynced() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), SHOP);
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", dev(), "--to", "file://schema.sql");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Path> files = sqlFiles();
        assertThat(files).hasSize(1);
        String migration = Files.readString(files.get(0));
        assertThat(migration)
                .contains("CREATE VIEW `open_orders` AS SELECT id, total_cents FROM orders WHERE status = 'open';")
                .contains("CREATE TRIGGER `orders_status_audit` AFTER UPDATE OF \"status\" ON `orders` FOR EACH ROW BEGIN\n"
                        + "  INSERT INTO order_audit (order_id, change) VALUES (NEW.id, OLD.status || ' -> ' || NEW.status);\nEND;");
        assertThat(migration.indexOf("CREATE TRIGGER")).isGreaterThan(migration.indexOf("CREATE TABLE `order_audit`"));

        // Replaying the directory on the dev database reads the trigger back as the same trigger.
        CliResult again = Cli.run(dir, "migrate", "diff", "--dev-url", dev(), "--to", "file://schema.sql");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo(SYNCED);
        assertThat(sqlFiles()).hasSize(1);
    }

    @Test
    void applyDroppingAColumnOfATableWithATriggerKeepsTheTrigger() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), SHOP.replace("  status      TEXT NOT NULL DEFAULT 'open'\n",
                "  status      TEXT NOT NULL DEFAULT 'open',\n  note        TEXT\n"));
        CliResult created = Cli.run(dir, "schema", "apply", "-u", url, "--to", "file://schema.sql", "--dev-url", dev(),
                "--auto-approve");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        exec("INSERT INTO orders (total_cents, status, note) VALUES (100, 'open', 'n')");

        Files.writeString(dir.resolve("schema.sql"), SHOP);
        CliResult applied = Cli.run(dir, "schema", "apply", "-u", url, "--to", "file://schema.sql", "--dev-url", dev(),
                "--auto-approve");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("ALTER TABLE `new_orders` RENAME TO `orders`;")
                .contains("CREATE TRIGGER `orders_status_audit` AFTER UPDATE OF \"status\" ON `orders`");
        assertThat(query("SELECT name FROM pragma_table_info('orders') ORDER BY cid")).containsExactly("id", "total_cents",
                "status");
        assertThat(query("SELECT name FROM sqlite_master WHERE type = 'trigger'")).containsExactly("orders_status_audit");

        exec("UPDATE orders SET status = 'paid' WHERE id = 1");
        assertThat(query("SELECT order_id, change FROM order_audit")).containsExactly("1|open -> paid");
        assertThat(query("SELECT count(*) FROM open_orders")).containsExactly("0");

        CliResult inspected = Cli.run(dir, "schema", "inspect", "-u", url);
        assertThat(inspected.exitCode()).as(inspected.toString()).isZero();
        assertThat(inspected.out()).contains("view \"open_orders\" {", "trigger \"orders_status_audit\" {",
                "update_of = [table.orders.column.status]");

        CliResult again = Cli.run(dir, "schema", "apply", "-u", url, "--to", "file://schema.sql", "--dev-url", dev(),
                "--auto-approve");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo("Schema is synced, no changes to be made\n");
    }

    private void exec(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private List<Path> sqlFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("migrations"))) {
            return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
