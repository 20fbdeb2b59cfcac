package dev.arbiter.persistence.staff;

import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.workspaces.WorkspaceActionException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Staff accounts and their roles. Roles are PostgreSQL group memberships, changed only through the
 * database's definer functions (create_staff_login, grant_staff_role, revoke_staff_role,
 * deactivate_staff), which only members of arbiter_admin may call and which audit every change. An
 * admin cannot remove their own admin role or deactivate themselves.
 */
public final class StaffAdminService {

  private static final String LIST =
      """
      SELECT s.login_role, s.display_name, s.email, s.active, coalesce(r.rolcanlogin, false) AS can_login,
             staff_groups_of(s.login_role) AS groups
        FROM staff_accounts s LEFT JOIN pg_roles r ON r.rolname = s.login_role
       ORDER BY s.active DESC, s.login_role
      """;

  private final DataSource dataSource;

  public StaffAdminService(StaffDatabase database) {
    this(database.dataSource());
  }

  public StaffAdminService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every staff account with its roles. Readable by all staff. */
  public List<StaffAdminAccount> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIST);
        ResultSet rs = ps.executeQuery()) {
      List<StaffAdminAccount> accounts = new ArrayList<>();
      while (rs.next()) {
        accounts.add(
            new StaffAdminAccount(
                rs.getString("login_role"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getBoolean("active"),
                rs.getBoolean("can_login"),
                roles(rs.getArray("groups"))));
      }
      return accounts;
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load staff accounts", e);
    }
  }

  /** Creates a login with a password and a staff account, with no roles yet. */
  public void createLogin(String login, String displayName, String password, String email) {
    call(
        "Could not create the staff login",
        "SELECT 1 FROM create_staff_login(?, ?, ?, ?)",
        login,
        displayName,
        password,
        email);
  }

  /** Grants {@code role} to {@code login}; granting a held role changes nothing. */
  public void grant(String login, StaffRole role) {
    call(
        "Could not grant " + role.title(),
        "SELECT 1 FROM grant_staff_role(?, ?)",
        login,
        role.groupRole());
  }

  /** Revokes {@code role} from {@code login}; refused for an admin's own admin role. */
  public void revoke(String login, StaffRole role) {
    call(
        "Could not revoke " + role.title(),
        "SELECT 1 FROM revoke_staff_role(?, ?)",
        login,
        role.groupRole());
  }

  /** Stops {@code login} from signing in and marks the account inactive. */
  public void deactivate(String login) {
    call("Could not deactivate " + login, "SELECT 1 FROM deactivate_staff(?)", login);
  }

  private void call(String what, String sql, String... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      ps.executeQuery().close();
    } catch (SQLException e) {
      throw new WorkspaceActionException(what, e);
    }
  }

  private static List<StaffRole> roles(Array groups) throws SQLException {
    List<StaffRole> roles = new ArrayList<>();
    if (groups == null) {
      return roles;
    }
    List<String> names = List.of((String[]) groups.getArray());
    for (StaffRole role : StaffRole.values()) {
      if (names.contains(role.groupRole())) {
        roles.add(role);
      }
    }
    return roles;
  }
}
