package dev.arbiter.app.moderation;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.shell.ConsoleShell;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationFixture;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One console and the outside world: a flag the marketplace raises arrives in the open queue by
 * itself, a colleague opening an item shows as an eye on its row, and their claim on the item the
 * moderator has open shows in a banner.
 */
@ExtendWith(ApplicationExtension.class)
class ModerationLiveFlowIT {

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
        {"You are useless and everyone should know it", "high"},
        {"Check out my other gigs at cheap-logos.example", "medium"},
        {"I will deliver tomorrow morning", "low"}
      };
      for (String[] item : items) {
        long message = ModerationFixture.message(owner, author, item[0]);
        ModerationFixture.flag(
            owner, "dispute_message", message, ModerationFixture.user(owner), "spam", item[1]);
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
  void aFlagFromTheMarketplaceArrivesLiveAndAColleagueShowsOnTheirItem(FxRobot robot)
      throws Exception {
    openModeration(robot);
    QueueRow open = selected(robot);
    assertThat(rows(robot)).hasSize(3);
    long message;
    try (Connection owner = db.migrator()) {
      message = ModerationFixture.message(owner, author, "Send 500 USD to my crypto wallet first");
    }

    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      ModerationFixture.exec(backend, "SET LOCAL arbiter.actor = 'trust-safety-bot'");
      ModerationFixture.exec(
          backend,
          "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity)"
              + " VALUES ('dispute_message', ?, ?, 'fraud', 'critical')",
          message,
          author);
      backend.commit();
    }

    ItemKey arrived = ItemKey.of("dispute_message", message);
    waitUntil(() -> rows(robot).stream().anyMatch(r -> r.key().equals(arrived)));
    assertThat(rows(robot).get(0).key()).isEqualTo(arrived);
    assertThat(selected(robot).key()).isEqualTo(open.key());

    // A colleague opens the new item in their console: an eye on its row.
    QueueRow top = rows(robot).get(0);
    PresenceService colleague =
        new PresenceService(
            db.dataSource(ModerationFixture.SECOND_MODERATOR, "demo"), Duration.ofSeconds(35));
    colleague.publish(Map.of(PresenceKey.flag(top.rowId()), PresenceMode.VIEWING));
    waitUntil(() -> presenceIcon(robot, 0) != null);
    assertThat(presenceIcon(robot, 0).getStyleClass()).contains("presence-viewing");

    // And then claims the item this moderator has open: the item view says so.
    try (Connection max =
        DriverManager.getConnection(db.jdbcUrl(), ModerationFixture.SECOND_MODERATOR, "demo")) {
      ModerationFixture.exec(max, "SELECT moderation_claim('dispute_message', ?)", open.key().id());
    }
    waitUntil(() -> fx(() -> find(robot, "#recordChangedBanner").query().isVisible()));
    assertThat(text(robot, "#recordChangedText"))
        .isEqualTo(
            "Changed by test_moderator2 while you had it open: claimed by — → test_moderator2");
    waitUntil(() -> text(robot, "#itemClaim").startsWith("Claimed by test_moderator2"));
    screenshot(stage.getScene().getRoot(), "moderation-live.png");
    colleague.publish(Map.of());
  }

  private void openModeration(FxRobot robot) {
    robot.clickOn(find(robot, "#loginField").queryAs(Node.class)).write("demo_moderator");
    robot.clickOn(find(robot, "#passwordField").queryAs(Node.class)).write("demo");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> find(robot, "#navigation").tryQuery().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    waitUntil(() -> find(robot, "#moderationQueue").tryQuery().isPresent());
    waitUntil(() -> !rows(robot).isEmpty() && selected(robot) != null);
    waitUntil(() -> text(robot, "#itemPreview").startsWith("You are useless"));
  }

  // The presence cell's icon on row {@code index}, or null when nobody else is there.
  private FontIcon presenceIcon(FxRobot robot, int index) {
    return fx(
        () ->
            find(robot, "#moderationQueue")
                .queryAs(TableView.class)
                .lookupAll(".table-cell")
                .stream()
                .filter(
                    n ->
                        n instanceof javafx.scene.control.TableCell<?, ?> c
                            && c.getTableColumn() != null
                            && "presenceColumn".equals(c.getTableColumn().getId())
                            && c.getIndex() == index
                            && c.getGraphic() instanceof FontIcon)
                .map(n -> (FontIcon) ((javafx.scene.control.TableCell<?, ?>) n).getGraphic())
                .findFirst()
                .orElse(null));
  }

  private org.testfx.service.query.NodeQuery find(FxRobot robot, String query) {
    return robot.from(stage.getScene().getRoot()).lookup(query);
  }

  @SuppressWarnings("unchecked")
  private List<QueueRow> rows(FxRobot robot) {
    return fx(
        () -> List.copyOf(find(robot, "#moderationQueue").queryAs(TableView.class).getItems()));
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
}
