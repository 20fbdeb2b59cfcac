package dev.arbiter.persistence.db;

import dev.arbiter.persistence.access.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The embedded server's worker login: a member of {@code arbiter_automation} and nothing else. Its
 * password is derived from the superuser's (kept in the home's pgpass file), so any process that
 * may start the worker can log it in without a second secret on disk; whoever reads pgpass is the
 * superuser already. A shared server's DBA creates its own worker login instead (README).
 */
public final class WorkerLogin {

  public static final String LOGIN = "arbiter_worker";
  public static final String GROUP = "arbiter_automation";
  public static final String APPLICATION_NAME = "arbiter-worker";

  private WorkerLogin() {}

  /** The worker's password on a server whose superuser has {@code superuserPassword}. */
  public static String password(String superuserPassword) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(superuserPassword.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] derived = mac.doFinal(LOGIN.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no HmacSHA256 in this JDK", e);
    }
  }

  /**
   * Checks that {@code login} may run the rules, so that a worker started with the wrong login says
   * so once instead of logging a refusal on every run.
   *
   * @throws DatabaseUnavailableException when the server cannot be reached or the login is wrong
   * @throws IllegalArgumentException when the login is not a member of the automation group
   */
  public static void requireAutomationLogin(DataSource login) {
    try (Connection c = login.getConnection()) {
      Who who =
          Jdbc.list(
                  c,
                  "SELECT session_user AS login,"
                      + " pg_has_role(session_user, ?, 'MEMBER') AS automation",
                  row -> new Who(row.text("login"), row.getBoolean("automation")),
                  GROUP)
              .get(0);
      if (!who.automation()) {
        throw new IllegalArgumentException(
            "login "
                + who.login()
                + " is not a member of "
                + GROUP
                + ": the worker runs as a login of its own that can do nothing else"
                + " (CREATE ROLE … LOGIN IN ROLE "
                + GROUP
                + ")");
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("the worker could not log in: " + e.getMessage(), e);
    }
  }

  /**
   * Creates the login (or sets its password again), a member of the automation group only. Runs
   * with the migrator's rights, which administer the group.
   */
  public static void ensure(Connection migrator, String password) throws SQLException {
    boolean exists =
        !Jdbc.list(migrator, "SELECT 1 FROM pg_roles WHERE rolname = ?", row -> true, LOGIN)
            .isEmpty();
    try (Statement s = migrator.createStatement()) {
      s.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + LOGIN + " LOGIN");
      // The verifier is computed here, so the password itself never reaches the server's log.
      migrator
          .unwrap(PGConnection.class)
          .alterUserPassword(LOGIN, password.toCharArray(), "scram-sha-256");
      s.execute("GRANT " + GROUP + " TO " + LOGIN);
    }
  }

  private record Who(String login, boolean automation) {}
}
