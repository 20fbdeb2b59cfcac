package dev.arbiter.tools.simulate;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.access.Row;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Writes realistic marketplace traffic as the marketplace backend, at a steady rate, to show the
 * console updating live and to load-test it. Each operation is one short transaction that names the
 * marketplace user or service it acts for ({@code SET LOCAL arbiter.actor}) and makes one legal
 * backend write: a dispute opened on a funded checkpoint, a party message, a checkpoint submission,
 * a moderation flag or a workspace change. A write the database refuses (a rule, a race with
 * another writer, a lost connection) is counted in the report and the run goes on.
 *
 * <p>The data source must log in as a member of {@code marketplace_backend} (the demo login is
 * {@code demo_backend}); the database needs marketplace data (contracts, users) to act on.
 */
public final class TrafficSimulator {

  /** The {@code application_name} of the simulator's connections, as seen in the audit log. */
  public static final String APPLICATION_NAME = "arbiter simulate";

  private final DataSource dataSource;
  private final SimulationPlan plan;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean stoppedEarly;

  public TrafficSimulator(DataSource dataSource, SimulationPlan plan) {
    this.dataSource = dataSource;
    this.plan = plan;
  }

  /** A simulator that logs in to {@code jdbcUrl} as {@code login} with {@code password}. */
  public static TrafficSimulator connectingTo(
      String jdbcUrl, String login, String password, SimulationPlan plan) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl);
    dataSource.setUser(login);
    dataSource.setPassword(password);
    dataSource.setConnectTimeout(10);
    return new TrafficSimulator(dataSource, plan);
  }

  /**
   * Runs the whole plan (or until {@link #stop()}) and returns the report. {@code progress} is
   * called about once a second from another thread.
   *
   * @throws SimulationException if no connection can be opened, the login is not the backend, or
   *     the database has no marketplace to act on
   */
  public SimulationReport run(Consumer<SimulationProgress> progress) {
    List<Connection> connections = openAll();
    ScheduledExecutorService reporter =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "simulate-progress");
              t.setDaemon(true);
              return t;
            });
    try {
      References disputeNumbers = new References("disputes");
      References contractNumbers = new References("contracts");
      disputeNumbers.resync(connections.get(0));
      contractNumbers.resync(connections.get(0));
      connections.get(0).commit();
      Traffic traffic = new Traffic(new Candidates(), disputeNumbers, contractNumbers);
      long start = System.nanoTime();
      SimulationStats stats = new SimulationStats(start);
      AtomicLong tickets = new AtomicLong();
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < connections.size(); i++) {
        Worker worker =
            new Worker(
                connections.get(i), dataSource, plan, start, tickets, stopSignal, traffic, stats);
        Thread t = new Thread(worker, "simulate-worker-" + i);
        t.setDaemon(true);
        workers.add(t);
      }
      connections.clear(); // the workers own and close them now
      workers.forEach(Thread::start);
      reporter.scheduleAtFixedRate(
          () -> progress.accept(stats.progress(System.nanoTime())), 1, 1, TimeUnit.SECONDS);
      for (Thread t : workers) {
        t.join();
      }
      // The last tick is due before the end, not at it: the run lasts its whole duration, so
      // that the achieved rate compares with the rate asked for.
      long end = start + plan.duration().toNanos();
      stopSignal.await(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      stats.end(System.nanoTime());
      return stats.report(plan.rate(), System.nanoTime(), stoppedEarly);
    } catch (SQLException e) {
      throw new SimulationException("could not read the reference numbering: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulationException("interrupted", e);
    } finally {
      running = false;
      reporter.shutdownNow();
      connections.forEach(TrafficSimulator::closeQuietly);
    }
  }

  /** Ends the run early: operations in flight finish, no new ones start. Safe from any thread. */
  public void stop() {
    if (running && stopSignal.getCount() > 0) {
      stoppedEarly = true;
    }
    stopSignal.countDown();
  }

  private List<Connection> openAll() {
    List<Connection> out = new ArrayList<>();
    try {
      for (int i = 0; i < plan.connections(); i++) {
        out.add(Worker.open(dataSource));
      }
      check(out.get(0));
      return out;
    } catch (SQLException e) {
      out.forEach(TrafficSimulator::closeQuietly);
      throw new SimulationException("cannot connect to the database: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      out.forEach(TrafficSimulator::closeQuietly);
      throw e;
    }
  }

  private static void check(Connection c) throws SQLException {
    try {
      Jdbc.forEach(
          c,
          "SELECT session_user AS login,"
              + " pg_has_role(session_user, 'marketplace_backend', 'MEMBER') AS backend,"
              + " EXISTS (SELECT 1 FROM contracts) AND EXISTS (SELECT 1 FROM users) AS marketplace",
          0,
          TrafficSimulator::check);
    } finally {
      c.rollback();
    }
  }

  private static void check(Row row) {
    if (!row.getBoolean("backend")) {
      throw new SimulationException(
          "login "
              + row.text("login")
              + " is not a member of marketplace_backend: the simulator writes as the"
              + " marketplace backend (the demo login is demo_backend)");
    }
    if (!row.getBoolean("marketplace")) {
      throw new SimulationException(
          "the database has no marketplace to simulate on (no users or contracts):"
              + " load the demo first (arbiter demo-data)");
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing is best effort.
    }
  }
}
