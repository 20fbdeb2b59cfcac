package dev.arbiter.app.moderation;

import static dev.arbiter.app.testing.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.shell.ConsoleShell;
import dev.arbiter.persistence.moderation.ModerationFixture;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Moderation end to end, headless: claim, preview, hide the content, see the item leave the open
 * queue and the decision in its audit timeline; and a colleague's claim refusing ours.
 */
@ExtendWith(ApplicationExtension.class)
// Both flows share one database: the hide-and-undo flow runs on the fixture as created.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModerationFlowIT {

  private static TestDatabase db;
  private static long author;
  private ExecutorTaskRunner tasks;
  private ConsoleShell shell;
  private Stage stage;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    ModerationFixture.secondModerator(db);
    try (Connection owner = db.migrator()) {
      author = ModerationFixture.user(owner);
      String[][] items = {
        {"Send the payment to my PayPal instead, it is cheaper for both of us", "critical"},
        {"You are useless and everyone should know it", "high"},
        {"Check out my other gigs at cheap-logos.example", "medium"},
        {"I will deliver tomorrow morning", "low"}
      };
      for (String[] item : items) {
        long message = ModerationFixture.message(owner, author, item[0]);
        for (int i = 0; i < (item[1].equals("critical") ? 3 : 1); i++) {
          ModerationFixture.flag(
              owner,
              "dispute_message",
              message,
              ModerationFixture.user(owner),
              i == 0 ? "off_platform_payment" : "fraud",
              item[1]);
        }
      }
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
  @Order(1)
  void claimPreviewHideAndTheItemLeavesTheOpenQueueWithTheDecisionAudited(FxRobot robot)
      throws Exception {
    openModeration(robot, "demo_moderator");
    QueueRow top = selected(robot);
    assertThat(top.preview()).startsWith("Send the payment to my PayPal");
    assertThat(top.openFlags()).isEqualTo(3);
    waitUntil(() -> text(robot, "#itemPreview").startsWith("Send the payment"));
    assertThat(text(robot, "#moderationShortcuts")).contains("C claim").contains("D dismiss");
    screenshot(stage.getScene().getRoot(), "moderation-queue.png");

    robot.type(KeyCode.C);
    waitUntil(() -> text(robot, "#itemClaim").startsWith("Claimed by you until"));
    robot.type(KeyCode.A);
    waitUntil(() -> robot.lookup("#decisionDialog").tryQuery().isPresent());
    robot.clickOn("#decisionReason");
    robot.clickOn("Asking for payment outside the platform");
    robot.clickOn("#decisionNote").write("PayPal address in the message");
    screenshot(robot.lookup("#decisionDialog").query(), "moderation-decision.png");
    robot.clickOn("#decisionConfirm");

    waitUntil(() -> rows(robot).stream().noneMatch(r -> r.key().equals(top.key())));
    waitUntil(() -> text(robot, "#itemMessage").startsWith("hide the content: done"));
    try (Connection owner = db.migrator()) {
      assertThat(
              ModerationFixture.count(
                  owner,
                  "SELECT count(*) FROM audit_log WHERE entity_type = 'moderation_decisions'"
                      + " AND action = 'insert' AND actor = 'demo_moderator'"
                      + " AND new_values ->> 'entity_id' = ?",
                  Long.toString(top.key().id())))
          .isEqualTo(1);
      assertThat(
              ModerationFixture.text(
                  owner,
                  "SELECT hidden_at IS NOT NULL FROM dispute_messages WHERE id = ?",
                  top.key().id()))
          .isEqualTo("t");
    }

    // The closed item, found through the status filter, shows the decision in its timeline.
    robot.clickOn(find(robot, "#filterStatus").queryAs(Node.class));
    robot.clickOn("Status: actioned");
    waitUntil(() -> rows(robot).size() == 1 && selected(robot) != null);
    waitUntil(() -> timeline(robot).contains("decided hide_content (off_platform_payment"));
    assertThat(timeline(robot)).contains("demo_moderator");
    fx(
        () -> {
          find(robot, "#moderationItem")
              .queryAs(javafx.scene.control.ScrollPane.class)
              .setVvalue(1);
          return null;
        });
    screenshot(stage.getScene().getRoot(), "moderation-item.png");

    // The decision log takes it back: the message shows again and its flags reopen.
    robot.type(KeyCode.G);
    waitUntil(() -> robot.lookup("#decisionLog").tryQuery().isPresent());
    waitUntil(() -> fx(() -> !robot.lookup("#decisionLog").queryListView().getItems().isEmpty()));
    fx(
        () -> {
          robot.lookup("#decisionLog").queryListView().getSelectionModel().select(0);
          return null;
        });
    robot.clickOn("#decisionLogUndo");
    waitUntil(
        () ->
            fx(() -> robot.lookup("#decisionLogStatus").queryAs(Labeled.class).getText())
                .startsWith("Undid decision"));
    screenshot(robot.lookup("#decisionLogDialog").query(), "moderation-log.png");
    try (Connection owner = db.migrator()) {
      assertThat(
              ModerationFixture.text(
                  owner, "SELECT hidden_at FROM dispute_messages WHERE id = ?", top.key().id()))
          .isNull();
      assertThat(
              ModerationFixture.text(
                  owner,
                  "SELECT status || ' ' || open_count FROM moderation_items"
                      + " WHERE entity_type = 'dispute_message' AND entity_id = ?",
                  top.key().id()))
          .isEqualTo("open 3");
    }
  }

  @Test
  @Order(2)
  void aColleaguesClaimIsShownAndRefusesOurs(FxRobot robot) throws Exception {
    openModeration(robot, "demo_moderator");
    robot.type(KeyCode.J);
    QueueRow row = selected(robot);
    waitUntil(() -> text(robot, "#itemClaim").startsWith("Unclaimed"));
    try (Connection max =
        DriverManager.getConnection(db.jdbcUrl(), ModerationFixture.SECOND_MODERATOR, "demo")) {
      ModerationFixture.exec(max, "SELECT moderation_claim('dispute_message', ?)", row.key().id());
    }

    robot.type(KeyCode.C);

    waitUntil(
        () -> text(robot, "#itemError").startsWith("Refused: claimed by test_moderator2 until"));
    waitUntil(() -> text(robot, "#itemClaim").startsWith("Claimed by test_moderator2 until"));
    assertThat(fx(() -> find(robot, "#itemActButton").queryAs(Button.class).isDisabled())).isTrue();
    screenshot(stage.getScene().getRoot(), "moderation-conflict.png");

    // Bulk over everything matching the filter: the colleague's item is refused, the rest go.
    int open = rows(robot).size();
    robot.type(KeyCode.B);
    waitUntil(() -> robot.lookup("#bulkScope").tryQuery().isPresent());
    waitUntil(
        () ->
            fx(() -> robot.lookup("#bulkScope").queryAs(Labeled.class).getText())
                .equals(open + " items match the filter"));
    robot.clickOn("#bulkRun");
    waitUntil(
        () ->
            fx(() -> robot.lookup("#bulkSummary").queryAs(Labeled.class).getText())
                .equals((open - 1) + " decided, 1 refused"));
    screenshot(robot.lookup("#bulkDialog").query(), "moderation-bulk.png");
    waitUntil(() -> rows(robot).size() == 1 && rows(robot).get(0).key().equals(row.key()));
  }

  private void openModeration(FxRobot robot, String login) {
    robot.clickOn(find(robot, "#loginField").queryAs(Node.class)).write(login);
    robot.clickOn(find(robot, "#passwordField").queryAs(Node.class)).write("demo");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> find(robot, "#navigation").tryQuery().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    waitUntil(() -> find(robot, "#moderationQueue").tryQuery().isPresent());
    waitUntil(() -> !rows(robot).isEmpty() && selected(robot) != null);
    // Keyboard-first: the queue has the focus as soon as the area shows.
    waitUntil(() -> fx(() -> find(robot, "#moderationQueue").query().isFocused()));
  }

  // Scoped to this test's stage: windows of earlier tests may still hold stale nodes.
  private org.testfx.service.query.NodeQuery find(FxRobot robot, String query) {
    return robot.from(stage.getScene().getRoot()).lookup(query);
  }

  @SuppressWarnings("unchecked")
  private java.util.List<QueueRow> rows(FxRobot robot) {
    return fx(
        () ->
            java.util.List.copyOf(
                find(robot, "#moderationQueue").queryAs(TableView.class).getItems()));
  }

  private QueueRow selected(FxRobot robot) {
    return fx(
        () ->
            (QueueRow)
                find(robot, "#moderationQueue")
                    .queryAs(TableView.class)
                    .getSelectionModel()
                    .getSelectedItem());
  }

  private String timeline(FxRobot robot) {
    return fx(
        () ->
            find(robot, "#itemTimeline").tryQuery().stream()
                .flatMap(box -> ((VBox) box).getChildren().stream())
                .map(n -> ((Labeled) n).getText())
                .reduce("", (a, b) -> a + "\n" + b));
  }

  private String text(FxRobot robot, String query) {
    return fx(() -> find(robot, query).queryAs(Labeled.class).getText());
  }

  private static void screenshot(Node inScene, String name) throws IOException {
    String dir = System.getProperty("arbiter.screenshots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    WaitForAsyncUtils.waitForFxEvents();
    var image = fx(() -> SwingFXUtils.fromFXImage(inScene.getScene().snapshot(null), null));
    Path target = Path.of(dir).resolve(name);
    Files.createDirectories(target.getParent());
    ImageIO.write(image, "png", new File(target.toString()));
  }

  private void waitUntil(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("condition not met within 15 s; item pane: " + itemState(), e);
    }
  }

  private String itemState() {
    return fx(
        () ->
            stage.getScene().getRoot().lookupAll(".label").stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("item"))
                .map(n -> n.getId() + "=" + ((Labeled) n).getText())
                .toList()
                .toString());
  }
}
