package dev.arbiter.persistence.settlements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.Exposure;
import dev.arbiter.persistence.ledger.ExposureService;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The settlements queue and the exposure figures, as finance reads them. */
class SettlementServiceIT {

  private final TestDatabase db = TestDatabase.fresh();

  @Test
  void queueShowsTheProposalWithItsDisputeAndExecutingRemovesIt() throws Exception {
    long settlement;
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 9_000);
      long dispute = MoneyFixture.dispute(owner, deal, null, "settling", 6_000);
      settlement =
          MoneyFixture.settlement(owner, dispute, "split", 4_000, 2_000, "USD", "demo_support");
    }
    SettlementService service = finance();

    assertThat(service.queue())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.settlementId()).isEqualTo(settlement);
              assertThat(s.proposedByName()).isEqualTo("Sam Support");
              assertThat(s.disputeSummary()).isEqualTo("Work incomplete");
              assertThat(s.heldMinor()).isEqualTo(9_000);
              assertThat(s.totalMinor()).isEqualTo(6_000);
            });
    assertThat(service.sendBack(settlement, "", IdempotencyKeys.next("t")).refusal())
        .contains(MoneyRefusal.REASON_REQUIRED);
    assertThat(service.execute(settlement, "Fine", IdempotencyKeys.next("t")).ok()).isTrue();
    assertThat(service.queue()).isEmpty();
  }

  @Test
  void aDecisionOnAProposalThatChangedSinceItWasReadIsRefusedAsStale() throws Exception {
    long settlement;
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 9_000);
      long dispute = MoneyFixture.dispute(owner, deal, null, "settling", 6_000);
      settlement =
          MoneyFixture.settlement(owner, dispute, "split", 4_000, 2_000, "USD", "demo_support");
    }
    SettlementService service = finance();
    int seen = service.queue().get(0).version();
    try (Connection owner = db.migrator()) {
      MoneyFixture.longValue(
          owner,
          "UPDATE settlements SET payee_minor = 5000, payer_minor = 1000 WHERE id = ?"
              + " RETURNING version",
          settlement);
    }
    String key = IdempotencyKeys.next("t");

    var stale = service.execute(settlement, seen, "Fine", key);

    assertThat(stale.refusal()).contains(MoneyRefusal.STALE);
    assertThat(new CommitOutcomes(db.access("demo_finance")).committed(key)).isFalse();
    int now = service.queue().get(0).version();
    assertThat(now).isEqualTo(seen + 1);
    assertThat(service.execute(settlement, now, "Fine", key).ok()).isTrue();
    assertThat(service.queue()).isEmpty();
  }

  @Test
  void previewingAnExecutionAnswersWithItsFiguresAndLeavesNothingBehind() throws Exception {
    long settlement;
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 9_000);
      long dispute = MoneyFixture.dispute(owner, deal, null, "settling", 6_000);
      settlement =
          MoneyFixture.settlement(owner, dispute, "split", 4_000, 2_000, "USD", "demo_support");
    }
    SettlementService service = finance();
    int seen = service.queue().get(0).version();
    String key = IdempotencyKeys.next("t");

    var preview = service.previewExecute(settlement, seen, "Fine", key);

    assertThat(preview.ok()).isTrue();
    assertThat(preview.amountMinor()).hasValue(6_000);
    assertThat(service.queue()).singleElement();
    assertThat(new CommitOutcomes(db.access("demo_finance")).committed(key)).isFalse();
    var executed = service.execute(settlement, seen, "Fine", key);
    assertThat(executed.ok()).isTrue();
    assertThat(executed.replayed()).isFalse();
    assertThat(executed.feeMinor()).isEqualTo(preview.feeMinor());
  }

  /** The service as finance's console builds it. */
  private SettlementService finance() {
    return new SettlementService(db.access("demo_finance"));
  }

  @Test
  void exposureGroupsHeldMoneyByCurrencyAndListsUpcomingAutoReleases() throws Exception {
    long upcoming;
    try (Connection owner = db.migrator()) {
      Deal usd = MoneyFixture.deal(owner, "USD", 9_000);
      MoneyFixture.deal(owner, "JPY", 150_000);
      upcoming = MoneyFixture.submitted(owner, usd, 3_000, "single", "x");
    }

    Exposure exposure = new ExposureService(db.access("demo_support")).load();

    assertThat(exposure.heldByAge())
        .extracting(
            Exposure.HeldByAge::currency, Exposure.HeldByAge::bucket, Exposure.HeldByAge::heldMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("JPY", "< 7 days", 150_000L),
            org.assertj.core.groups.Tuple.tuple("USD", "< 7 days", 9_000L));
    assertThat(exposure.upcoming())
        .extracting(Exposure.UpcomingRelease::checkpointId)
        .containsExactly(upcoming);
    assertThat(exposure.largest().get(0).currency()).isEqualTo("JPY");
  }
}
