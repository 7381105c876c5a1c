package io.atlas4j.dialect.mysql;

import io.atlas4j.dev.DevSession;
import io.atlas4j.dev.SchemaState;
import io.atlas4j.dev.SessionNeeds;
import io.atlas4j.dev.Workspace;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A prepared state: its statements, split once, replayed into a freshly created schema for every
 * session; or, when the state took many more statements than it holds objects (a long migration
 * history), built from a {@link SchemaCopy} of it instead. MySQL has no template clone, so the copy
 * still runs one statement per table, row set and object: cheaper than a long replay only.
 */
final class MysqlWorkspace implements Workspace {

    private final MysqlDevDatabase database;
    private final SchemaState state;
    private final List<SqlStatement> statements;
    private volatile boolean closed;
    /** What the state allows for transaction-isolated sessions; set once it is built. */
    private volatile StateProfile profile = StateProfile.RECREATE;
    /** The state captured for building slots by copying instead of replaying; null to replay. */
    private volatile SchemaCopy copy;
    private final AtomicBoolean built = new AtomicBoolean();
    private final AtomicBoolean captureClaimed = new AtomicBoolean();

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
            return database.lease(this, CaseReach.of(needs));
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

    /** Marks the state as one several sessions will lease: its first build is captured, as a second one is. */
    void expectReuse() {
        built.set(true);
    }

    /** Records a build by replay; whether the state was built before. */
    boolean builtBefore() {
        return built.getAndSet(true);
    }

    /** True once only: the caller captures the state (see {@link SchemaCopy}). */
    boolean claimCapture() {
        return captureClaimed.compareAndSet(false, true);
    }

    SchemaCopy copy() {
        return copy;
    }

    void copy(SchemaCopy copy) {
        this.copy = copy;
    }

    boolean isClosed() {
        return closed;
    }
}
