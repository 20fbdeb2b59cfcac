package dev.arbiter.tools.bench;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.live.ChangeFeedListener;
import dev.arbiter.persistence.live.TableChange;
import java.sql.Connection;
import java.sql.SQLException;
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
 * itself, since the notification cannot arrive before the commit returns to its writer.
 */
public final class LiveLatencyBenchmark implements Benchmark.Measurement {

  private static final int WARMUPS = 20;
  private static final int RUNS = 201;
  private static final String INSERT =
      "INSERT INTO users (email, display_name, kind) VALUES (?, 'Bench Live', 'client') RETURNING id";

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
    double[] commit = new double[RUNS];
    double[] heard = new double[RUNS];
    try (ChangeFeed feed = new ChangeFeed(staff::getConnection, listener, Duration.ofSeconds(1));
        Connection writer = backend.getConnection()) {
      feed.start();
      if (!online.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the change feed did not connect");
      }
      for (int i = -WARMUPS; i < RUNS; i++) {
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
    double commitMedian = Timing.median(commit);
    return List.of(
        BenchLine.baseline("backend INSERT + commit (writer's round trip)", commitMedian),
        BenchLine.compared(
            "commit → heard on the change feed (median)", Timing.median(heard), commitMedian, ""),
        BenchLine.compared(
            "commit → heard on the change feed (p95)",
            Timing.percentile(heard, 0.95),
            commitMedian,
            ""));
  }

  private static long insert(Connection c, int i) throws SQLException {
    String email = "bench-live-" + System.nanoTime() + "-" + i + "@example.test";
    return Jdbc.list(c, INSERT, row -> row.getLong("id"), email).get(0);
  }
}
