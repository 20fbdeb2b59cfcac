package dev.arbiter.tools.bench;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.automation.AutomationWorker;
import dev.arbiter.persistence.db.StaffLogins;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code write-throughput}: what the audit trail costs the marketplace's writers. The same audited
 * insert (a party message, as the marketplace backend, one commit each) by 1 and by 16 clients,
 * with the audit trigger on and off, interleaved round by round so the machine's noise hits every
 * path alike, on a durable server (fsync on): a lock that serialised commits shows as audited
 * throughput falling behind as clients are added. Then the latency of those inserts while a staff
 * session holds an audited change open, against the same run with nothing held.
 */
public final class WriteThroughputBenchmark implements Benchmark.Measurement {

  private static final int MANY = 16;

  private final Duration window;
  private final Duration hold;
  private final int rounds;

  public WriteThroughputBenchmark() {
    this(Duration.ofSeconds(4), Duration.ofSeconds(10), 3);
  }

  /** Each run lasts {@code window}, the held change {@code hold}; smaller in tests. */
  WriteThroughputBenchmark(Duration window, Duration hold, int rounds) {
    this.window = window;
    this.hold = hold;
    this.rounds = rounds;
  }

  /** One run's inserts: how many, and each one's latency. */
  private record Run(long inserts, double seconds, double[] latencyMillis) {
    double perSecond() {
      return inserts / seconds;
    }
  }

  /** Where the writers insert, and the other case a staff change is held open on. */
  private record Target(
      long dispute, long author, long heldDispute, String auditTrigger, String notifyTrigger) {}

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    try (DurableBenchServer server = DurableBenchServer.start(context.progress());
        AutomationWorker worker = server.startWorker()) {
      Target target = seed(server);
      double[][] tps = new double[6][rounds];
      for (int r = 0; r < rounds; r++) {
        context.progress().accept("  round " + (r + 1) + " of " + rounds);
        int i = 0;
        for (int clients : new int[] {1, MANY}) {
          for (boolean audited : new boolean[] {true, false}) {
            audit(server, target, audited);
            tps[i++][r] = drive(server, target, clients, window, false).perSecond();
          }
        }
        // The same 16 clients without the change notice every insert sends: PostgreSQL serialises
        // the commits of notifying transactions (one queue lock, held through the flush).
        toggle(server, target.notifyTrigger(), false);
        for (boolean audited : new boolean[] {true, false}) {
          audit(server, target, audited);
          tps[i++][r] = drive(server, target, MANY, window, false).perSecond();
        }
        toggle(server, target.notifyTrigger(), true);
      }
      audit(server, target, true);
      Run quiet = drive(server, target, MANY, hold, false);
      Run held = drive(server, target, MANY, hold, true);
      double audited1 = Timing.median(tps[0]);
      double plain1 = Timing.median(tps[1]);
      double audited16 = Timing.median(tps[2]);
      double plain16 = Timing.median(tps[3]);
      double quiet16 = Timing.median(tps[4]);
      double quietPlain16 = Timing.median(tps[5]);
      return List.of(
          line("1 client, audit trigger off", plain1, plain1, ""),
          line("1 client, audited", audited1, plain1, ""),
          line(MANY + " clients, audit trigger off", plain16, plain16, ""),
          line(MANY + " clients, audited", audited16, plain16, "≤ 1.25× (audited ≥ 0.8 of off)"),
          line(MANY + " clients audited, vs 1 client audited", audited16, audited1, "≤ 0.67×"),
          line(MANY + " clients, no change notices, audit off", quietPlain16, quietPlain16, ""),
          line(MANY + " clients, no change notices, audited", quiet16, quietPlain16, ""),
          BenchLine.baseline(
              MANY + " clients' insert p99, nothing held open",
              Timing.percentile(quiet.latencyMillis(), 0.99)),
          BenchLine.compared(
              MANY + " clients' insert p99, a staff change held open " + hold.toSeconds() + " s",
              Timing.percentile(held.latencyMillis(), 0.99),
              Timing.percentile(quiet.latencyMillis(), 0.99),
              "a few ms at most"),
          BenchLine.compared(
              MANY + " clients' slowest insert, a staff change held open",
              max(held.latencyMillis()),
              max(quiet.latencyMillis()),
              ""));
    }
  }

  // Throughput as time per 1,000 inserts, so that the ratio column reads like every other bench's
  // (lower is better); the label gives the inserts a second.
  private static BenchLine line(String label, double perSecond, double baseline, String target) {
    String full = String.format("%s: %,.0f inserts/s", label, perSecond);
    double millis = 1_000_000 / perSecond;
    return perSecond == baseline
        ? BenchLine.baseline(full, millis)
        : BenchLine.compared(full, millis, 1_000_000 / baseline, target);
  }

  private static Target seed(DurableBenchServer server) throws SQLException {
    try (Connection owner = server.owner()) {
      long client =
          id(
              owner,
              "INSERT INTO users (email, display_name, kind)"
                  + " VALUES ('wt-client@example.test', 'Throughput client', 'client') RETURNING id");
      long freelancer =
          id(
              owner,
              "INSERT INTO users (email, display_name, kind)"
                  + " VALUES ('wt-freelancer@example.test', 'Throughput freelancer', 'freelancer')"
                  + " RETURNING id");
      long contract =
          id(
              owner,
              "INSERT INTO contracts (reference, kind, title, client_id,"
                  + " freelancer_id, currency, value_minor) VALUES ('WT-9001', 'gig_order', 'Throughput', "
                  + client
                  + ", "
                  + freelancer
                  + ", 'USD', 100000) RETURNING id");
      long dispute =
          id(
              owner,
              "INSERT INTO disputes (reference, contract_id, opened_by,"
                  + " reason_code, amount_disputed_minor, currency) VALUES ('DSP-900001', "
                  + contract
                  + ", "
                  + client
                  + ", 'quality', 5000, 'USD') RETURNING id");
      long held =
          id(
              owner,
              "INSERT INTO disputes (reference, contract_id, opened_by,"
                  + " reason_code, amount_disputed_minor, currency) VALUES ('DSP-900002', "
                  + contract
                  + ", "
                  + client
                  + ", 'quality', 5000, 'USD') RETURNING id");
      return new Target(
          dispute,
          client,
          held,
          trigger(owner, "audit_capture"),
          trigger(owner, "notify_dispute_part_change"));
    }
  }

  private static String trigger(Connection owner, String function) throws SQLException {
    return Jdbc.list(
            owner,
            "SELECT tgname AS name FROM pg_trigger WHERE tgrelid = 'dispute_messages'::regclass"
                + " AND tgfoid = CAST(? AS regproc) AND NOT tgisinternal",
            row -> row.text("name"),
            function)
        .get(0);
  }

  private static long id(Connection c, String sql) throws SQLException {
    return Jdbc.list(c, sql, row -> row.getLong("id")).get(0);
  }

  private static void audit(DurableBenchServer server, Target target, boolean on)
      throws SQLException {
    toggle(server, target.auditTrigger(), on);
  }

  private static void toggle(DurableBenchServer server, String trigger, boolean on)
      throws SQLException {
    try (Connection owner = server.owner()) {
      Jdbc.update(
          owner,
          "ALTER TABLE dispute_messages " + (on ? "ENABLE" : "DISABLE") + " TRIGGER " + trigger);
    }
  }

  /**
   * {@code clients} backend connections insert for {@code length}; optionally a staff change is
   * held.
   */
  private static Run drive(
      DurableBenchServer server, Target target, int clients, Duration length, boolean holdOpen)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
    try {
      CountDownLatch ready = new CountDownLatch(clients + (holdOpen ? 1 : 0));
      CountDownLatch go = new CountDownLatch(1);
      CountDownLatch writersDone = new CountDownLatch(1);
      Future<?> holder =
          holdOpen ? pool.submit(() -> holdChange(server, target, ready, writersDone)) : null;
      List<Future<List<Double>>> writers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        writers.add(pool.submit(() -> insertUntil(server, target, length, ready, go)));
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      List<Double> latencies = new ArrayList<>();
      for (Future<List<Double>> w : writers) {
        latencies.addAll(w.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      writersDone.countDown();
      if (holder != null) {
        holder.get();
      }
      return new Run(
          latencies.size(), seconds, latencies.stream().mapToDouble(Double::doubleValue).toArray());
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Double> insertUntil(
      DurableBenchServer server,
      Target target,
      Duration length,
      CountDownLatch ready,
      CountDownLatch go)
      throws Exception {
    List<Double> latencies = new ArrayList<>();
    try (Connection c = server.login(StaffLogins.DEMO_BACKEND);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
                    + " VALUES (?, ?, 'parties', 'Any news on this?')")) {
      ps.setLong(1, target.dispute());
      ps.setLong(2, target.author());
      ready.countDown();
      go.await();
      long end = System.nanoTime() + length.toNanos();
      long now;
      while ((now = System.nanoTime()) < end) {
        ps.executeUpdate();
        latencies.add((System.nanoTime() - now) / 1e6);
      }
    }
    return latencies;
  }

  // A support agent's change to another case, audited and left open until every writer of the run
  // is done, then committed.
  private static Void holdChange(
      DurableBenchServer server, Target target, CountDownLatch ready, CountDownLatch writersDone)
      throws Exception {
    try (Connection c = server.login("demo_support")) {
      c.setAutoCommit(false);
      Jdbc.list(
          c,
          "SELECT set_config('application_name', 'arbiter-bench', false) AS a,"
              + " set_config('arbiter.command', 'bench.hold', false) AS b,"
              + " set_config('arbiter.request_id', 'bench-hold-change', false) AS c",
          row -> row.text("a"));
      Jdbc.update(c, "UPDATE disputes SET priority = 'high' WHERE id = ?", target.heldDispute());
      ready.countDown();
      writersDone.await();
      c.commit();
    }
    return null;
  }

  private static double max(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
