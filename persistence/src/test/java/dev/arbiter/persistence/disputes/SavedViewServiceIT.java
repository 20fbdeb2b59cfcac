package dev.arbiter.persistence.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Saved views per staff member, shared ones for the team, and the remembered last filter. */
class SavedViewServiceIT {

  private static TestDatabase db;
  private static SavedViewService sam;
  private static SavedViewService ada;

  @BeforeAll
  static void open() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      // A second support agent, to see the team's shared views.
      dev.arbiter.persistence.db.StaffLogins.ensureLogin(
          owner, "demo_support2", "demo", java.util.List.of("arbiter_support"));
      owner
          .createStatement()
          .execute(
              "INSERT INTO staff_accounts (login_role, display_name) VALUES ('demo_support2',"
                  + " 'Sue Support')");
    }
    sam = new SavedViewService(db.access("demo_support"));
    ada = new SavedViewService(db.access("demo_support2"));
  }

  @Test
  void aViewIsPrivateUntilSharedAndOnlyItsOwnerChangesIt() throws Exception {
    QueueFilter urgentMine =
        QueueFilter.OPEN_CASES
            .withPriorities(EnumSet.of(DisputePriority.URGENT))
            .withAssignee(AssigneeFilter.MINE)
            .withText("acme")
            .withCurrencies(Set.of("EUR"))
            .withAmountRange(100L, 5000L);
    QueueSort byAmount = QueueSort.descending(SortKey.AMOUNT);
    long id = sam.save("My urgent", false, urgentMine, byAmount);

    assertThat(sam.list())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.filter()).isEqualTo(urgentMine);
              assertThat(v.sort()).isEqualTo(byAmount);
              assertThat(v.mine()).isTrue();
            });
    assertThat(ada.list()).isEmpty();

    sam.save("my URGENT", true, urgentMine, byAmount);
    assertThat(sam.list()).singleElement().extracting(SavedView::id).isEqualTo(id);
    assertThat(ada.list())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.owner()).isEqualTo("demo_support");
              assertThat(v.mine()).isFalse();
            });
    assertThat(ada.delete(id)).isFalse();
    try (Connection c = db.as("demo_support2");
        Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate("UPDATE dispute_saved_views SET name = 'mine now' WHERE id = " + id))
          .isZero();
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO dispute_saved_views (owner_login, name, definition)"
                          + " VALUES ('demo_support', 'forged', '{}')"))
          .isInstanceOf(SQLException.class);
    }
    assertThat(sam.delete(id)).isTrue();
    assertThat(ada.list()).isEmpty();
  }

  @Test
  void theLastFilterAndSortSurviveANewSession() {
    QueueFilter filter = QueueFilter.EVERYTHING.withAssignee(AssigneeFilter.UNASSIGNED);
    sam.saveLast(filter, QueueSort.ascending(SortKey.PRIORITY));
    sam.saveLast(filter.withText("late"), QueueSort.descending(SortKey.PRIORITY));

    SavedViewService restarted = new SavedViewService(db.access("demo_support"));
    SavedView last = restarted.last();
    assertThat(last.filter()).isEqualTo(filter.withText("late"));
    assertThat(last.sort()).isEqualTo(QueueSort.descending(SortKey.PRIORITY));
    assertThat(ada.last().filter()).isEqualTo(QueueFilter.OPEN_CASES);
  }

  @Test
  void anUnreadableDefinitionFallsBackToTheDefaultQueue() {
    assertThat(SavedViewService.read("{\"filter\": {\"statuses\": [\"NO_SUCH\"]}}")).isEmpty();
  }
}
