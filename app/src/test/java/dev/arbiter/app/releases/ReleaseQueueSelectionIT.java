package dev.arbiter.app.releases;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.app.releases.ReleaseQueueViewModel.QueueItem;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.ReleaseQueueService;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The release queue's multi-selection across a live re-read, with the real table over a real
 * database: rows the reviewer picks while the re-read is out are the rows selected when it lands,
 * even though the fresh rows moved them.
 */
@ExtendWith(ApplicationExtension.class)
class ReleaseQueueSelectionIT {

  private static TestDatabase db;
  private static Deal deal;
  private static List<Long> approved;
  private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
  private ExecutorTaskRunner tasks;
  private PresenceTracker presence;
  private ReleaseQueueViewModel queue;
  private TableView<QueueItem> table;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      approved = MoneyFixture.approvedBatch(owner, 1, 4, 10_000, "demo_finance2");
      deal = MoneyFixture.deal(owner, "USD", 100_000);
    }
  }

  @Start
  void start(Stage stage) {
    var finance = db.dataSource("demo_finance", "demo");
    ReleaseQueueService service = new ReleaseQueueService(db.access("demo_finance"));
    tasks = ExecutorTaskRunner.forFxThread();
    presence =
        new PresenceTracker(
            new PresenceService(db.access("demo_finance"), Duration.ofSeconds(30)),
            Platform::runLater,
            Schedulers.daemon("test-presence"),
            Duration.ofSeconds(10));
    queue =
        new ReleaseQueueViewModel(
            query -> {
              CountDownLatch gate = hold.get();
              if (gate != null) {
                await(gate);
              }
              return service.page(query);
            },
            tasks,
            Locale.US,
            Clock.systemUTC());
    ReleaseQueueView view =
        new ReleaseQueueView(queue, presence.scope(), id -> {}, ids -> {}, () -> {});
    table = queueTable(view);
    stage.setScene(new Scene((Parent) view.node(), 900, 500));
    stage.show();
  }

  @AfterEach
  void close() {
    tasks.close();
    presence.close();
  }

  @Test
  void rowsPickedWhileALiveReReadIsOutAreStillSelectedWhenItLands() throws Exception {
    fx(
        () -> {
          queue.reload();
          return null;
        });
    waitUntil(() -> fx(() -> ids().containsAll(approved)));
    select(approved.get(0), approved.get(1));

    CountDownLatch gate = new CountDownLatch(1);
    hold.set(gate);
    AtomicBoolean landed = new AtomicBoolean();
    fx(
        () -> {
          queue.refreshLive(() -> landed.set(true));
          return null;
        });
    // While the re-read is out, the reviewer picks two other rows, and a new submission arrives
    // that the re-read will put above them.
    select(approved.get(2), approved.get(3));
    long submitted;
    try (Connection owner = db.migrator()) {
      submitted = MoneyFixture.submitted(owner, deal, 5_000, "single", "requester_login");
      // Older than the batch, so the oldest-first queue shows it on top.
      MoneyFixture.longValue(
          owner,
          "UPDATE escrow_checkpoints SET submitted_at = now() - interval '2 hours' WHERE id = ?"
              + " RETURNING id",
          submitted);
    }
    hold.set(null);
    gate.countDown();
    waitUntil(landed::get);

    assertThat(fx(this::ids).get(0)).isEqualTo(submitted);
    assertThat(fx(this::selectedIds)).containsExactlyInAnyOrder(approved.get(2), approved.get(3));
  }

  @SuppressWarnings("unchecked")
  private static TableView<QueueItem> queueTable(ReleaseQueueView view) {
    return (TableView<QueueItem>) view.node().lookup("#queueTable");
  }

  private void select(long... wanted) {
    fx(
        () -> {
          table.getSelectionModel().clearSelection();
          for (long id : wanted) {
            table.getSelectionModel().select(ids().indexOf(id));
          }
          return null;
        });
  }

  private List<Long> ids() {
    return table.getItems().stream().map(QueueItem::checkpointId).toList();
  }

  private List<Long> selectedIds() {
    return new ArrayList<>(
        table.getSelectionModel().getSelectedItems().stream()
            .map(QueueItem::checkpointId)
            .toList());
  }

  private static void await(CountDownLatch gate) {
    try {
      if (!gate.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the re-read");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
