package dev.arbiter.tools.bench;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.automation.AutomationWorker;
import dev.arbiter.persistence.db.ServerBootstrap;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.live.ChangeFeedListener;
import dev.arbiter.persistence.live.TableChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * How long a commit by another writer takes to reach a console's change feed: the backend inserts a
 * row and commits, the feed (a staff login's LISTEN connection) hears it. Compared with the commit
 * itself, since the notification cannot arrive before the commit returns to its writer. Writers
 * leave their notices for someone to send (decision 9): first the console's own feed, on its poll,
 * then the worker, on its shorter one.
 */
public final class LiveLatencyBenchmark implements Benchmark.Measurement {

  private static final String INSERT =
      "INSERT INTO users (email, display_name, kind) VALUES (?, 'Bench Live', 'client') RETURNING id";

  private final int warmups;
  private final int runs;

  public LiveLatencyBenchmark() {
    this(20, 201);
  }

  /** Fewer commits, for a test: each waits up to a poll to be announced. */
  LiveLatencyBenchmark(int warmups, int runs) {
    this.warmups = warmups;
    this.runs = runs;
  }

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    DataSource backend = context.asLogin().apply("demo_backend");
    DataSource staff = context.asLogin().apply("demo_support");
    Map<String, Long> heardAt = new ConcurrentHashMap<>();
    CountDownLatch online = new CountDownLatch(1);
    ChangeFeedListener listener =
        new ChangeFeedListener() {
          @Override
          public void changes(List<TableChange> changes) {
            long now = System.nanoTime();
            changes.stream()
                .filter(c -> c.table().equals("users"))
                .forEach(c -> heardAt.put(c.id(), now));
          }

          @Override
          public void online(boolean resync) {
            online.countDown();
          }

          @Override
          public void offline(String reason) {}
        };
    double[] commit = new double[runs];
    double[] alone = new double[runs];
    double[] withWorker = new double[runs];
    try (ChangeFeed feed = new ChangeFeed(staff::getConnection, listener, Duration.ofSeconds(1));
        Connection writer = backend.getConnection()) {
      feed.start();
      if (!online.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the change feed did not connect");
      }
      measure(writer, heardAt, commit, alone);
      try (AutomationWorker worker = startWorker(context)) {
        measure(writer, heardAt, new double[runs], withWorker);
      }
    }
    double commitMedian = Timing.median(commit);
    return List.of(
        BenchLine.baseline("backend INSERT + commit (writer's round trip)", commitMedian),
        heard("commit → heard, the console sending (median)", Timing.median(alone), commitMedian),
        heard("commit → heard, the console sending (p95)", p95(alone), commitMedian),
        heard(
            "commit → heard, the worker sending (median)", Timing.median(withWorker), commitMedian),
        heard("commit → heard, the worker sending (p95)", p95(withWorker), commitMedian));
  }

  private static BenchLine heard(String label, double millis, double commitMedian) {
    return BenchLine.compared(label, millis, commitMedian, "");
  }

  private static double p95(double[] millis) {
    return Timing.percentile(millis, 0.95);
  }

  /** One commit after another, each waited for until heard; the warm-ups are not recorded. */
  private void measure(
      Connection writer, Map<String, Long> heardAt, double[] commit, double[] heard)
      throws SQLException {
    for (int i = -warmups; i < runs; i++) {
      long start = System.nanoTime();
      String id = Long.toString(insert(writer, i));
      long committed = System.nanoTime();
      long deadline = committed + TimeUnit.SECONDS.toNanos(5);
      while (!heardAt.containsKey(id)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("notification for user " + id + " never arrived");
        }
        Thread.onSpinWait();
      }
      if (i >= 0) {
        commit[i] = (committed - start) / 1_000_000.0;
        heard[i] = (heardAt.get(id) - start) / 1_000_000.0;
      }
    }
  }

  /**
   * The Arbiter worker, as production and the embedded console run it: it sends the change notices
   * more often than a console's own poll does (decision 9).
   */
  private static AutomationWorker startWorker(BenchContext context) throws SQLException {
    try (Connection c = context.owner().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET ROLE " + ServerBootstrap.MIGRATOR);
      return BenchWorker.start(c, StaffLogins.DEMO_PASSWORD, context.asLogin());
    }
  }

  private static long insert(Connection c, int i) throws SQLException {
    String email = "bench-live-" + System.nanoTime() + "-" + i + "@example.test";
    return Jdbc.list(c, INSERT, row -> row.getLong("id"), email).get(0);
  }
}
