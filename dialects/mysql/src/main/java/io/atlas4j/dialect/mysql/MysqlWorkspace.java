package io.atlas4j.dialect.mysql;

import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.dev.Workspace;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * A prepared state: its statements, split once, replayed into a freshly created schema for every
 * session. MySQL has no template clone, and copying a template schema table by table
 * ({@code CREATE TABLE ... LIKE}) costs as much DDL as the replay while losing foreign keys, views and
 * routines; the replay is exact for everything SQL can create.
 */
final class MysqlWorkspace implements Workspace {

    private final MysqlDevDatabase database;
    private final SchemaState state;
    private final List<SqlStatement> statements;
    private volatile boolean closed;
    /** What the state allows for transaction-isolated sessions; set once it is built. */
    private volatile StateProfile profile = StateProfile.RECREATE;

    MysqlWorkspace(MysqlDevDatabase database, SchemaState state) {
        this.database = database;
        this.state = state;
        List<SqlStatement> all = new ArrayList<>();
        for (SqlScript script : state.scripts()) {
            all.addAll(database.dialect().split(script));
        }
        this.statements = List.copyOf(all);
    }

    @Override
    public SchemaState state() {
        return state;
    }

    @Override
    public DevSession lease() {
        if (closed) {
            throw new IllegalStateException("workspace is closed");
        }
        return database.lease(this);
    }

    /**
     * A session for a case whose needs are known: a transaction rolled back at close when the state and
     * every statement of the case allow it (see {@link TransactionFit}, {@link StateProfile}), else a
     * re-created schema as {@link #lease()} gives.
     */
    @Override
    public DevSession lease(SessionNeeds needs) {
        if (closed) {
            throw new IllegalStateException("workspace is closed");
        }
        StateProfile p = profile;
        TransactionFit.Fit fit = p.fits() ? TransactionFit.of(needs) : TransactionFit.Fit.RECREATE;
        if (fit.verdict() == TransactionFit.Verdict.RECREATE) {
            return database.lease(this);
        }
        if (p.freshConnections()) {
            fit = new TransactionFit.Fit(TransactionFit.Verdict.TRANSACTION_FRESH_CONNECTION, fit.writes());
        }
        return database.leaseTransaction(this, fit);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            database.release(this);
        }
    }

    /** The statements that build the state, in order. */
    List<SqlStatement> statements() {
        return statements;
    }

    /** Whether the state is empty: an empty schema (or server) already holds it. */
    boolean isEmpty() {
        return statements.isEmpty();
    }

    StateProfile profile() {
        return profile;
    }

    void profile(StateProfile profile) {
        this.profile = profile;
    }

    boolean isClosed() {
        return closed;
    }
}
