package dev.arbiter.persistence.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@code arbiter_changes} over one dedicated connection outside the pool, so a busy pool
 * never delays a notification and the listener never holds a pooled connection.
 *
 * <p>Each poll first sends the notices that committed since the last ({@link ChangeAnnouncer}),
 * then waits for notifications with a short timeout; a read that gets no answer in time (a dead
 * peer does not always close the socket) counts as a failure, and the connection is reopened after
 * any failure. Notifications sent while it was away are gone, so the first {@code online} after a
 * reconnect asks listeners for a full refresh. The connection's state doubles as the console's
 * online/offline signal: it notices a stopped server within one poll.
 */
public final class ChangeFeed implements AutoCloseable {

  /** Opens a new plain connection; called again after every failure. */
  @FunctionalInterface
  public interface ConnectionOpener {
    Connection open() throws SQLException;
  }

  public static final String CHANNEL = "arbiter_changes";
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  private static final int POLL_MILLIS = (int) ChangeAnnouncer.EVERY.toMillis();
  // Within the 5 s in which the console must say it is offline (decision 4).
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(4);

  private final ConnectionOpener opener;
  private final ChangeFeedListener listener;
  private final Duration retryDelay;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Connection connection;

  public ChangeFeed(ConnectionOpener opener, ChangeFeedListener listener, Duration retryDelay) {
    this.opener = Objects.requireNonNull(opener);
    this.listener = Objects.requireNonNull(listener);
    this.retryDelay = retryDelay;
    this.thread = new Thread(this::run, "arbiter-change-feed");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** The backend process id of the listening connection, or -1 while disconnected (for tests). */
  public int backendPid() {
    Connection c = connection;
    if (c == null) {
      return -1;
    }
    try {
      return c.unwrap(PGConnection.class).getBackendPID();
    } catch (SQLException e) {
      return -1;
    }
  }

  private void run() {
    boolean everOnline = false;
    boolean reportedOffline = false;
    while (running) {
      try (Connection c = opener.open()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        connection = c;
        listener.online(everOnline);
        everOnline = true;
        reportedOffline = false;
        listen(c);
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          break;
        }
        if (!reportedOffline) {
          LOG.info("change feed offline: {}", e.getMessage());
          listener.offline(reason(e));
          reportedOffline = true;
        }
      } finally {
        connection = null;
      }
      pause();
    }
  }

  private void listen(Connection c) throws SQLException {
    // Every poll is a round trip (the announce), so a peer that went away without closing the
    // socket shows as a read that times out.
    c.setNetworkTimeout(Runnable::run, (int) ANSWER_WITHIN.toMillis());
    PGConnection pg = c.unwrap(PGConnection.class);
    while (running) {
      ChangeAnnouncer.announce(c);
      receive(pg.getNotifications(POLL_MILLIS));
    }
  }

  private void receive(PGNotification[] notifications) {
    if (notifications == null || notifications.length == 0) {
      return;
    }
    List<TableChange> changes = new ArrayList<>(notifications.length);
    for (PGNotification n : notifications) {
      TableChange.parse(n.getParameter()).ifPresent(changes::add);
    }
    if (!changes.isEmpty()) {
      listener.changes(changes);
    }
  }

  private void pause() {
    try {
      Thread.sleep(retryDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  /** Stops listening and closes the connection; safe from any thread, and more than once. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }
}
