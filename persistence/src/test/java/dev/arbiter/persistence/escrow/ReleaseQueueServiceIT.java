package dev.arbiter.persistence.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Sort;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The release queue pages by keyset in every order, filters in SQL and shows the gates. */
class ReleaseQueueServiceIT {

  private static TestDatabase db;
  private static ReleaseQueueService queue;
  private static List<Long> open;
  private static long disputed;
  private static long eurCheckpoint;

  private static List<Long> overdue;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.fresh();
    open = new ArrayList<>();
    try (Connection owner = db.migrator()) {
      open.addAll(MoneyFixture.approvedBatch(owner, 3, 45, 1_000, "demo_finance2"));
      Deal deal = MoneyFixture.deal(owner, "USD", 5_000);
      disputed = MoneyFixture.approved(owner, deal, 2_000, "demo_finance2");
      MoneyFixture.dispute(owner, deal, disputed, "open", 2_000);
      open.add(disputed);
      open.add(MoneyFixture.submitted(owner, deal, 900, "dual", "requester_login"));
      Deal eur = MoneyFixture.deal(owner, "EUR", 100);
      eurCheckpoint = MoneyFixture.approved(owner, eur, 7_000, "demo_finance2");
      open.add(eurCheckpoint);
      // Nine single checkpoints past their auto-release time (a person must decide: overdue), and
      // one auto checkpoint past it (the worker's to pay, not overdue for a person).
      overdue = new ArrayList<>(open.subList(0, 9));
      for (long id : overdue) {
        dev.arbiter.persistence.contract.Fixtures.update(
            owner,
            "UPDATE escrow_checkpoints SET auto_release_at = now() - (id || ' minutes')::interval"
                + " WHERE id = ?",
            id);
      }
      long auto = MoneyFixture.submitted(owner, deal, 300, "auto", "requester_login");
      dev.arbiter.persistence.contract.Fixtures.update(
          owner,
          "UPDATE escrow_checkpoints SET auto_release_at = now() - interval '1 day' WHERE id = ?",
          auto);
      open.add(auto);
      // Not in the queue: released and pending checkpoints.
      MoneyFixture.submitted(owner, deal, 100, "single", "x");
      dev.arbiter.persistence.contract.Fixtures.update(
          owner,
          "UPDATE escrow_checkpoints SET status = 'pending' WHERE id = (SELECT max(id) FROM escrow_checkpoints)");
    }
    queue = new ReleaseQueueService(db.access("demo_finance"));
  }

  @Test
  void everySortPagesThroughTheWholeQueueOnceWithoutGapsOrRepeats() {
    for (Sort sort : Sort.values()) {
      List<Long> seen = new ArrayList<>();
      ReleaseQueueQuery query =
          new ReleaseQueueQuery(
              ReleaseQueueQuery.OPEN_STATUSES, null, null, sort, Optional.empty(), 7);
      while (true) {
        ReleaseQueuePage page = queue.page(query);
        page.rows().forEach(r -> seen.add(r.checkpointId()));
        if (page.next().isEmpty()) {
          break;
        }
        query = query.after(page.next().get());
      }
      assertThat(seen)
          .as(sort.name())
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(open);
    }
  }

  @Test
  void overdueFirstPutsWhatAPersonMustDecideOnTopOldestDueFirst() {
    List<Long> top = new ArrayList<>();
    ReleaseQueueQuery query = ReleaseQueueQuery.firstPage(4);
    while (top.size() < overdue.size()) {
      ReleaseQueuePage page = queue.page(query);
      page.rows().forEach(r -> top.add(r.checkpointId()));
      query = query.after(page.next().orElseThrow());
    }
    List<Long> oldestDueFirst = new ArrayList<>(overdue);
    oldestDueFirst.sort(java.util.Comparator.reverseOrder());
    assertThat(top.subList(0, overdue.size())).containsExactlyElementsOf(oldestDueFirst);
  }

  @Test
  void largestAmountFirstPutsTheBiggestRemainderOnTop() {
    ReleaseQueuePage page =
        queue.page(
            new ReleaseQueueQuery(List.of(), null, null, Sort.LARGEST_AMOUNT, Optional.empty(), 3));

    assertThat(page.rows().get(0).checkpointId()).isEqualTo(eurCheckpoint);
    assertThat(page.rows().get(1).amountMinor()).isEqualTo(2_000);
  }

  @Test
  void gatesShowTheDisputeAndTheMissingFunds() {
    ReleaseQueuePage eur =
        queue.page(
            new ReleaseQueueQuery(
                List.of("approved"), "eur", null, Sort.OLDEST_SUBMITTED, Optional.empty(), 10));
    assertThat(eur.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.gates().fundsHeld()).isFalse();
              assertThat(r.gates().escrowHeldMinor()).isEqualTo(100);
              assertThat(r.releasable()).isFalse();
            });

    ReleaseQueueRow row =
        queue.page(ReleaseQueueQuery.firstPage(200)).rows().stream()
            .filter(r -> r.checkpointId() == disputed)
            .findFirst()
            .orElseThrow();
    assertThat(row.gates().openDisputes()).isEqualTo(1);
    assertThat(row.gates().noOpenDispute()).isFalse();
    assertThat(row.gates().enoughApprovals()).isTrue();
  }

  @Test
  void thePageJudgesItsGatesInOneCallExactlyAsEachCheckpointAlone() throws Exception {
    try (Connection fran = db.as("demo_finance")) {
      String columns =
          "checkpoint_id, status, approval_requirement, requested_by, remaining_minor,"
              + " escrow_held_minor, holding_balance_minor, csat_score, csat_threshold, csat_ok,"
              + " open_disputes, approvals, approvals_needed, override_given, payee_status";
      List<String> many =
          dev.arbiter.persistence.contract.Fixtures.strings(
              fran,
              "SELECT concat_ws('|', "
                  + columns
                  + ") FROM checkpoint_gates_of(?) ORDER BY checkpoint_id",
              (Object) open.toArray(Long[]::new));
      List<String> each = new ArrayList<>();
      for (long id : open.stream().sorted().toList()) {
        each.addAll(
            dev.arbiter.persistence.contract.Fixtures.strings(
                fran, "SELECT concat_ws('|', " + columns + ") FROM checkpoint_gates(?)", id));
      }
      assertThat(many).hasSize(open.size()).containsExactlyElementsOf(each);
      // The disputed checkpoint's hold is among them, as the queue shows it.
      assertThat(many).anyMatch(g -> g.startsWith(disputed + "|") && g.contains("|1|"));
    }
  }

  @Test
  void searchAndApprovedMatchingSelectInSql() {
    ReleaseQueueQuery dual =
        new ReleaseQueueQuery(
            List.of("submitted"), null, null, Sort.OLDEST_SUBMITTED, Optional.empty(), 10);
    assertThat(queue.page(dual).rows())
        .filteredOn(r -> !r.approvalRequirement().equals("auto"))
        .singleElement()
        .satisfies(r -> assertThat(r.gates().approvalsNeeded()).isEqualTo(2));

    List<Long> approvedUsd =
        queue.approvedMatching(
            new ReleaseQueueQuery(
                List.of(), "USD", "batch", Sort.OLDEST_SUBMITTED, Optional.empty(), 1));
    assertThat(approvedUsd).hasSize(45);
  }
}
