package dev.arbiter.persistence.live;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Sends the change notices that committed (V96): writers leave them in the database's outbox rather
 * than notify from their own transactions, which PostgreSQL would make commit one at a time. Every
 * listener and the worker call it a few times a second; callers never wait for one another, and
 * each notice is sent once.
 */
public final class ChangeAnnouncer {

  /** How often a listener or the worker sends what waits: the live updates' added delay. */
  public static final Duration EVERY = Duration.ofMillis(250);

  /** The call, as the server's activity view shows it. */
  public static final String SQL = "SELECT arbiter_announce_changes() AS sent";

  private ChangeAnnouncer() {}

  /**
   * Sends what waits over {@code connection}, in a transaction of its own when it is in autocommit;
   * returns how many notices.
   */
  public static int announce(Connection connection) throws SQLException {
    return Jdbc.list(connection, SQL, row -> row.getInt("sent")).get(0);
  }
}
