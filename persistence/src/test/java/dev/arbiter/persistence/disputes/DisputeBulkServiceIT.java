package dev.arbiter.persistence.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.persistence.disputes.DisputeBulkService.Outcome;
import dev.arbiter.persistence.disputes.DisputeCommand.Assign;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangePriority;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bulk assign and priority over selected rows and over everything matching a filter. */
class DisputeBulkServiceIT {

  private static TestDatabase db;
  private static SupportDesk desk;
  private static DisputeBulkService bulk;
  private static Deal deal;

  @BeforeAll
  static void open() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      deal = DisputeFixtures.deal(owner, "Bulk Client", "Bulk Freelancer", 100_000);
    }
    desk = SupportDesk.open(db, "demo_support", StaffRole.SUPPORT);
    bulk = new DisputeBulkService(desk.actions, desk.queue);
  }

  @AfterAll
  static void close() {
    desk.close();
  }

  @Test
  void assigningAllMatchingReportsEachRowAndNamesTheRefusals() throws Exception {
    long a;
    long b;
    long closed;
    try (Connection owner = db.migrator()) {
      a = DisputeFixtures.open().reason("fraud").insert(owner, deal);
      b = DisputeFixtures.open().reason("fraud").status("escalated").insert(owner, deal);
      closed = DisputeFixtures.open().reason("fraud").status("closed").insert(owner, deal);
    }
    QueueFilter fraud =
        QueueFilter.EVERYTHING.withReasons(EnumSet.of(dev.arbiter.model.disputes.ReasonCode.FRAUD));
    assertThat(desk.queue.count(fraud, 1000)).isEqualTo(3);

    List<DisputeSnapshot> targets = bulk.matching(fraud);
    String key = DisputeCommand.newKey();
    List<Outcome> outcomes =
        bulk.apply(targets, key, (row, k) -> new Assign(row, "demo_support", "Sam", k));

    assertThat(outcomes).extracting(Outcome::id).containsExactly(a, b, closed);
    assertThat(outcomes).extracting(Outcome::done).containsExactly(true, true, false);
    assertThat(outcomes.get(2).message()).contains("is closed");
    assertThat(desk.queue.count(fraud.withAssignee(AssigneeFilter.MINE), 1000)).isEqualTo(2);

    // The same batch again acts once per row: replays, no second write.
    List<Outcome> again =
        bulk.apply(targets, key, (row, k) -> new Assign(row, "demo_support", "Sam", k));
    assertThat(again).extracting(Outcome::done).containsExactly(true, true, false);
    assertThat(again.get(0).message()).startsWith("Already done");
  }

  @Test
  void aRowChangedSinceItWasSelectedIsRefusedAsStaleWhileOthersApply() throws Exception {
    long a;
    long b;
    try (Connection owner = db.migrator()) {
      a = DisputeFixtures.open().insert(owner, deal);
      b = DisputeFixtures.open().insert(owner, deal);
    }
    List<DisputeSnapshot> selected = desk.queue.snapshots(List.of(a, b));
    try (Connection other = db.as("demo_support")) {
      other.createStatement().execute("UPDATE disputes SET priority = 'low' WHERE id = " + b);
    }
    List<Outcome> outcomes =
        bulk.apply(
            selected,
            DisputeCommand.newKey(),
            (row, k) -> new ChangePriority(row, DisputePriority.URGENT, k));
    assertThat(outcomes).extracting(Outcome::done).containsExactly(true, false);
    assertThat(outcomes.get(1).message()).contains("priority normal → low");
  }
}
