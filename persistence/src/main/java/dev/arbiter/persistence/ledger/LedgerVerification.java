package dev.arbiter.persistence.ledger;

import dev.arbiter.persistence.db.DatabaseSettings;
import dev.arbiter.persistence.db.DatabaseUnavailableException;
import dev.arbiter.persistence.db.SuperuserConnections;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Entry points for {@code arbiter ledger verify}: the same checks, on either kind of server. */
public final class LedgerVerification {

  private LedgerVerification() {}

  /** Verifies the embedded server's database, as its superuser. */
  public static LedgerReport embedded(SuperuserConnections server) {
    try (Connection c = server.open(DatabaseSettings.DATABASE_NAME)) {
      return LedgerVerifier.verify(c);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("could not read the ledger: " + e.getMessage(), e);
    }
  }

  /**
   * Verifies a shared server's database as {@code user}, a finance or admin login (they read the
   * ledger).
   */
  public static LedgerReport shared(String url, String user, String password) {
    try (Connection c = DriverManager.getConnection(url, user, password == null ? "" : password)) {
      return LedgerVerifier.verify(c);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "could not read the ledger at " + url + " as " + user + ": " + e.getMessage(), e);
    }
  }
}
