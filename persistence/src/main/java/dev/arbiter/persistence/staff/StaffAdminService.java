package dev.arbiter.persistence.staff;

import dev.arbiter.model.staff.StaffAccount;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.workspaces.WorkspaceActionException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Staff accounts and their roles. Roles are PostgreSQL group memberships, changed only through the
 * database's definer functions (create_staff_login, grant_staff_role, revoke_staff_role,
 * deactivate_staff), which only members of arbiter_admin may call and which audit every change. An
 * admin cannot remove their own admin role or deactivate themselves.
 */
public final class StaffAdminService {

  private static final String ACCOUNTS = "from StaffAccount s order by s.active desc, s.loginRole";

  // What the entity cannot hold: the login's standing in the catalog, not a column of the account.
  private static final String LOGINS =
      "SELECT s.login_role, coalesce(r.rolcanlogin, false) AS can_login,"
          + " staff_groups_of(s.login_role) AS groups"
          + " FROM staff_accounts s LEFT JOIN pg_roles r ON r.rolname = s.login_role";

  private final DataAccess access;

  public StaffAdminService(DataAccess access) {
    this.access = access;
  }

  /** Every staff account with its roles. Readable by all staff. */
  public List<StaffAdminAccount> list() {
    return StaffDatabaseException.wrap(
        "Could not load staff accounts", () -> access.snapshot(StaffAdminService::accounts));
  }

  private static List<StaffAdminAccount> accounts(Session session) {
    Map<String, Login> logins =
        Sql.list(session, LOGINS, Login::of).stream()
            .collect(Collectors.toMap(Login::role, l -> l));
    return session.createSelectionQuery(ACCOUNTS, StaffAccount.class).getResultList().stream()
        .map(account -> account(account, logins.get(account.getLoginRole())))
        .toList();
  }

  /** A login's standing in the catalog. */
  private record Login(String role, boolean canLogin, List<String> groups) {
    static Login of(dev.arbiter.persistence.access.Row row) {
      return new Login(row.text("login_role"), row.getBoolean("can_login"), row.texts("groups"));
    }
  }

  private static StaffAdminAccount account(StaffAccount account, Login login) {
    List<String> groups = login == null ? List.of() : login.groups();
    return new StaffAdminAccount(
        account.getLoginRole(),
        account.getDisplayName(),
        account.getEmail(),
        account.isActive(),
        login != null && login.canLogin(),
        List.of(StaffRole.values()).stream()
            .filter(role -> groups.contains(role.groupRole()))
            .toList());
  }

  /** Creates a login with a password and a staff account, with no roles yet. */
  public void createLogin(String login, String displayName, String password, String email) {
    call(
        "Could not create the staff login",
        "create staff login " + login,
        "SELECT 1 AS done FROM create_staff_login(?, ?, ?, CAST(? AS text))",
        login,
        displayName,
        password,
        email);
  }

  /** Grants {@code role} to {@code login}; granting a held role changes nothing. */
  public void grant(String login, StaffRole role) {
    roleChange("grant", "to", login, role);
  }

  /** Revokes {@code role} from {@code login}; refused for an admin's own admin role. */
  public void revoke(String login, StaffRole role) {
    roleChange("revoke", "from", login, role);
  }

  private void roleChange(String verb, String preposition, String login, StaffRole role) {
    call(
        "Could not " + verb + " " + role.title(),
        verb + " " + role.groupRole() + " " + preposition + " " + login,
        "SELECT 1 AS done FROM " + verb + "_staff_role(?, ?)",
        login,
        role.groupRole());
  }

  /** Stops {@code login} from signing in and marks the account inactive. */
  public void deactivate(String login) {
    call(
        "Could not deactivate " + login,
        "deactivate " + login,
        "SELECT 1 AS done FROM deactivate_staff(?)",
        login);
  }

  private void call(String what, String command, String sql, Object... args) {
    try {
      access.write(
          Audited.as(command), session -> Sql.one(session, sql, row -> Boolean.TRUE, args));
    } catch (SQLException e) {
      throw new WorkspaceActionException(what, e);
    }
  }
}
