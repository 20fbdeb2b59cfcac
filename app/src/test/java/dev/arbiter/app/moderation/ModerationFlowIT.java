package dev.arbiter.app.moderation;

import static dev.arbiter.app.testing.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.shell.Area;
import dev.arbiter.app.testing.StandInWaits;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.moderation.ModerationFixture;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
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
  private TestConsole console;

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
    console = TestConsole.start(stage, db.jdbcUrl());
  }

  @AfterEach
  void closeConsole() {
    console.close();
  }

  @Test
  @Order(1)
  void claimPreviewHideAndTheItemLeavesTheOpenQueueWithTheDecisionAudited(FxRobot robot)
      throws Exception {
    openModeration("demo_moderator");
    QueueRow top = selected();
    assertThat(top.preview()).startsWith("Send the payment to my PayPal");
    assertThat(top.openFlags()).isEqualTo(3);
    // The item renders after its detail is read: wait for the node as well as its text.
    waitUntil(
        () ->
            console.has("#itemPreview")
                && console.text("#itemPreview").startsWith("Send the payment"));
    assertThat(console.text("#moderationShortcuts")).contains("C claim").contains("D dismiss");
    console.screenshot("moderation-queue.png");

    robot.type(KeyCode.C);
    waitUntil(() -> console.textOrEmpty("#itemClaim").startsWith("Claimed by you until"));
    // Claiming again renews the claim, and the button says so rather than offering the same claim.
    assertThat(console.text("#itemClaimButton")).isEqualTo("Extend claim (C)");
    robot.type(KeyCode.A);
    waitUntil(() -> robot.lookup("#decisionDialog").tryQuery().isPresent());
    robot.clickOn("#decisionReason");
    robot.clickOn("Asking for payment outside the platform");
    robot.clickOn("#decisionNote").write("PayPal address in the message");
    TestConsole.screenshot(robot.lookup("#decisionDialog").query(), "moderation-decision.png");
    robot.clickOn("#decisionConfirm");

    waitUntil(() -> rows().stream().noneMatch(r -> r.key().equals(top.key())));
    waitUntil(() -> console.text("#itemMessage").startsWith("hide the content: done"));
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
    robot.clickOn(console.lookup("#filterStatus").queryAs(Node.class));
    robot.clickOn("Status: actioned");
    waitUntil(() -> rows().size() == 1 && selected() != null);
    waitUntil(() -> timeline().contains("decided hide_content (off_platform_payment"));
    assertThat(timeline()).contains("demo_moderator");
    fx(
        () -> {
          console
              .lookup("#moderationItem")
              .queryAs(javafx.scene.control.ScrollPane.class)
              .setVvalue(1);
          return null;
        });
    console.screenshot("moderation-item.png");

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
    TestConsole.screenshot(robot.lookup("#decisionLogDialog").query(), "moderation-log.png");
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
    openModeration("demo_moderator");
    robot.type(KeyCode.J);
    QueueRow row = selected();
    waitUntil(() -> console.textOrEmpty("#itemClaim").startsWith("Unclaimed"));
    try (Connection max =
        DriverManager.getConnection(db.jdbcUrl(), ModerationFixture.SECOND_MODERATOR, "demo")) {
      ModerationFixture.exec(max, "SELECT moderation_claim('dispute_message', ?)", row.key().id());
    }

    robot.type(KeyCode.C);

    waitUntil(
        () -> console.text("#itemError").startsWith("Refused: claimed by test_moderator2 until"));
    waitUntil(
        () -> console.textOrEmpty("#itemClaim").startsWith("Claimed by test_moderator2 until"));
    assertThat(fx(() -> console.lookup("#itemActButton").queryAs(Button.class).isDisabled()))
        .isTrue();
    console.screenshot("moderation-conflict.png");

    // Bulk over everything matching the filter: the colleague's item is refused, the rest go.
    int open = rows().size();
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
    TestConsole.screenshot(robot.lookup("#bulkDialog").query(), "moderation-bulk.png");
    waitUntil(() -> rows().size() == 1 && rows().get(0).key().equals(row.key()));
  }

  @Test
  @Order(3)
  void theQueueKeepsTheFocusTheWindowMovesUntilTheModeratorMovesIt(FxRobot robot) {
    openModeration("demo_moderator");
    // A shortcut is not the moderator moving the focus (pressing Ctrl+4 again while here is what
    // kept the focus in the header in CI).
    console.shortcut(Area.MODERATION);

    // What the scene does by itself when a window gains its focus late, or its focus owner goes:
    // the first traversable node, in the header, takes it.
    fx(
        () -> {
          console.lookup("#themeButton").query().requestFocus();
          return null;
        });
    waitUntil(() -> fx(() -> console.lookup("#moderationQueue").query().isFocused()));

    console.click("#globalSearch");
    waitUntil(() -> fx(() -> console.lookup("#globalSearch").query().isFocused()));
    Waits.atMost(Duration.ofSeconds(30))
        .during(Duration.ofMillis(300))
        .until(() -> fx(() -> console.lookup("#globalSearch").query().isFocused()));
  }

  private void openModeration(String login) {
    console.signIn(login);
    console.shortcut(Area.MODERATION);
    waitUntil(() -> console.has("#moderationQueue"));
    waitUntil(() -> !rows().isEmpty() && selected() != null);
    // Keyboard-first: the queue has the focus as soon as the area shows.
    waitUntil(() -> fx(() -> console.lookup("#moderationQueue").query().isFocused()));
  }

  private java.util.List<QueueRow> rows() {
    return console.rows("#moderationQueue");
  }

  private QueueRow selected() {
    return fx(
        () ->
            (QueueRow)
                console
                    .lookup("#moderationQueue")
                    .queryAs(TableView.class)
                    .getSelectionModel()
                    .getSelectedItem());
  }

  private String timeline() {
    return fx(
        () ->
            console.lookup("#itemTimeline").tryQuery().stream()
                .flatMap(box -> ((VBox) box).getChildren().stream())
                .map(n -> ((Labeled) n).getText())
                .reduce("", (a, b) -> a + "\n" + b));
  }

  private void waitUntil(Callable<Boolean> condition) {
    try {
      StandInWaits.waitFor(condition, Duration.ofSeconds(15));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; item pane: " + itemState(), e);
    }
  }

  private String itemState() {
    return fx(
        () ->
            console.stage().getScene().getRoot().lookupAll(".label").stream()
                    .filter(n -> n.getId() != null && n.getId().startsWith("item"))
                    .map(n -> n.getId() + "=" + ((Labeled) n).getText())
                    .toList()
                    .toString()
                + "; focus on "
                + console.stage().getScene().getFocusOwner()
                + "; focus moves:"
                + console.focusHistory());
  }
}
