package dev.arbiter.app.moderation;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationFixture;
import dev.arbiter.persistence.moderation.ModerationFixture.BackendFlag;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The moderation queue's multiple selection across live updates, with the real table, database and
 * change feed: the items a moderator picked for a bulk action stay picked when an item arrives
 * above them and one of them gains a flag (its row is replaced).
 */
@ExtendWith(ApplicationExtension.class)
class ModerationQueueSelectionIT {

  private TestDatabase db;
  private StaffDatabase moderator;
  private ExecutorTaskRunner tasks;
  private PresenceTracker presence;
  private LiveUpdates updates;
  private ChangeFeed feed;
  private ModerationQueueViewModel queue;
  private TableView<QueueRow> table;
  private long author;
  private List<Long> messages;

  @Start
  void start(Stage stage) throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      author = ModerationFixture.user(owner);
      messages =
          List.of(
              ModerationFixture.message(owner, author, "Pay me on PayPal instead"),
              ModerationFixture.message(owner, author, "Buy followers at cheap.example"),
              ModerationFixture.message(owner, author, "Visit my shop for discounts"));
      for (long message : messages) {
        ModerationFixture.flag(
            owner, "dispute_message", message, ModerationFixture.user(owner), "spam", "low");
      }
    }
    moderator =
        StaffDatabase.open(
            new ConsoleTarget(db.jdbcUrl(), false, "test"), "demo_moderator", "demo");
    tasks = ExecutorTaskRunner.forFxThread();
    presence =
        new PresenceTracker(
            new PresenceService(moderator.access(), Duration.ofSeconds(30)),
            Platform::runLater,
            Schedulers.daemon("test-presence"),
            Duration.ofSeconds(10));
    queue = new ModerationQueueViewModel(ModerationArea.gateway(moderator), tasks);
    table = new QueueTable(queue, presence.scope()).node();
    updates =
        new LiveUpdates(
            Platform::runLater, Schedulers.daemon("test-live-updates"), Duration.ofMillis(200));
    updates.subscribe(queue::changed);
    feed = moderator.changeFeed(updates);
    stage.setScene(new Scene(table, 900, 400));
    stage.show();
  }

  @AfterEach
  void close() {
    feed.close();
    updates.close();
    presence.close();
    tasks.close();
    moderator.close();
  }

  @Test
  void itemsPickedForABulkActionStayPickedAsTheQueueUpdatesUnderThem() throws Exception {
    fx(
        () -> {
          queue.refresh();
          return null;
        });
    waitUntil(() -> fx(() -> table.getItems().size()) == 3);
    List<ItemKey> picked = List.of(key(messages.get(0)), key(messages.get(2)));
    fx(
        () -> {
          table.getSelectionModel().clearSelection();
          for (ItemKey key : picked) {
            table.getSelectionModel().select(indexOf(key));
          }
          return null;
        });
    feed.start();
    waitUntil(() -> feed.backendPid() > 0);

    long arriving;
    try (Connection owner = db.migrator()) {
      arriving = ModerationFixture.message(owner, author, "Send me your password");
    }
    ModerationFixture.raiseAsBackend(
        db,
        new BackendFlag(arriving, author, "impersonation", "critical"),
        new BackendFlag(messages.get(2), author, "harassment", "medium"));

    waitUntil(() -> fx(() -> table.getItems().size()) == 4);
    assertThat(fx(() -> table.getItems().get(0).key())).isEqualTo(key(arriving));
    assertThat(
            fx(
                () ->
                    table.getSelectionModel().getSelectedItems().stream()
                        .map(QueueRow::key)
                        .toList()))
        .containsExactlyInAnyOrderElementsOf(picked);
    assertThat(fx(() -> table.getSelectionModel().getSelectedItem().key()))
        .isEqualTo(picked.get(1));
    assertThat(fx(() -> queue.selectedProperty().get().key())).isEqualTo(picked.get(1));
  }

  private int indexOf(ItemKey key) {
    for (int i = 0; i < table.getItems().size(); i++) {
      if (table.getItems().get(i).key().equals(key)) {
        return i;
      }
    }
    throw new AssertionError(key + " is not in the queue");
  }

  private static ItemKey key(long messageId) {
    return ItemKey.of("dispute_message", messageId);
  }
}
