package dev.arbiter.persistence.db;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Creates PostgreSQL login roles for staff and the matching {@code staff_accounts} rows. Runs with
 * the migrator's rights (it holds ADMIN on the group roles it created).
 */
public final class StaffLogins {

  /** The staff group roles a login may be given. */
  public static final Set<String> GROUP_ROLES =
      Set.of("arbiter_support", "arbiter_finance", "arbiter_moderator", "arbiter_admin");

  /** A demo login: its role name, display name and group roles. */
  public record DemoLogin(String login, String displayName, List<String> groups) {}

  public static final String DEMO_PASSWORD = "demo";

  public static final List<DemoLogin> DEMO_LOGINS =
      List.of(
          new DemoLogin("demo_support", "Sam Support", List.of("arbiter_support")),
          new DemoLogin("demo_finance", "Fran Finance", List.of("arbiter_finance")),
          new DemoLogin("demo_finance2", "Felix Finance", List.of("arbiter_finance")),
          new DemoLogin("demo_moderator", "Mo Moderator", List.of("arbiter_moderator")),
          new DemoLogin("demo_admin", "Ada Admin", List.of("arbiter_admin")));

  /** The demo login the traffic simulator and demo loader use for the marketplace backend. */
  public static final String DEMO_BACKEND = "demo_backend";

  private StaffLogins() {}

  /** Creates the demo logins (password {@code demo}) and their staff accounts, once. */
  public static void ensureDemoLogins(Connection migrator) throws SQLException {
    for (DemoLogin login : DEMO_LOGINS) {
      ensureLogin(migrator, login.login(), DEMO_PASSWORD, login.groups());
      ensureStaffAccount(migrator, login.login(), login.displayName());
    }
    ensureLogin(migrator, DEMO_BACKEND, DEMO_PASSWORD, List.of("marketplace_backend"));
  }

  /** Creates (or re-grants) a login role that is a member of {@code groups}. */
  public static void ensureLogin(Connection c, String login, String password, List<String> groups)
      throws SQLException {
    requireIdentifier(login);
    try (Statement s = c.createStatement()) {
      if (!roleExists(c, login)) {
        s.execute("CREATE ROLE " + login + " LOGIN PASSWORD " + quoteLiteral(password));
      }
      for (String group : groups) {
        requireIdentifier(group);
        s.execute("GRANT " + group + " TO " + login);
      }
    }
  }

  private static void ensureStaffAccount(Connection c, String login, String displayName)
      throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO staff_accounts (login_role, display_name, email) VALUES (?, ?, ?)"
            + " ON CONFLICT (login_role) DO NOTHING",
        login,
        displayName,
        login + "@arbiter.example");
  }

  private static boolean roleExists(Connection c, String role) throws SQLException {
    return !Jdbc.list(c, "SELECT 1 AS found FROM pg_roles WHERE rolname = ?", r -> true, role)
        .isEmpty();
  }

  static void requireIdentifier(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{2,62}")) {
      throw new IllegalArgumentException("not a valid login name: " + name);
    }
  }

  private static String quoteLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
