package io.atlas4j.dialect.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Accounts (users, and roles) that cases create. They live in the server, not in the session's schema,
 * so dropping the schema leaves them behind for the next case ({@code CREATE USER} fails, the
 * {@code mysql.user} table differs).
 *
 * <p>The accounts that existed at the first {@link #beforePrepare preparation}, and those the prepared
 * states created, are kept; every other one is dropped when a session closes and no other session is
 * open (with two cases running, nobody can tell whose account it is), and in any case when the dev
 * database closes ({@link #sweepAll}). Its owner runs the sweep while holding the lock that leasing
 * needs, so a case never loses an account it just created.
 *
 * <p>Not undone: changes to pre-existing accounts ({@code ALTER USER}, {@code GRANT}, {@code DROP USER}),
 * and accounts another program creates on the server while Atlas4J runs, which it cannot tell from a
 * case's. Without {@code SELECT} on {@code mysql.user} the accounts cannot be listed, and nothing is dropped.
 *
 * <p>Guarded by the owning {@link MysqlDevDatabase}'s monitor.
 */
final class CaseUsers {

    /** An account; {@code role} for MariaDB roles, which DROP USER does not remove. */
    record Account(String user, String host, boolean role) {

        String sql() {
            return role ? quote(user) : quote(user) + "@" + quote(host);
        }

        private static String quote(String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
        }
    }

    /** ER_TABLEACCESS_DENIED_ERROR: no SELECT on mysql.user. */
    private static final int ACCESS_DENIED = 1142;

    private Set<Account> baseline;
    private Set<Account> kept;
    /** Whether the accounts can be listed at all. */
    private boolean listable = true;

    /**
     * Before a state is built: takes the baseline on the first call.
     *
     * @return the accounts now, or null when they cannot be listed
     */
    Set<Account> beforePrepare(Connection admin) throws SQLException {
        Set<Account> now = accounts(admin);
        if (now != null && baseline == null) {
            baseline = new HashSet<>(now);
            kept = new HashSet<>(now);
        }
        return now;
    }

    /** Whether the baseline was taken (or cannot be). */
    boolean hasBaseline() {
        return baseline != null || !listable;
    }

    /** After a state was built: the accounts it created belong to the state. */
    void afterPrepare(Connection admin, Set<Account> before) throws SQLException {
        if (before == null || kept == null) {
            return;
        }
        Set<Account> now = accounts(admin);
        if (now != null) {
            now.removeAll(before);
            kept.addAll(now);
        }
    }

    /** The last open session closed: drops the accounts cases created. */
    void sweep(Connection admin) throws SQLException {
        sweep(admin, kept);
    }

    /** The dev database closes: drops every account created since the first preparation. */
    void sweepAll(Connection admin) throws SQLException {
        sweep(admin, baseline);
    }

    private void sweep(Connection admin, Set<Account> keep) throws SQLException {
        if (keep == null) {
            return;
        }
        Set<Account> now = accounts(admin);
        if (now == null) {
            return;
        }
        now.removeAll(keep);
        try (Statement st = admin.createStatement()) {
            for (Account account : now) {
                st.execute((account.role() ? "DROP ROLE IF EXISTS " : "DROP USER IF EXISTS ") + account.sql());
            }
        }
    }

    private Set<Account> accounts(Connection admin) throws SQLException {
        if (!listable) {
            return null;
        }
        boolean mariadb = admin.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        String sql = mariadb ? "SELECT User, Host, is_role = 'Y' FROM mysql.user" : "SELECT User, Host, FALSE FROM mysql.user";
        Set<Account> out = new HashSet<>();
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Account(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ACCESS_DENIED) {
                listable = false;
                return null;
            }
            throw e;
        }
        return out;
    }
}
