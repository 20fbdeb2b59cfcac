package dev.arbiter.app.releases;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.releases.BulkReleaseViewModel.Line;
import dev.arbiter.app.releases.CheckpointText.LedgerLine;
import dev.arbiter.app.releases.ReleaseQueueViewModel.QueueItem;
import dev.arbiter.app.shell.ConsoleShell;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
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
 * The finance flow end to end, headless: two reviewers approve a dual checkpoint, the second
 * releases it and sees the ledger entries; then a bulk release where the database refuses one item.
 */
@ExtendWith(ApplicationExtension.class)
class ReleasesFlowIT {

  private static TestDatabase db;
  private static long dual;
  private static long disputed;
  private static List<Long> batch;
  private ExecutorTaskRunner tasks;
  private ConsoleShell shell;
  private Stage stage;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 250_000);
      dual = MoneyFixture.submitted(owner, deal, 120_000, "dual", "requester_login");
      batch = MoneyFixture.approvedBatch(owner, 1, 3, 15_000, "demo_finance2");
      Deal other = MoneyFixture.deal(owner, "EUR", 40_000);
      disputed = MoneyFixture.approved(owner, other, 20_000, "demo_finance2");
      MoneyFixture.dispute(owner, other, disputed, "under_review", 20_000);
      long settling = MoneyFixture.dispute(owner, other, null, "settling", 5_000);
      MoneyFixture.settlement(owner, settling, "split", 3_000, 2_000, "EUR", "demo_support");
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
  void twoReviewersApproveTheSecondReleasesAndBulkReleaseReportsTheRefusedItem(FxRobot robot)
      throws Exception {
    signIn(robot, "demo_finance");
    openReleases(robot);
    select(robot, dual);
    robot.clickOn("#approveButton");
    waitUntil(() -> text(robot, "#checkpointMessage").equals("Approval 1 of 2 recorded"));
    assertThat(text(robot, "#checkpointStatus")).startsWith("Submitted");

    robot.clickOn("#signOutButton");
    waitUntil(() -> robot.lookup("#loginField").tryQuery().isPresent());
    signIn(robot, "demo_finance2");
    openReleases(robot);
    select(robot, dual);
    robot.clickOn("#noteField").write("Deliverables checked against the brief");
    robot.clickOn("#approveButton");
    waitUntil(() -> text(robot, "#checkpointMessage").equals("Approved"));
    screenshot("releases-queue.png");

    robot.clickOn("#releaseAllButton");
    waitUntil(() -> !text(robot, "#confirmationText").isEmpty());
    assertThat(text(robot, "#confirmationText"))
        .contains("Release $1,200.00")
        .contains("Debit   Escrow holding   $1,200.00")
        .contains("The checkpoint will be released in full.");
    screenshot("releases-confirm.png");
    robot.clickOn("#confirmReleaseButton");
    waitUntil(() -> text(robot, "#checkpointMessage").equals("Released"));
    waitUntil(() -> ledgerLines(robot).size() == 2);
    List<LedgerLine> ledger = ledgerLines(robot);
    assertThat(ledger.get(0).account()).isEqualTo("Escrow holding");
    assertThat(ledger.get(0).debit()).isEqualTo("$1,200.00");
    assertThat(ledger.get(1).credit()).isEqualTo("$1,200.00");
    assertThat(text(robot, "#checkpointStatus")).startsWith("Released");
    screenshot("releases-checkpoint.png");

    List<Long> chosen = new ArrayList<>(batch);
    chosen.add(1, disputed);
    fx(
        () -> {
          TableView<QueueItem> table = queueTable(robot);
          table.getSelectionModel().clearSelection();
          for (int i = 0; i < table.getItems().size(); i++) {
            if (chosen.contains(table.getItems().get(i).checkpointId())) {
              table.getSelectionModel().select(i);
            }
          }
          return null;
        });
    robot.clickOn("#bulkSelectedButton");
    waitUntil(() -> text(robot, "#bulkSummary").startsWith("Preview: 3 of 4 would be released"));
    screenshot("releases-bulk-preview.png");
    robot.clickOn("#bulkExecuteButton");
    waitUntil(() -> text(robot, "#bulkSummary").equals("3 released, 1 refused."));
    List<Line> lines = fx(() -> List.copyOf(bulkLines(robot).getItems()));
    assertThat(lines).hasSize(4);
    assertThat(lines.stream().filter(l -> !l.ok()))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.checkpointId()).isEqualTo(disputed);
              assertThat(l.result()).startsWith("A dispute is open");
            });
    screenshot("releases-bulk-result.png");

    robot.clickOn("Settlements");
    waitUntil(
        () ->
            fx(() -> robot.lookup("#settlementsTable").queryAs(TableView.class).getItems().size())
                == 1);
    screenshot("releases-settlements.png");
    robot.clickOn("Exposure");
    waitUntil(() -> robot.lookup("#exposure-USD").tryQuery().isPresent());
    screenshot("releases-exposure.png");
    robot.clickOn("Ledger health");
    robot.clickOn("#verifyLedgerButton");
    waitUntil(() -> text(robot, "#ledgerVerdict").startsWith("Ledger is consistent"));
    screenshot("releases-ledger-health.png");
  }

  private void openReleases(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#queueTable").tryQuery().isPresent());
    waitUntil(() -> fx(() -> queueTable(robot).getItems().size()) >= 5);
  }

  private void select(FxRobot robot, long checkpoint) {
    fx(
        () -> {
          TableView<QueueItem> table = queueTable(robot);
          for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).checkpointId() == checkpoint) {
              table.getSelectionModel().clearAndSelect(i);
              table.scrollTo(i);
            }
          }
          return null;
        });
    waitUntil(() -> text(robot, "#checkpointTitle").contains("#"));
    waitUntil(
        () ->
            fx(
                () ->
                    robot.lookup("#approveButton").queryButton().isDisabled()
                        == !text(robot, "#checkpointStatus").matches("(Submitted|Approved).*")));
  }

  private void signIn(FxRobot robot, String login) {
    robot.clickOn("#loginField").write(login);
    robot.clickOn("#passwordField").write("demo");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
  }

  @SuppressWarnings("unchecked")
  private static TableView<QueueItem> queueTable(FxRobot robot) {
    return robot.lookup("#queueTable").queryAs(TableView.class);
  }

  @SuppressWarnings("unchecked")
  private static List<LedgerLine> ledgerLines(FxRobot robot) {
    return fx(() -> List.copyOf(robot.lookup("#ledgerTable").queryAs(TableView.class).getItems()));
  }

  @SuppressWarnings("unchecked")
  private static ListView<Line> bulkLines(FxRobot robot) {
    return robot.lookup("#bulkLines").queryAs(ListView.class);
  }

  private static String text(FxRobot robot, String query) {
    return fx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
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
