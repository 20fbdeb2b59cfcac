package dev.arbiter.persistence.testing;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.db.HibernateFactory;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.staff.StaffAdminService;
import dev.arbiter.persistence.staff.StaffRole;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The demo logins of a shared server, made the way staff logins are made there:
 *
 * <ul>
 *   <li>the first admin ({@code demo_admin}) outside Arbiter, by the migrator, as a DBA makes the
 *       first one (README); the backend and worker logins too, as the README's DBA steps say;
 *   <li>every other staff login by that admin through the console's staff admin functions ({@link
 *       StaffAdminService}: {@code create_staff_login}, {@code grant_staff_role}) with a first
 *       password, which its owner then changes to {@code demo} at first sign-in.
 * </ul>
 *
 * An admin who makes a login knows its first password, so four-eyes counts that login as the admin
 * (its {@code person}). The fixture's logins stand for five different people, as the embedded
 * demo's do; the migrator records each as a person of its own once made.
 */
final class SharedLogins {

  private static final String ADMIN = "demo_admin";
  private static final String ACCOUNT =
      "SELECT 1 AS found FROM staff_accounts WHERE login_role = ?";
  private static final String ROLE = "SELECT 1 AS found FROM pg_roles WHERE rolname = ?";

  private SharedLogins() {}

  /** Makes the logins that are missing, as {@code migrator} (its own login) on {@code url}. */
  static void ensure(Connection migrator, String url) throws SQLException {
    StaffLogins.DemoLogin admin = demo(ADMIN);
    StaffLogins.ensureLogin(migrator, ADMIN, StaffLogins.DEMO_PASSWORD, admin.groups());
    account(migrator, admin);
    TestDatabase.ensureServiceLogins(migrator);
    List<StaffLogins.DemoLogin> missing = new ArrayList<>();
    for (StaffLogins.DemoLogin login : StaffLogins.DEMO_LOGINS) {
      if (login.login().equals(ADMIN) || found(migrator, ACCOUNT, login.login())) {
        continue;
      }
      if (found(migrator, ROLE, login.login())) {
        // Made on this server for another database (the template): the login is the server's,
        // and this database only lacks its account.
        account(migrator, login);
      } else {
        missing.add(login);
      }
    }
    if (!missing.isEmpty()) {
      madeByTheAdmin(url, missing);
      for (StaffLogins.DemoLogin login : missing) {
        Jdbc.update(
            migrator,
            "UPDATE staff_accounts SET person = login_role WHERE login_role = ?",
            login.login());
      }
    }
  }

  private static void madeByTheAdmin(String url, List<StaffLogins.DemoLogin> logins)
      throws SQLException {
    PGSimpleDataSource ds = TestDatabase.dataSource(url, ADMIN, StaffLogins.DEMO_PASSWORD);
    SessionFactory factory = HibernateFactory.build(ds);
    try {
      StaffAdminService admin = new StaffAdminService(new DataAccess(() -> factory, ds));
      for (StaffLogins.DemoLogin login : logins) {
        String first = "first-" + UUID.randomUUID();
        admin.createLogin(
            login.login(), login.displayName(), first, login.login() + "@arbiter.example");
        for (String group : login.groups()) {
          admin.grant(login.login(), role(group));
        }
        try (Connection own = DriverManager.getConnection(url, login.login(), first)) {
          // The verifier is computed here, so no password reaches the server's log.
          own.unwrap(PGConnection.class)
              .alterUserPassword(
                  login.login(), StaffLogins.DEMO_PASSWORD.toCharArray(), "scram-sha-256");
        }
      }
    } finally {
      factory.close();
    }
  }

  private static void account(Connection migrator, StaffLogins.DemoLogin login)
      throws SQLException {
    Jdbc.update(
        migrator,
        "INSERT INTO staff_accounts (login_role, display_name, email) VALUES (?, ?, ?)"
            + " ON CONFLICT (login_role) DO NOTHING",
        login.login(),
        login.displayName(),
        login.login() + "@arbiter.example");
  }

  private static boolean found(Connection c, String sql, String login) throws SQLException {
    return !Jdbc.list(c, sql, r -> 1, login).isEmpty();
  }

  private static StaffLogins.DemoLogin demo(String login) {
    return StaffLogins.DEMO_LOGINS.stream()
        .filter(l -> l.login().equals(login))
        .findFirst()
        .orElseThrow();
  }

  private static StaffRole role(String group) {
    return List.of(StaffRole.values()).stream()
        .filter(r -> r.groupRole().equals(group))
        .findFirst()
        .orElseThrow();
  }
}
