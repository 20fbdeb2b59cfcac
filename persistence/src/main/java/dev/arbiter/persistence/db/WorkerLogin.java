package dev.arbiter.persistence.db;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
   * Creates the login (or sets its password again), a member of the automation group only. Runs
   * with the migrator's rights, which administer the group.
   */
  public static void ensure(Connection migrator, String password) throws SQLException {
    boolean exists;
    try (PreparedStatement ps =
        migrator.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, LOGIN);
      exists = ps.executeQuery().next();
    }
    String literal = "'" + password.replace("'", "''") + "'";
    try (Statement s = migrator.createStatement()) {
      s.execute(
          (exists ? "ALTER ROLE " + LOGIN + " LOGIN" : "CREATE ROLE " + LOGIN + " LOGIN")
              + " PASSWORD "
              + literal);
      s.execute("GRANT " + GROUP + " TO " + LOGIN);
    }
  }
}
