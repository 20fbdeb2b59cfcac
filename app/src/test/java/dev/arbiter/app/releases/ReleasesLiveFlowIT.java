package dev.arbiter.app.releases;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.releases.ReleaseQueueViewModel.QueueItem;
import dev.arbiter.app.shell.Area;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.ReleaseService;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One console and outside writers: the marketplace submits a checkpoint while the queue is open,
 * another reviewer opens and approves the checkpoint being read; the console shows all of it live.
 */
@ExtendWith(ApplicationExtension.class)
class ReleasesLiveFlowIT {

  private static TestDatabase db;
  private static Deal deal;
  private static long dual;
  private static long pending;
  private TestConsole console;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      deal = MoneyFixture.deal(owner, "USD", 300_000);
      dual = MoneyFixture.submitted(owner, deal, 120_000, "dual", "requester_login");
      MoneyFixture.approvedBatch(owner, 1, 3, 15_000, "demo_finance2");
      pending =
          MoneyFixture.longValue(
              owner,
              "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency)"
                  + " VALUES (?, 900, 'Launch assets', 40000, 'USD') RETURNING id",
              deal.escrow());
    }
  }

  @Start
  void start(Stage stage) {
    console = TestConsole.start(stage, db.jdbcUrl());
  }

  @AfterEach
  void closeConsole() {
    console.close();
  }

  @Test
  void aSubmissionPresenceAndAnotherReviewersApprovalArriveWhileTheQueueIsOpen(FxRobot robot)
      throws Exception {
    console.signIn("demo_finance");
    console.open(Area.RELEASES, "#queueTable");
    waitUntil(() -> ids().contains(dual));
    select(dual);
    robot.clickOn("#noteField").write("Waiting for the invoice");

    submitAsMarketplace(pending);
    waitUntil(() -> ids().contains(pending));
    assertThat(fx(() -> selectedId())).isEqualTo(dual);

    PresenceService felixPresence =
        new PresenceService(db.access("demo_finance2"), Duration.ofSeconds(30));
    felixPresence.publish(Map.of(PresenceKey.checkpoint(dual), PresenceMode.VIEWING));
    waitUntil(() -> console.has("#queueTable .presence-viewing"));
    waitUntil(() -> console.text("#presenceLine").equals("Also here: Felix Finance"));

    new ReleaseService(db.access("demo_finance2"))
        .perform(new CheckpointAction.Approve(dual, null, null, IdempotencyKeys.next("t")));
    waitUntil(() -> fx(() -> console.lookup("#recordChangedBanner").query().isVisible()));
    assertThat(console.text("#recordChangedText"))
        .isEqualTo(
            "Changed by Felix Finance while you had it open: Approvals: none → Felix Finance"
                + " approved");
    assertThat(fx(() -> console.lookup("#noteField").queryTextInputControl().getText()))
        .isEqualTo("Waiting for the invoice");
    assertThat(fx(() -> selectedId())).isEqualTo(dual);
    console.screenshot("releases-live.png");
    felixPresence.publish(Map.of());
  }

  private static void submitAsMarketplace(long checkpoint) throws Exception {
    try (Connection backend = db.dataSource("demo_backend", "demo").getConnection()) {
      backend.setAutoCommit(false);
      try (Statement s = backend.createStatement()) {
        s.execute("SET LOCAL arbiter.actor = 'user:17@web'");
      }
      try (PreparedStatement ps =
          backend.prepareStatement(
              "UPDATE escrow_checkpoints SET status = 'submitted' WHERE id = ?")) {
        ps.setLong(1, checkpoint);
        ps.executeUpdate();
      }
      backend.commit();
    }
  }

  private void select(long checkpoint) {
    fx(
        () -> {
          TableView<QueueItem> table = queueTable();
          for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).checkpointId() == checkpoint) {
              table.getSelectionModel().clearAndSelect(i);
            }
          }
          return null;
        });
    waitUntil(() -> console.textOrEmpty("#checkpointTitle").contains("#"));
  }

  private List<Long> ids() {
    return fx(() -> queueTable().getItems().stream().map(QueueItem::checkpointId).toList());
  }

  private Long selectedId() {
    QueueItem item = queueTable().getSelectionModel().getSelectedItem();
    return item == null ? null : item.checkpointId();
  }

  private TableView<QueueItem> queueTable() {
    return console.table("#queueTable");
  }
}
