package dev.arbiter.app.releases;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.releases.ReleaseQueueViewModel.QueueItem;
import dev.arbiter.app.shell.ConsoleShell;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.ReleaseService;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

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
  private ExecutorTaskRunner tasks;
  private ConsoleShell shell;
  private Stage stage;

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
    this.stage = stage;
    tasks = ExecutorTaskRunner.forFxThread();
    shell =
        new ConsoleShell(
            new ConsoleTarget(db.jdbcUrl(), true, "Embedded test server"),
            new SignInService(),
            tasks,
            Platform::runLater,
            Locale.US,
            ZoneOffset.UTC);
    shell.start(stage);
  }

  @AfterEach
  void closeConsole() {
    shell.close();
    tasks.close();
  }

  @Test
  void aSubmissionPresenceAndAnotherReviewersApprovalArriveWhileTheQueueIsOpen(FxRobot robot)
      throws Exception {
    signIn(robot, "demo_finance");
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#queueTable").tryQuery().isPresent());
    waitUntil(() -> ids(robot).contains(dual));
    select(robot, dual);
    robot.clickOn("#noteField").write("Waiting for the invoice");

    submitAsMarketplace(pending);
    waitUntil(() -> ids(robot).contains(pending));
    assertThat(fx(() -> selectedId(robot))).isEqualTo(dual);

    PresenceService felixPresence =
        new PresenceService(db.dataSource("demo_finance2", "demo"), Duration.ofSeconds(30));
    felixPresence.publish(Map.of(PresenceKey.checkpoint(dual), PresenceMode.VIEWING));
    waitUntil(() -> robot.lookup("#queueTable .presence-viewing").tryQuery().isPresent());
    waitUntil(() -> text(robot, "#presenceLine").equals("Also here: Felix Finance"));

    new ReleaseService(db.dataSource("demo_finance2", "demo"))
        .perform(new CheckpointAction.Approve(dual, null, null, IdempotencyKeys.next("t")));
    waitUntil(() -> fx(() -> robot.lookup("#recordChangedBanner").query().isVisible()));
    assertThat(text(robot, "#recordChangedText"))
        .isEqualTo(
            "Changed by Felix Finance while you had it open: Approvals: none → Felix Finance"
                + " approved");
    assertThat(fx(() -> robot.lookup("#noteField").queryTextInputControl().getText()))
        .isEqualTo("Waiting for the invoice");
    assertThat(fx(() -> selectedId(robot))).isEqualTo(dual);
    screenshot("releases-live.png");
    felixPresence.publish(Map.of());
  }

  private static void submitAsMarketplace(long checkpoint) throws Exception {
    try (Connection backend = db.dataSource("demo_backend", "demo").getConnection()) {
      backend.setAutoCommit(false);
      try (Statement s = backend.createStatement()) {
        s.execute("SET LOCAL arbiter.actor = 'marketplace:freelancer-17'");
      }
      try (PreparedStatement ps =
          backend.prepareStatement(
              "UPDATE escrow_checkpoints SET status = 'submitted', submitted_at = now(),"
                  + " requested_by = 'freelancer_17' WHERE id = ?")) {
        ps.setLong(1, checkpoint);
        ps.executeUpdate();
      }
      backend.commit();
    }
  }

  private void select(FxRobot robot, long checkpoint) {
    fx(
        () -> {
          TableView<QueueItem> table = queueTable(robot);
          for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).checkpointId() == checkpoint) {
              table.getSelectionModel().clearAndSelect(i);
            }
          }
          return null;
        });
    waitUntil(() -> text(robot, "#checkpointTitle").contains("#"));
  }

  private void signIn(FxRobot robot, String login) {
    robot.clickOn("#loginField").write(login);
    robot.clickOn("#passwordField").write("demo");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
  }

  private static List<Long> ids(FxRobot robot) {
    return fx(() -> queueTable(robot).getItems().stream().map(QueueItem::checkpointId).toList());
  }

  private static Long selectedId(FxRobot robot) {
    QueueItem item = queueTable(robot).getSelectionModel().getSelectedItem();
    return item == null ? null : item.checkpointId();
  }

  @SuppressWarnings("unchecked")
  private static TableView<QueueItem> queueTable(FxRobot robot) {
    return robot.lookup("#queueTable").queryAs(TableView.class);
  }

  private static String text(FxRobot robot, String query) {
    return fx(
        () -> {
          Node node = robot.lookup(query).query();
          return ((Labeled) node).getText();
        });
  }

  private void screenshot(String name) throws Exception {
    String dir = System.getProperty("arbiter.screenshots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    WaitForAsyncUtils.waitForFxEvents();
    var image = fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
    Path target = Path.of(dir).resolve(name);
    Files.createDirectories(target.getParent());
    ImageIO.write(image, "png", new File(target.toString()));
  }
}
