package dev.arbiter.persistence.escrow;

import static dev.arbiter.persistence.escrow.MoneyFixture.longValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Sixteen reviewers' consoles race to release the same thousand approved checkpoints, each in its
 * own order and with its own keys. The database lets exactly one release of each through.
 */
class ReleaseRaceIT {

  private static final int THREADS = 16;
  private static final int CHECKPOINTS = 1_000;

  @Test
  void sixteenThreadsReleaseEachOfAThousandCheckpointsExactlyOnce() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    List<Long> ids;
    try (Connection owner = db.migrator()) {
      ids = MoneyFixture.approvedBatch(owner, 10, CHECKPOINTS, 2_500, "demo_finance2");
    }
    Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    Map<Long, String> payouts = new ConcurrentHashMap<>();
    AtomicLong duplicatePayouts = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      List<Long> order = new ArrayList<>(ids);
      Collections.shuffle(order, new Random(thread));
      done.add(
          pool.submit(
              () -> {
                try (Connection c = db.as("demo_finance")) {
                  start.await();
                  for (long cp : order) {
                    MoneyResult r =
                        RawMoney.call(
                            c, "release_checkpoint", cp, null, "race-" + thread + "-" + cp);
                    outcomes.computeIfAbsent(r.outcome(), k -> new AtomicLong()).incrementAndGet();
                    if (r.ok() && payouts.put(cp, r.payoutReference()) != null) {
                      duplicatePayouts.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertThat(outcomes.get("ok")).hasValue(CHECKPOINTS);
    assertThat(outcomes.get(MoneyRefusal.ALREADY_RELEASED.code()))
        .hasValue((long) CHECKPOINTS * (THREADS - 1));
    assertThat(outcomes).containsOnlyKeys("ok", MoneyRefusal.ALREADY_RELEASED.code());
    assertThat(duplicatePayouts).hasValue(0);
    assertThat(payouts.values()).doesNotHaveDuplicates().hasSize(CHECKPOINTS);
    try (Connection owner = db.migrator()) {
      assertThat(
              longValue(owner, "SELECT count(*) FROM escrow_checkpoints WHERE status = 'released'"))
          .isEqualTo(CHECKPOINTS);
      assertThat(longValue(owner, "SELECT count(*) FROM journals WHERE kind = 'release'"))
          .isEqualTo(CHECKPOINTS);
      assertThat(
              longValue(
                  owner,
                  "SELECT count(DISTINCT payout_reference) FROM escrow_checkpoints"
                      + " WHERE status = 'released'"))
          .isEqualTo(CHECKPOINTS);
      assertThat(RawMoney.unbalancedJournals(owner)).isZero();
    }
  }
}
