package dev.arbiter.tools.simulate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * One connection's loop: take the next tick, wait until it is due, run the tick's operation as one
 * transaction and record the outcome. Workers share the tick counter, so together they keep the
 * rate however long each operation takes, as long as there are enough of them.
 */
final class Worker implements Runnable {

  private final DataSource dataSource;
  private final Pacing pacing;
  private final TrafficMix mix;
  private final long seed;
  private final long startNanos;
  private final AtomicLong tickets;
  private final CountDownLatch stopSignal;
  private final Traffic traffic;
  private final SimulationStats stats;
  private Connection connection;

  Worker(
      Connection connection,
      DataSource dataSource,
      SimulationPlan plan,
      long startNanos,
      AtomicLong tickets,
      CountDownLatch stopSignal,
      Traffic traffic,
      SimulationStats stats) {
    this.connection = connection;
    this.dataSource = dataSource;
    this.pacing = plan.pacing();
    this.mix = plan.mix();
    this.seed = plan.seed();
    this.startNanos = startNanos;
    this.tickets = tickets;
    this.stopSignal = stopSignal;
    this.traffic = traffic;
    this.stats = stats;
  }

  @Override
  public void run() {
    try {
      while (stopSignal.getCount() > 0) {
        long n = tickets.getAndIncrement();
        if (!pacing.within(n)) {
          return;
        }
        long due = startNanos + pacing.dueNanos(n);
        if (stopSignal.await(due - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          return;
        }
        if (Pacing.tooLate(System.nanoTime() - due)) {
          stats.late();
          continue;
        }
        SplittableRandom r = new SplittableRandom(seed ^ (n * 0x9E3779B97F4A7C15L));
        OperationKind kind = mix.pick(r.nextDouble());
        long began = System.nanoTime();
        Outcome outcome = execute(kind, r, "simulate-" + seed + "-" + n);
        stats.record(kind, outcome, System.nanoTime() - began);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly();
    }
  }

  /** Runs one operation as one transaction; a refusal rolls back and is returned, never thrown. */
  private Outcome execute(OperationKind kind, SplittableRandom r, String requestId) {
    try {
      if (connection == null) {
        connection = open(dataSource);
      }
    } catch (SQLException e) {
      return Outcome.refused(kind.label(), "connection lost");
    }
    try {
      Outcome outcome = traffic.run(kind, new Tx(connection, r, requestId));
      if (outcome.ok()) {
        connection.commit();
      } else {
        connection.rollback();
      }
      return outcome;
    } catch (SQLException e) {
      rollbackAfter(e);
      return Outcome.refused(kind.label(), Refusals.reason(e));
    } catch (RuntimeException e) {
      rollbackAfter(null);
      return Outcome.refused(kind.label(), e.getClass().getSimpleName());
    }
  }

  private void rollbackAfter(SQLException cause) {
    if (cause != null && Refusals.connectionLost(cause)) {
      closeQuietly();
      return;
    }
    try {
      connection.rollback();
    } catch (SQLException e) {
      closeQuietly();
    }
  }

  /** A connection set up for short transactions that never wait long for a lock. */
  static Connection open(DataSource dataSource) throws SQLException {
    Connection c = dataSource.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("SET application_name = '" + TrafficSimulator.APPLICATION_NAME + "'");
      s.execute("SET statement_timeout = '10s'");
      s.execute("SET lock_timeout = '5s'");
      c.setAutoCommit(false);
      c.commit();
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private void closeQuietly() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The connection is being dropped either way.
      }
      connection = null;
    }
  }
}
