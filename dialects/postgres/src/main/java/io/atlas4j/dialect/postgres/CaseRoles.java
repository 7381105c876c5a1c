package io.atlas4j.dialect.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Roles that cases create in sessions with a database of their own (a template clone, or the re-created
 * dev database). Roles are cluster-wide: dropping the case's database leaves them behind, where the next
 * case would see them ({@code CREATE ROLE} fails, {@code pg_roles} differs). Transaction-isolated sessions
 * need none of this: {@code CREATE ROLE} is rolled back with them.
 *
 * <p>The roles that existed at the first {@link #beforePrepare() preparation}, and those the prepared
 * states created, are kept; every other role is dropped when a copy session closes, provided no other
 * copy session is open at that moment (with two cases running, nobody can tell whose role it is), else
 * when the last of them closes, and in any case by {@link #sweepAll}. Opening a copy session waits for
 * a running sweep, so a case never loses a role it just created.
 *
 * <p>What this does not undo: changes to pre-existing roles ({@code ALTER ROLE}, {@code DROP ROLE},
 * {@code GRANT} membership), and roles another program creates on the cluster while Atlas4J runs, which
 * it cannot tell from a case's (set {@value PostgresDevDatabaseProvider#CASE_ROLES_PROPERTY} to
 * {@code keep} on a shared cluster).
 *
 * <p>Thread-safe; lock order: this object, then the admin connection.
 */
final class CaseRoles {

    /** SQLSTATE dependent_objects_still_exist: the role owns or may use objects somewhere. */
    private static final String DEPENDENT_OBJECTS = "2BP01";

    private static final String NEW_ROLES = "SELECT rolname FROM pg_roles WHERE rolname <> ALL (?) ORDER BY 1";

    private final boolean enabled;
    /** The roles at the first preparation; null until then. */
    private Set<String> baseline;
    /** The baseline and the roles prepared states created: never dropped at a session's close. */
    private Set<String> kept;
    /** Copy sessions open now. */
    private int open;

    CaseRoles(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Called before a state is built: takes the baseline on the first call.
     *
     * @return the roles now, to compare with after the build (null when disabled)
     */
    synchronized Set<String> beforePrepare(Connection admin) throws SQLException {
        if (!enabled) {
            return null;
        }
        Set<String> now = roles(admin);
        if (baseline == null) {
            baseline = new HashSet<>(now);
            kept = new HashSet<>(now);
        }
        return now;
    }

    /** Called after a state was built: the roles it created belong to the state and are kept. */
    synchronized void afterPrepare(Connection admin, Set<String> before) throws SQLException {
        if (!enabled || before == null) {
            return;
        }
        for (String role : roles(admin)) {
            if (!before.contains(role)) {
                kept.add(role);
            }
        }
    }

    /** A copy session opens; waits while a sweep runs. */
    synchronized void opened() {
        open++;
    }

    /**
     * A copy session closed and its database was discarded: drops the roles cases created, unless another
     * copy session is still open.
     */
    synchronized void closed(Connection admin) throws SQLException {
        open = Math.max(0, open - 1);
        if (open == 0) {
            sweep(admin, kept);
        }
    }

    /**
     * Drops every role created since the first preparation, the states' included: the dev database
     * closes, after dropping every database it created.
     */
    synchronized void sweepAll(Connection admin) throws SQLException {
        sweep(admin, baseline);
    }

    /**
     * Drops the roles not in {@code keep}. A role with dependencies left (privileges or objects in the
     * connected dev database) loses them first; one that still cannot be dropped (it owns objects in a
     * database Atlas4J does not manage, so it is likely not a case's) is kept from then on.
     */
    private void sweep(Connection admin, Set<String> keep) throws SQLException {
        if (!enabled || keep == null) {
            return;
        }
        List<String> created = new ArrayList<>();
        Array names = admin.createArrayOf("text", keep.toArray());
        try (PreparedStatement ps = admin.prepareStatement(NEW_ROLES)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    created.add(rs.getString(1));
                }
            }
        } finally {
            names.free();
        }
        try (Statement s = admin.createStatement()) {
            for (String role : created) {
                String quoted = PostgresScope.quote(role);
                try {
                    s.execute("DROP ROLE IF EXISTS " + quoted);
                } catch (SQLException e) {
                    if (!DEPENDENT_OBJECTS.equals(e.getSQLState())) {
                        throw e;
                    }
                    s.execute("DROP OWNED BY " + quoted);
                    try {
                        s.execute("DROP ROLE IF EXISTS " + quoted);
                    } catch (SQLException again) {
                        if (!DEPENDENT_OBJECTS.equals(again.getSQLState())) {
                            throw again;
                        }
                        baseline.add(role);
                        kept.add(role);
                    }
                }
            }
        }
    }

    private static Set<String> roles(Connection admin) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT rolname FROM pg_roles")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
