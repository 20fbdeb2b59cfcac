package dev.arbiter.tools.consoles;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Samples the server's connections to the database ({@code pg_stat_activity}) four times a second
 * and keeps the most seen at once, by who holds them: the consoles' listeners (their backend pids),
 * the consoles' pooled work (server connections PgBouncer opened as a console's login), the
 * simulator, and everything else (the bench itself, PgBouncer's lookup login).
 *
 * <p>The pooled and budgeted counts are each the smaller of two samples in a row. When PgBouncer
 * moves a server connection from one login's pool to another's under its global cap, it closes one
 * and opens the other, and the closed backend stays in {@code pg_stat_activity} until it has
 * finished exiting: one sample could count both, a connection the pooler no longer holds. A pooler
 * really over its cap holds the extra connection for longer than a quarter of a second.
 */
final class ConnectionSampler implements AutoCloseable {

  private static final String ACTIVITY =
      "SELECT pid, usename::text AS login FROM pg_stat_activity"
          + " WHERE datname = current_database() AND backend_type = 'client backend'";

  private final Connection connection;
  private final Supplier<Set<Integer>> listenerPids;
  private final Set<String> consoleLogins;
  private final String simulatorLogin;
  private final ScheduledExecutorService timer;
  private ConnectionPeak peak = new ConnectionPeak(0, 0, 0, 0, 0, 0);
  private int lastPooled;
  private int lastBudgeted;
  private SQLException failure;

  private ConnectionSampler(
      Connection connection,
      Supplier<Set<Integer>> listenerPids,
      Set<String> consoleLogins,
      String simulatorLogin) {
    this.connection = connection;
    this.listenerPids = listenerPids;
    this.consoleLogins = consoleLogins;
    this.simulatorLogin = simulatorLogin;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "consoles-connection-sampler");
              t.setDaemon(true);
              return t;
            });
  }

  static ConnectionSampler start(
      DataSource superuser,
      Supplier<Set<Integer>> listenerPids,
      Set<String> consoleLogins,
      String simulatorLogin)
      throws SQLException {
    ConnectionSampler sampler =
        new ConnectionSampler(
            superuser.getConnection(), listenerPids, consoleLogins, simulatorLogin);
    sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 250, TimeUnit.MILLISECONDS);
    return sampler;
  }

  private void sample() {
    try {
      record Backend(int pid, String login) {}
      List<Backend> backends =
          Jdbc.list(connection, ACTIVITY, r -> new Backend(r.getInt("pid"), r.text("login")));
      Set<Integer> listeners = listenerPids.get();
      int listening = 0;
      int pooled = 0;
      int simulator = 0;
      for (Backend b : backends) {
        if (listeners.contains(b.pid())) {
          listening++;
        } else if (consoleLogins.contains(b.login())) {
          pooled++;
        } else if (simulatorLogin.equals(b.login())) {
          simulator++;
        }
      }
      int other = backends.size() - listening - pooled - simulator;
      int budgeted = listening + pooled + simulator;
      synchronized (this) {
        peak =
            new ConnectionPeak(
                Math.max(peak.total(), backends.size()),
                Math.max(peak.listeners(), listening),
                Math.max(peak.pooled(), Math.min(lastPooled, pooled)),
                Math.max(peak.simulator(), simulator),
                Math.max(peak.other(), other),
                Math.max(peak.budgeted(), Math.min(lastBudgeted, budgeted)));
        lastPooled = pooled;
        lastBudgeted = budgeted;
      }
    } catch (SQLException e) {
      synchronized (this) {
        failure = e;
      }
    }
  }

  /** The peaks so far. */
  synchronized ConnectionPeak peak() throws SQLException {
    if (failure != null) {
      throw failure;
    }
    return peak;
  }

  @Override
  public void close() throws SQLException {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
