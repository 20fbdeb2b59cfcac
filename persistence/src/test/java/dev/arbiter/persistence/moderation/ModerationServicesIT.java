package dev.arbiter.persistence.moderation;

import static dev.arbiter.persistence.moderation.ModerationFixture.SECOND_MODERATOR;
import static dev.arbiter.persistence.moderation.ModerationFixture.exec;
import static dev.arbiter.persistence.moderation.ModerationFixture.flag;
import static dev.arbiter.persistence.moderation.ModerationFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.model.moderation.FlagReason;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.model.moderation.Severity;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The moderation services against a real database, signed in as real moderator logins. */
class ModerationServicesIT {

  private static TestDatabase db;
  private static StaffDatabase mo;
  private static StaffDatabase max;
  private static long author;
  private static final List<ItemKey> ITEMS = new ArrayList<>();

  @BeforeAll
  static void createItems() throws Exception {
    db = TestDatabase.fresh();
    ModerationFixture.secondModerator(db);
    try (Connection owner = db.migrator()) {
      author = ModerationFixture.user(owner);
      String[] severities = {"low", "medium", "high", "critical", "low", "high", "medium"};
      for (int i = 0; i < severities.length; i++) {
        long message = ModerationFixture.message(owner, author, "message number " + i);
        for (int f = 0; f <= i % 3; f++) {
          flag(
              owner,
              "dispute_message",
              message,
              ModerationFixture.user(owner),
              i % 2 == 0 ? "spam" : "harassment",
              severities[i]);
        }
        ITEMS.add(new ItemKey(FlaggedEntityType.DISPUTE_MESSAGE, message));
      }
      exec(
          owner,
          "UPDATE moderation_flags SET created_at = now() - interval '3 days' WHERE entity_id = ?",
          ITEMS.get(0).id());
    }
    ConsoleTarget target = new ConsoleTarget(db.jdbcUrl(), true, "test");
    mo = StaffDatabase.open(target, "demo_moderator", "demo");
    max = StaffDatabase.open(target, SECOND_MODERATOR, "demo");
  }

  @AfterAll
  static void close() {
    mo.close();
    max.close();
  }

  @Test
  void keysetPagesWalkTheWholeQueueInSqlOrderWithoutRepeats() throws SQLException {
    ModerationQueueService queue = new ModerationQueueService(mo.access());
    for (QueueSort sort : QueueSort.values()) {
      List<Long> walked = new ArrayList<>();
      QueueCursor cursor = null;
      do {
        QueuePage page = queue.page(QueueFilter.open(), sort, cursor, 3);
        page.rows().forEach(r -> walked.add(r.rowId()));
        cursor = page.next();
      } while (cursor != null);

      assertThat(walked).as(sort.name()).isEqualTo(allIdsInOrder(sort));
    }
  }

  @Test
  void filtersNarrowTheQueueInSql() {
    ModerationQueueService queue = new ModerationQueueService(mo.access());
    QueueFilter base = QueueFilter.open();

    assertThat(queue.count(base)).isGreaterThanOrEqualTo(7);
    QueueFilter spam =
        new QueueFilter(FlagStatus.OPEN, null, FlagReason.SPAM, null, ClaimFilter.ANY, null);
    assertThat(queue.page(spam, QueueSort.PRIORITY, null, 50).rows())
        .allSatisfy(r -> assertThat(r.reasons()).contains("spam"));
    QueueFilter severe =
        new QueueFilter(FlagStatus.OPEN, null, null, Severity.HIGH, ClaimFilter.ANY, null);
    assertThat(queue.page(severe, QueueSort.PRIORITY, null, 50).rows())
        .allSatisfy(r -> assertThat(r.maxSeverity().rank()).isGreaterThanOrEqualTo(3));
    QueueFilter old =
        new QueueFilter(FlagStatus.OPEN, null, null, null, ClaimFilter.ANY, Duration.ofDays(2));
    assertThat(queue.page(old, QueueSort.OLDEST, null, 50).rows())
        .extracting(QueueRow::key)
        .containsExactly(ITEMS.get(0));
    QueueFilter users =
        new QueueFilter(FlagStatus.OPEN, FlaggedEntityType.USER, null, null, ClaimFilter.ANY, null);
    assertThat(queue.count(users)).isZero();
  }

  @Test
  void claimedByMeAndUnclaimedFiltersFollowTheClaims() {
    ItemKey item = ITEMS.get(5);
    new ModerationDecisionService(max.access()).claim(item);
    ModerationQueueService queue = new ModerationQueueService(max.access());

    List<QueueRow> mine =
        queue
            .page(
                new QueueFilter(FlagStatus.OPEN, null, null, null, ClaimFilter.MINE, null),
                QueueSort.PRIORITY,
                null,
                50)
            .rows();
    assertThat(mine).extracting(QueueRow::key).containsExactly(item);
    assertThat(mine.get(0).claimant()).isEqualTo(SECOND_MODERATOR);
    assertThat(
            new ModerationQueueService(mo.access())
                .keys(
                    new QueueFilter(FlagStatus.OPEN, null, null, null, ClaimFilter.UNCLAIMED, null),
                    100))
        .doesNotContain(item);
  }

  @Test
  void aClaimHeldByAnotherModeratorComesBackAsATypedRefusalNamingThem() {
    ItemKey item = ITEMS.get(4);
    new ModerationDecisionService(max.access()).claim(item);
    ModerationDecisionService decisions = new ModerationDecisionService(mo.access());

    assertThatThrownBy(() -> decisions.claim(item))
        .isInstanceOfSatisfying(
            ModerationRefusal.class,
            r -> {
              assertThat(r.kind()).isEqualTo(ModerationRefusal.Kind.CLAIMED_BY_OTHER);
              assertThat(r.holder()).isEqualTo(SECOND_MODERATOR);
            });
    new ModerationDecisionService(max.access()).release(item);
    assertThat(decisions.claim(item)).isNotNull();
  }

  @Test
  void decideThenUndoThroughTheServiceShowsInTheLogAndTheItemView() throws SQLException {
    ItemKey item = ITEMS.get(3);
    ModerationDecisionService decisions = new ModerationDecisionService(mo.access());
    decisions.claim(item);

    long id =
        decisions.decide(
            new DecisionRequest(
                item, FlagDecision.WARN_USER, ModerationReason.HARASSMENT, "first warning", null));

    assertThat(decisions.recentDecisions(10))
        .anySatisfy(
            d -> {
              assertThat(d.id()).isEqualTo(id);
              assertThat(d.undoable()).isTrue();
              assertThat(d.subjectUserId()).isEqualTo(author);
            });
    ItemDetail detail = new ModerationItemService(mo.access()).load(item);
    assertThat(detail.content())
        .contains(new ItemDetail.Field("Message", new ItemDetail.Text("message number 3")));
    assertThat(detail.flags()).allSatisfy(f -> assertThat(f.status()).isEqualTo("actioned"));
    assertThat(detail.author().userId()).isEqualTo(author);
    assertThat(detail.author().status()).isEqualTo("warned");
    assertThat(detail.author().earlierFlags()).isNotEmpty();
    assertThat(detail.timeline())
        .extracting(TimelineEntry::summary)
        .contains("decided warn_user (harassment: first warning)");

    decisions.undo(id);

    try (Connection owner = db.migrator()) {
      assertThat(text(owner, "SELECT status FROM users WHERE id = ?", author)).isEqualTo("active");
      // The service caught the scores up after each decision: nothing is left queued.
      assertThat(text(owner, "SELECT count(*) FROM moderation_rescore_queue")).isEqualTo("0");
    }
    assertThat(new ModerationItemService(mo.access()).load(item).timeline())
        .extracting(TimelineEntry::summary)
        .contains("undid decision " + id);
    assertThatThrownBy(() -> decisions.undo(id))
        .isInstanceOfSatisfying(
            ModerationRefusal.class,
            r -> assertThat(r.kind()).isEqualTo(ModerationRefusal.Kind.ALREADY_UNDONE));
  }

  @Test
  void bulkDismissReportsPerItemAndSkipsItemsClaimedByOthers() {
    ItemKey held = ITEMS.get(1);
    new ModerationDecisionService(max.access()).claim(held);
    List<ItemKey> keys = List.of(ITEMS.get(2), held, ITEMS.get(6));

    List<BulkResult> results =
        new ModerationBulkService(mo.access())
            .apply(
                BulkItem.plan(keys),
                new DecisionRequest(
                    keys.get(0), FlagDecision.DISMISS, ModerationReason.NO_VIOLATION, null, null));

    assertThat(results).extracting(BulkResult::key).containsExactlyElementsOf(keys);
    assertThat(results).extracting(BulkResult::succeeded).containsExactly(true, false, true);
    assertThat(results.get(1).refusal()).contains("claimed by " + SECOND_MODERATOR);
    assertThat(new ModerationQueueService(mo.access()).keys(QueueFilter.open(), 100))
        .doesNotContain(ITEMS.get(2), ITEMS.get(6))
        .contains(held);
  }

  @Test
  void aRequestThatDoesNotFitItsReasonIsRefusedBeforeTheDatabase() {
    assertThatThrownBy(
            () ->
                new DecisionRequest(
                    ITEMS.get(0),
                    FlagDecision.HIDE_CONTENT,
                    ModerationReason.NO_VIOLATION,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new DecisionRequest(
                    ITEMS.get(0), FlagDecision.SUSPEND_USER, ModerationReason.FRAUD, null, null))
        .hasMessageContaining("duration");
  }

  private static List<Long> allIdsInOrder(QueueSort sort) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = db.superuser();
        var ps =
            c.prepareStatement(
                "SELECT id FROM moderation_items mi WHERE status = 'open' ORDER BY "
                    + sort.orderBy());
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
