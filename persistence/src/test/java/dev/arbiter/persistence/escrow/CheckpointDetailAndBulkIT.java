package dev.arbiter.persistence.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkpoint view's snapshot and the bulk release, through the services. */
class CheckpointDetailAndBulkIT {

  private final TestDatabase db = TestDatabase.fresh();

  @Test
  void detailShowsApprovalsLedgerEntriesAndTheTimelineAfterARelease() throws Exception {
    long cp;
    Deal deal;
    try (Connection owner = db.migrator()) {
      deal = MoneyFixture.deal(owner, "USD", 30_000);
      cp = MoneyFixture.submitted(owner, deal, 12_000, "dual", "requester_login");
    }
    ReleaseService fran = new ReleaseService(db.access("demo_finance"));
    ReleaseService felix = new ReleaseService(db.access("demo_finance2"));
    assertThat(fran.perform(new CheckpointAction.Approve(cp, "Looks right", null, key())).ok())
        .isTrue();
    assertThat(felix.perform(new CheckpointAction.Approve(cp, null, null, key())).status())
        .isEqualTo("approved");
    MoneyResult preview = fran.preview(new CheckpointAction.Release(cp, null, key()));
    assertThat(preview.ok()).isTrue();
    assertThat(preview.amountMinor()).hasValue(12_000);
    assertThat(fran.perform(new CheckpointAction.Release(cp, null, key())).ok()).isTrue();

    CheckpointDetail detail =
        new CheckpointDetailService(db.access("demo_finance")).load(cp).orElseThrow();

    assertThat(detail.checkpoint().status()).isEqualTo("released");
    assertThat(detail.checkpoint().releasedBy()).isEqualTo("demo_finance");
    assertThat(detail.escrow().releasedMinor()).isEqualTo(12_000);
    assertThat(detail.escrow().heldMinor()).isEqualTo(18_000);
    assertThat(detail.approvals())
        .extracting(CheckpointDetail.Approval::reviewerName)
        .containsExactly("Fran Finance", "Felix Finance");
    assertThat(detail.ledger())
        .extracting(CheckpointDetail.Entry::account, CheckpointDetail.Entry::direction)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Escrow holding", "debit"),
            org.assertj.core.groups.Tuple.tuple(detail.payee().name(), "credit"));
    assertThat(detail.timeline())
        .extracting(TimelineEntry::summary)
        .contains("status approved → released", "status submitted → approved")
        .anyMatch(s -> s.startsWith("journal ") && s.contains("full release"));
    assertThat(new CheckpointDetailService(db.access("demo_support")).load(-1)).isEmpty();
  }

  @Test
  void bulkReleasePreviewsTheRefusalAndARetriedPlanHasOneEffectPerItem() throws Exception {
    List<Long> ids = new ArrayList<>();
    long disputed;
    try (Connection owner = db.migrator()) {
      ids.addAll(MoneyFixture.approvedBatch(owner, 1, 4, 1_000, "demo_finance2"));
      Deal deal = MoneyFixture.deal(owner, "USD", 5_000);
      disputed = MoneyFixture.approved(owner, deal, 1_000, "demo_finance2");
      MoneyFixture.dispute(owner, deal, disputed, "open", 1_000);
      ids.add(2, disputed);
    }
    BulkReleaseService bulk = new BulkReleaseService(db.access("demo_finance"));
    BulkRelease plan = BulkRelease.plan(ids);

    List<Outcome> preview = bulk.preview(plan, o -> {});
    assertThat(preview)
        .extracting(o -> o.result().outcome())
        .containsExactly("ok", "ok", "open_dispute", "ok", "ok");

    // The first run dies after two items; running the same plan again finishes the job.
    List<Outcome> partial = new ArrayList<>();
    bulk.execute(plan, partial::add, () -> partial.size() >= 2);
    List<Outcome> done = bulk.execute(plan, o -> {}, () -> false);

    assertThat(done)
        .extracting(o -> o.result().outcome())
        .containsExactly("ok", "ok", "open_dispute", "ok", "ok");
    assertThat(done)
        .extracting(o -> o.result().replayed())
        .containsExactly(true, true, false, false, false);
    assertThat(done.get(2).result().refusal()).contains(MoneyRefusal.OPEN_DISPUTE);
    try (Connection owner = db.migrator()) {
      assertThat(
              MoneyFixture.longValue(owner, "SELECT count(*) FROM journals WHERE kind = 'release'"))
          .isEqualTo(4);
      assertThat(RawMoney.unbalancedJournals(owner)).isZero();
    }
  }

  private static String key() {
    return IdempotencyKeys.next("test");
  }
}
