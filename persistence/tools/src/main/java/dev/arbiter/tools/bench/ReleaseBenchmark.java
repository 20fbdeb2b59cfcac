package dev.arbiter.tools.bench;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.db.HibernateFactory;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.ReleaseService;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * {@code releases}: 1,000 approved, funded checkpoints released through {@link ReleaseService} as
 * {@code demo_finance}, each a money function call that checks every gate and posts a balanced
 * journal. Reported against the 5 s budget, with the per-release median, and again with four
 * consoles releasing at once (the releases serialise on the audit chain head, by design).
 */
public final class ReleaseBenchmark implements Benchmark.Measurement {

  static final int RELEASES = 1_000;
  private static final int DEALS = 10;
  private static final int ROUNDS = 3;
  private static final int CONSOLES = 4;
  private static final double BUDGET_MILLIS = 5_000;
  private static final AtomicInteger SEQ = new AtomicInteger();

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    try (SessionFactory sessions =
        HibernateFactory.build(context.asLogin().apply("demo_finance"))) {
      return run(context, new ReleaseService(new DataAccess(() -> sessions)));
    }
  }

  private static List<BenchLine> run(BenchContext context, ReleaseService service)
      throws Exception {
    double[] totals = new double[ROUNDS];
    double[] concurrent = new double[ROUNDS];
    List<Double> each = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<Long> ids = approvedCheckpoints(context.owner());
      long start = System.nanoTime();
      for (long id : ids) {
        long t0 = System.nanoTime();
        release(service, id);
        each.add((System.nanoTime() - t0) / 1_000_000.0);
      }
      totals[round] = (System.nanoTime() - start) / 1_000_000.0;
      concurrent[round] = concurrently(service, approvedCheckpoints(context.owner()));
      context
          .progress()
          .accept(
              String.format(
                  "  round %d: %.0f ms sequential, %.0f ms with %d consoles",
                  round + 1, totals[round], concurrent[round], CONSOLES));
    }
    double total = Timing.median(totals);
    return List.of(
        BenchLine.compared(
            "1,000 releases, one console (total)", total, BUDGET_MILLIS, "≤ 1.0× of 5 s"),
        BenchLine.compared(
            "1,000 releases, " + CONSOLES + " consoles (total)",
            Timing.median(concurrent),
            BUDGET_MILLIS,
            "≤ 1.0× of 5 s"),
        BenchLine.compared(
            "one release (median)",
            Timing.median(each.stream().mapToDouble(Double::doubleValue).toArray()),
            BUDGET_MILLIS / RELEASES,
            "≤ 1.0× of 5 ms"));
  }

  private static double concurrently(ReleaseService service, List<Long> ids) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONSOLES);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CONSOLES; c++) {
        int console = c;
        done.add(
            pool.submit(
                () -> {
                  for (int i = console; i < ids.size(); i += CONSOLES) {
                    release(service, ids.get(i));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return (System.nanoTime() - start) / 1_000_000.0;
    } finally {
      pool.shutdown();
    }
  }

  private static void release(ReleaseService service, long id) {
    MoneyResult result =
        service.perform(new CheckpointAction.Release(id, null, IdempotencyKeys.next("bench")));
    if (!result.ok()) {
      throw new IllegalStateException("benchmark release refused: " + result.describe());
    }
  }

  /** Funded escrows with approved single-approval checkpoints, written as the owner. */
  static List<Long> approvedCheckpoints(DataSource owner) throws SQLException {
    List<Long> ids = new ArrayList<>(RELEASES);
    int perDeal = RELEASES / DEALS;
    try (Connection c = owner.getConnection()) {
      for (int d = 0; d < DEALS; d++) {
        int n = SEQ.incrementAndGet();
        long client =
            id(
                c,
                "INSERT INTO users (email, display_name, kind) VALUES (?, ?, 'client')",
                "bench-client-" + n + "@example.test",
                "Bench client " + n);
        long freelancer =
            id(
                c,
                "INSERT INTO users (email, display_name, kind) VALUES (?, ?, 'freelancer')",
                "bench-freelancer-" + n + "@example.test",
                "Bench freelancer " + n);
        long contract =
            id(
                c,
                "INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, currency,"
                    + " value_minor) VALUES (?, 'fixed_price', 'Benchmark work', ?, ?, 'USD', ?)",
                String.format("BR-%06d", n),
                client,
                freelancer,
                perDeal * 10_000L);
        long escrow =
            id(c, "INSERT INTO escrows (contract_id, currency) VALUES (?, 'USD')", contract);
        Jdbc.forEach(
            c,
            "SELECT fund_escrow(?, ?, ?)::text AS result",
            0,
            row -> {},
            escrow,
            perDeal * 10_000L,
            "bench-fund-" + n + "-" + System.nanoTime());
        ids.addAll(
            Jdbc.list(
                c,
                "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency,"
                    + " status, approval_requirement, submitted_at, requested_by)"
                    + " SELECT ?, g, 'Bench milestone ' || g, 10000, 'USD', 'approved', 'single',"
                    + " now() - interval '1 hour', 'bench_requester'"
                    + " FROM generate_series(1, ?) g RETURNING id",
                row -> row.getLong("id"),
                escrow,
                perDeal));
        Jdbc.update(
            c,
            "INSERT INTO release_approvals (checkpoint_id, reviewer, decision)"
                + " SELECT id, 'demo_finance2', 'approve' FROM escrow_checkpoints"
                + " WHERE escrow_id = ?",
            escrow);
      }
    }
    return ids;
  }

  private static long id(Connection c, String insert, Object... params) throws SQLException {
    return Jdbc.list(c, insert + " RETURNING id", row -> row.getLong("id"), params).get(0);
  }
}
