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

  /** How often each console's listener sends what waits, between its waits for notifications. */
  public static final Duration EVERY = Duration.ofMillis(250);

  /**
   * How often the worker sends what waits: one process for the whole server, so it can afford to
   * keep the added delay of every live update short.
   */
  public static final Duration WORKER_EVERY = Duration.ofMillis(100);

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
