package dev.arbiter.tools.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code durability}: what the desktop server's durability costs. The same audited writes (each
 * inserted user is one hash-chained audit entry) run against a server configured like the
 * persistent one ({@code fsync}, {@code full_page_writes}, {@code synchronous_commit} on, started
 * in a temporary home here) and against the bench's throw-away server (all three off), interleaved
 * so the machine's noise hits both alike. One commit per row shows the price of waiting for the
 * disk; the same rows in one commit show that a single flush pays for a whole transaction.
 */
public final class DurabilityBenchmark implements Benchmark.Measurement {

  private static final int WARMUPS = 1;
  private static final AtomicLong SEQ = new AtomicLong();

  private final int rowsPerScale;
  private final int runs;

  public DurabilityBenchmark() {
    this(200, 7);
  }

  /** {@code rowsPerScale} rows per path and run, {@code runs} measured runs; smaller in tests. */
  DurabilityBenchmark(int rowsPerScale, int runs) {
    this.rowsPerScale = rowsPerScale;
    this.runs = runs;
  }

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    int rows = rowsPerScale * context.scale();
    try (DurableBenchServer durable = DurableBenchServer.start(context.progress());
        Connection safe = durable.owner();
        Connection fast = context.owner().getConnection()) {
      double[] each =
          Timing.interleavedMedians(
              WARMUPS, runs, () -> commitEach(safe, rows), () -> commitEach(fast, rows));
      double[] once =
          Timing.interleavedMedians(
              WARMUPS, runs, () -> commitOnce(safe, rows), () -> commitOnce(fast, rows));
      String n = String.format("%,d", rows);
      return List.of(
          BenchLine.baseline(n + " audited commits, fsync off (throw-away)", each[1]),
          BenchLine.compared(n + " audited commits, durable (fsync on)", each[0], each[1], ""),
          BenchLine.baseline(n + " audited rows in one commit, fsync off", once[1]),
          BenchLine.compared(n + " audited rows in one commit, durable", once[0], once[1], ""));
    }
  }

  private static void commitEach(Connection c, int rows) throws SQLException {
    c.setAutoCommit(true);
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (int i = 0; i < rows; i++) {
        insert(ps);
      }
    }
  }

  private static void commitOnce(Connection c, int rows) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (int i = 0; i < rows; i++) {
        insert(ps);
      }
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static final String INSERT =
      "INSERT INTO users (email, display_name, kind) VALUES (?, 'Durability bench', 'client')";

  private static void insert(PreparedStatement ps) throws SQLException {
    ps.setString(1, "durable" + SEQ.incrementAndGet() + "@example.test");
    ps.executeUpdate();
  }
}
