package dev.arbiter.persistence.session;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a lost connection from a refusal. After a lost connection the outcome of a commit in flight
 * is unknown: the server may have committed before the answer was lost. Callers settle that by the
 * action's idempotency key before offering a retry.
 */
public final class ConnectionFailures {

  // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now.
  private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

  private ConnectionFailures() {}

  /** Whether {@code failure} (or any cause) says the connection to the server was lost. */
  public static boolean isConnectionLost(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || SERVER_GOING_AWAY.contains(state)) {
          return true;
        }
      }
      if (t instanceof JDBCConnectionException) {
        return true;
      }
    }
    return false;
  }
}
