package io.atlas4j.dialect.postgres;

import static io.atlas4j.dialect.postgres.PostgresServer.execute;
import static io.atlas4j.dialect.postgres.PostgresServer.queryLong;
import static io.atlas4j.dialect.postgres.PostgresServer.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.dev.DevDatabase;
import io.atlas4j.dev.DevDatabases;
import io.atlas4j.dev.DevOptions;
import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.Workspace;
import io.atlas4j.sql.SqlScript;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connections of a shared (parallel-group) session are reused, and each starts with a clean session state. */
class PostgresSharedConnectionsIT {

    @Test
    void aClosedConnectionIsResetAndReusedForTheNextCase() throws SQLException {
        try (DevDatabase db = DevDatabases.open(PostgresServer.devUrl(), DevOptions.defaults());
             Workspace ws = db.prepare(new SchemaState(List.of(SqlScript.of(URI.create("inline:state"),
                     "CREATE TABLE t (id int);"))));
             DevSession session = ws.lease()) {
            long firstBackend;
            Connection first = session.newConnection();
            firstBackend = queryLong(first, "SELECT pg_backend_pid()");
            execute(first, "SET search_path TO pg_catalog", "CREATE TEMP TABLE scratch (x int)",
                    "INSERT INTO public.t VALUES (1)");
            first.setAutoCommit(false);
            execute(first, "INSERT INTO public.t VALUES (2)");
            first.close();
            assertThat(first.isClosed()).isTrue();
            assertThatThrownBy(first::createStatement).isInstanceOf(SQLException.class);

            try (Connection second = session.newConnection()) {
                assertThat(queryLong(second, "SELECT pg_backend_pid()")).isEqualTo(firstBackend);
                assertThat(second.getAutoCommit()).isTrue();
                assertThat(queryString(second, "SHOW search_path")).isEqualTo("\"$user\", public");
                assertThat(queryLong(second, "SELECT count(*) FROM pg_class WHERE relname = 'scratch'"
                        + " AND relpersistence = 't'")).isZero();
                // Committed work stays (the group shares one copy); the open transaction was rolled back.
                assertThat(queryLong(second, "SELECT count(*) FROM t")).isEqualTo(1);
            }
        }
    }
}
