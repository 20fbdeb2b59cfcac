package dev.arbiter.tools.consoles;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.db.HibernateFactory;
import dev.arbiter.persistence.staff.StaffAdminService;
import dev.arbiter.persistence.staff.StaffRole;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.postgresql.PGConnection;

/**
 * One staff login per console, made as the product makes them: an admin creates each through the
 * staff admin functions ({@code create_staff_login}, {@code grant_staff_role}) with a first
 * password, and its owner changes it at first sign-in. Support and finance both, so each console
 * may read both queues. The names carry a random run tag: logins belong to the server, not to the
 * database, and a run that was killed must not collide with the next.
 */
final class ConsoleLogins implements AutoCloseable {

  private final List<String> logins;
  private final String password;
  private final DataSource superuser;

  private ConsoleLogins(List<String> logins, String password, DataSource superuser) {
    this.logins = logins;
    this.password = password;
    this.superuser = superuser;
  }

  /**
   * Makes {@code count} logins on {@code directUrl} as {@code admin}; {@code superuser} drops them
   * again on close.
   */
  static ConsoleLogins make(int count, String directUrl, DataSource admin, DataSource superuser)
      throws SQLException {
    String tag = HexFormat.of().formatHex(bytes(3));
    String password = HexFormat.of().formatHex(bytes(12));
    List<String> made = new ArrayList<>();
    ConsoleLogins logins = new ConsoleLogins(made, password, superuser);
    SessionFactory factory = HibernateFactory.build(admin);
    try {
      StaffAdminService staff = new StaffAdminService(new DataAccess(() -> factory, admin));
      for (int i = 1; i <= count; i++) {
        String login = String.format(Locale.ROOT, "bench_console_%s_%03d", tag, i);
        String first = HexFormat.of().formatHex(bytes(12));
        staff.createLogin(login, "Bench console " + i, first, login + "@bench.example");
        made.add(login);
        staff.grant(login, StaffRole.SUPPORT);
        staff.grant(login, StaffRole.FINANCE);
        try (Connection own = DriverManager.getConnection(directUrl, login, first)) {
          // The verifier is computed here, so no password reaches the server's log.
          own.unwrap(PGConnection.class)
              .alterUserPassword(login, password.toCharArray(), "scram-sha-256");
        }
      }
      return logins;
    } catch (SQLException | RuntimeException e) {
      logins.close();
      throw e;
    } finally {
      factory.close();
    }
  }

  List<String> logins() {
    return logins;
  }

  String password() {
    return password;
  }

  /** Drops the logins (their accounts stay, as a departed colleague's do). */
  @Override
  public void close() {
    try (Connection c = superuser.getConnection()) {
      for (String login : logins) {
        Jdbc.list(
            c,
            "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE usename = ?",
            row -> true,
            login);
        Jdbc.update(c, "DROP ROLE IF EXISTS " + login);
      }
    } catch (SQLException e) {
      System.err.println("could not drop the bench's console logins: " + e.getMessage());
    }
  }

  private static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
