package dev.arbiter.app.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.testing.StandInWaits;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.moderation.BulkItem;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationDecisionService;
import dev.arbiter.persistence.moderation.ModerationFixture;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk view model over a real database: a run that loses its connection part-way checks the
 * item in flight by its request key once online (V82 records it with the decision), and Retry the
 * rest finishes the run with exactly one decision per item.
 */
class ModerationBulkRetryIT {

  // Stands in for the FX thread: one thread, in order.
  private final ExecutorService fx = Executors.newSingleThreadExecutor();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final ExecutorTaskRunner tasks = new ExecutorTaskRunner(workers, fx);
  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private final List<ItemKey> keys = new ArrayList<>();
  private TestDatabase db;
  private StaffDatabase moderator;
  private StaffDatabase colleague;
  private LossyGateway lossy;
  private BulkViewModel bulk;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.fresh();
    ModerationFixture.secondModerator(db);
    try (Connection owner = db.migrator()) {
      long author = ModerationFixture.user(owner);
      for (int i = 0; i < 4; i++) {
        long message = ModerationFixture.message(owner, author, "Buy followers, take " + i);
        ModerationFixture.flag(
            owner, "dispute_message", message, ModerationFixture.user(owner), "spam", "medium");
        keys.add(ItemKey.of("dispute_message", message));
      }
    }
    ConsoleTarget target = new ConsoleTarget(db.jdbcUrl(), false, "test");
    moderator = StaffDatabase.open(target, "demo_moderator", "demo");
    colleague = StaffDatabase.open(target, ModerationFixture.SECOND_MODERATOR, "demo");
    lossy = new LossyGateway(ModerationArea.gateway(moderator));
    bulk =
        onFx(
            () ->
                new BulkViewModel(
                    new ModerationWork(
                        lossy,
                        tasks,
                        new CommandRunner(tasks, tasks::schedule, online, lossy::committed),
                        () -> {})));
    onFx(() -> bulk.useSelection(keys));
  }

  @AfterEach
  void close() {
    tasks.close();
    fx.shutdownNow();
    moderator.close();
    colleague.close();
  }

  @Test
  void anItemCommittedAsTheConnectionDroppedIsFoundDecidedByItsKeyAndNotSentAgain()
      throws Exception {
    lossy.loseBulkAt = 1;
    lossy.bulkLossAfterCommit = true;
    lossy.whenBulkLost = () -> fx.execute(() -> online.set(false));

    onFx(() -> bulk.run(dismiss()));

    waitFor(() -> summary().contains("being checked…"));
    assertThat(onFx(() -> List.copyOf(bulk.results())))
        .satisfiesExactly(
            l ->
                assertThat(l).startsWith("✓ " + ModerationWords.item(keys.get(0)) + " — decision "),
            l -> assertThat(l).endsWith("checking…"),
            l -> assertThat(l).contains("not sent"),
            l -> assertThat(l).contains("not sent"));
    assertThat(decisionsPerItem()).containsExactly(1L, 1L, 0L, 0L);

    onFx(() -> online.set(true));

    waitFor(() -> summary().startsWith("Connection lost: 2 decided, 0 refused, 2 not sent."));
    assertThat(onFx(() -> bulk.results().get(1)))
        .isEqualTo(
            "✓ "
                + ModerationWords.item(keys.get(1))
                + " — decided, saved before the connection dropped");
    assertThat(onFx(() -> bulk.retryableProperty().get())).isTrue();

    onFx(bulk::retryRest);

    waitFor(() -> summary().equals("4 decided, 0 refused"));
    // Item 2 was found saved by its key and not sent again; 3 and 4 went out once, in the rest.
    assertThat(sentItems()).containsExactly(keys.get(0), keys.get(1), keys.get(2), keys.get(3));
    assertThat(decisionsPerItem()).containsOnly(1L);
    for (BulkItem sent : lossy.bulkSent) {
      assertThat(requests(sent.requestKey())).isOne();
    }
  }

  @Test
  void anItemLostBeforeItsCommitIsFoundNotSavedAndRetriedWithTheRestOnce() throws Exception {
    new ModerationDecisionService(colleague.access()).claim(keys.get(0));
    lossy.loseBulkAt = 2;

    onFx(() -> bulk.run(dismiss()));

    waitFor(() -> summary().startsWith("Connection lost: 1 decided, 1 refused, 1 not saved"));
    assertThat(onFx(() -> bulk.results().get(0))).contains("claimed by test_moderator2");
    assertThat(onFx(() -> bulk.results().get(2))).contains("not decided");
    assertThat(decisionsPerItem()).containsExactly(0L, 1L, 0L, 0L);

    onFx(bulk::retryRest);

    waitFor(() -> summary().equals("3 decided, 1 refused"));
    // The rest was item 3 again, under the key it was first sent with, then item 4.
    assertThat(sentItems())
        .containsExactly(keys.get(0), keys.get(1), keys.get(2), keys.get(2), keys.get(3));
    assertThat(lossy.bulkSent.get(3).requestKey()).isEqualTo(lossy.bulkSent.get(2).requestKey());
    assertThat(decisionsPerItem()).containsExactly(0L, 1L, 1L, 1L);
    assertThat(onFx(() -> bulk.retryOfferedProperty().get())).isFalse();
  }

  private List<ItemKey> sentItems() {
    return lossy.bulkSent.stream().map(BulkItem::key).toList();
  }

  private DecisionRequest dismiss() {
    return new DecisionFormViewModel(FlagDecision.DISMISS, "x").build(keys.get(0));
  }

  private String summary() {
    return onFx(() -> bulk.summaryProperty().get());
  }

  private List<Long> decisionsPerItem() throws SQLException {
    List<Long> counts = new ArrayList<>();
    try (Connection owner = db.migrator()) {
      for (ItemKey key : keys) {
        counts.add(
            ModerationFixture.count(
                owner,
                "SELECT count(*) FROM moderation_decisions WHERE entity_type = 'dispute_message'"
                    + " AND entity_id = ?",
                key.id()));
      }
    }
    return counts;
  }

  private long requests(String requestKey) throws SQLException {
    try (Connection owner = db.migrator()) {
      return ModerationFixture.count(
          owner, "SELECT count(*) FROM staff_requests WHERE idempotency_key = ?", requestKey);
    }
  }

  private void onFx(Runnable action) {
    StandInWaits.run(fx, action);
  }

  private <T> T onFx(Supplier<T> read) {
    return StandInWaits.on(fx, read::get);
  }

  private void waitFor(BooleanSupplier condition) {
    try {
      StandInWaits.waitFor(condition::getAsBoolean, Duration.ofSeconds(10));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; the summary says: " + summary(), e);
    }
  }
}
