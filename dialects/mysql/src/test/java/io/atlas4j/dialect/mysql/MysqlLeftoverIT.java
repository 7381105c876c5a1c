package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.url.DatabaseUrl;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Accounts a case creates live in the server, not in the session's schema: they must not reach the next
 * case, while accounts from before the run stay. Each test works in a schema of its own.
 */
class MysqlLeftoverIT {

    private static final URI STATE_FILE = URI.create("file:///it/schema.sql");
    private static final String STATE = "CREATE TABLE t (a INT);\nINSERT INTO t VALUES (1);\n";

    private final String tag = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private final String preexisting = "a4j_pre_" + tag;
    private final List<String> users = new ArrayList<>();
    private DatabaseUrl server;
    private String schema;
    private DatabaseUrl url;

    @BeforeEach
    void schemaAndUser() throws SQLException {
        server = TestServer.mysql();
        schema = "a4j_it_" + tag;
        TestServer.exec(server, "CREATE DATABASE `" + schema + "`", "CREATE USER '" + preexisting + "'@'%'");
        url = TestServer.withSchema(server, schema);
    }

    @AfterEach
    void dropAll() throws SQLException {
        if (server == null) {
            return;
        }
        for (String s : TestServer.schemas(server, schema)) {
            TestServer.exec(server, "DROP DATABASE `" + s + "`");
        }
        for (String s : TestServer.schemas(server, "atlas4j_" + schema)) {
            TestServer.exec(server, "DROP DATABASE `" + s + "`");
        }
        for (String u : users) {
            TestServer.exec(server, "DROP USER IF EXISTS '" + u + "'@'%'");
        }
        TestServer.exec(server, "DROP USER IF EXISTS '" + preexisting + "'@'%'");
    }

    private String user(String suffix) {
        String name = "a4j_" + suffix + "_" + tag;
        users.add(name);
        return name;
    }

    private static SchemaState state(String text) {
        return new SchemaState(List.of(SqlScript.of(STATE_FILE, text)));
    }

    private boolean exists(String user) throws SQLException {
        try (Connection c = TestServer.admin(server); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM mysql.user WHERE User = '" + user + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static void exec(DevSession s, String... sql) throws SQLException {
        try (Statement st = s.connection().createStatement()) {
            for (String q : sql) {
                st.execute(q);
            }
        }
    }

    @Test
    void anAccountCreatedByACaseIsGoneForTheNextCaseAndOldOnesAreKept() throws SQLException {
        String caseUser = user("case");
        try (DevDatabase db = DevDatabases.open(url, DevOptions.defaults()); Workspace ws = db.prepare(state(STATE))) {
            try (DevSession s = ws.lease()) {
                exec(s, "CREATE USER '" + caseUser + "'@'%' IDENTIFIED BY 'x'",
                        "GRANT SELECT ON t TO '" + caseUser + "'@'%'");
                assertThat(exists(caseUser)).isTrue();
            }
            assertThat(exists(caseUser)).as("account after the session").isFalse();
            assertThat(exists(preexisting)).as("account from before the run").isTrue();
            try (DevSession next = ws.lease()) {
                // The same case runs again as it did the first time.
                exec(next, "CREATE USER '" + caseUser + "'@'%' IDENTIFIED BY 'x'");
            }
            assertThat(exists(caseUser)).isFalse();
        }
        assertThat(exists(preexisting)).isTrue();
    }

    @Test
    void withConcurrentSessionsAccountsAreDroppedWhenTheLastCloses() throws SQLException {
        String first = user("first");
        String second = user("second");
        try (DevDatabase db = DevDatabases.open(url, DevOptions.defaults()); Workspace ws = db.prepare(state(STATE))) {
            DevSession a = ws.lease();
            DevSession b = ws.lease();
            exec(a, "CREATE USER '" + first + "'@'%'");
            a.close();
            assertThat(exists(first)).as("another session is open: whose account is it?").isTrue();
            exec(b, "CREATE USER '" + second + "'@'%'");
            b.close();
            assertThat(exists(first)).isFalse();
            assertThat(exists(second)).isFalse();
        }
        assertThat(exists(preexisting)).isTrue();
    }

    /**
     * A case whose statements are known and create no account skips the look for accounts at its end;
     * but a sweep owed by an earlier case that ended while it ran still happens then.
     */
    @Test
    void aSweepOwedWhileAnotherCaseRanHappensWhenThatCaseEnds() throws SQLException {
        String first = user("owed");
        try (DevDatabase db = DevDatabases.open(url, DevOptions.defaults()); Workspace ws = db.prepare(state(STATE))) {
            DevSession a = ws.lease();
            DevSession b = ws.lease(new io.atlas4j.dev.SessionNeeds(List.of("CREATE TABLE other (id int)"), false));
            exec(a, "CREATE USER '" + first + "'@'%'");
            a.close();
            assertThat(exists(first)).as("another session is open").isTrue();
            exec(b, "CREATE TABLE other (id int)");
            b.close();
            assertThat(exists(first)).as("swept when the last session ended").isFalse();
        }
    }

    @Test
    void closingTheDevDatabaseDropsAccountsOfOpenSessionsAndOfStates() throws SQLException {
        String stateUser = user("state");
        String caseUser = user("open");
        DevDatabase db = DevDatabases.open(url, DevOptions.defaults());
        Workspace ws = db.prepare(state("CREATE USER IF NOT EXISTS '" + stateUser + "'@'%';\n" + STATE));
        try (DevSession s = ws.lease()) {
            exec(s, "SELECT 1");
        }
        assertThat(exists(stateUser)).as("a state's account stays while the state can be leased").isTrue();
        DevSession open = ws.lease();
        exec(open, "CREATE USER '" + caseUser + "'@'%'");
        db.close();
        assertThat(exists(caseUser)).isFalse();
        assertThat(exists(stateUser)).isFalse();
        assertThat(exists(preexisting)).isTrue();
    }

    @Test
    void accountBookkeepingCostPerSessionClose() throws SQLException {
        try (Connection c = TestServer.admin(server)) {
            CaseUsers accounts = new CaseUsers();
            accounts.beforePrepare(c);
            int n = 300;
            for (int i = 0; i < 50; i++) {
                accounts.sweep(c);
            }
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                accounts.sweep(c);
            }
            double ms = (System.nanoTime() - start) / 1e6 / n;
            System.out.printf("MySQL account sweep at a session's close: %.3f ms%n", ms);
            assertThat(ms).isPositive();
        }
        assertThat(exists(preexisting)).isTrue();
    }
}
