package dev.arbiter.app.moderation;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.shell.Area;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationFixture;
import dev.arbiter.persistence.moderation.ModerationFixture.BackendFlag;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One console and the outside world: a flag the marketplace raises arrives in the open queue by
 * itself, a colleague opening an item shows as an eye on its row, and their claim on the item the
 * moderator has open shows in a banner.
 */
@ExtendWith(ApplicationExtension.class)
class ModerationLiveFlowIT {

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
    console = TestConsole.start(stage, db.jdbcUrl());
  }

  @AfterEach
  void closeConsole() {
    console.close();
  }

  @Test
  void aFlagFromTheMarketplaceArrivesLiveAndAColleagueShowsOnTheirItem(FxRobot robot)
      throws Exception {
    openModeration();
    QueueRow open = selected();
    assertThat(rows()).hasSize(3);
    long message;
    try (Connection owner = db.migrator()) {
      message = ModerationFixture.message(owner, author, "Send 500 USD to my crypto wallet first");
    }

    ModerationFixture.raiseAsBackend(db, new BackendFlag(message, author, "fraud", "critical"));

    ItemKey arrived = ItemKey.of("dispute_message", message);
    waitUntil(() -> rows().stream().anyMatch(r -> r.key().equals(arrived)));
    assertThat(rows().get(0).key()).isEqualTo(arrived);
    assertThat(selected().key()).isEqualTo(open.key());

    // A colleague opens the new item in their console: an eye on its row.
    QueueRow top = rows().get(0);
    PresenceService colleague =
        new PresenceService(db.access(ModerationFixture.SECOND_MODERATOR), Duration.ofSeconds(35));
    colleague.publish(Map.of(PresenceKey.flag(top.rowId()), PresenceMode.VIEWING));
    waitUntil(() -> presenceIcon(0) != null);
    assertThat(presenceIcon(0).getStyleClass()).contains("presence-viewing");

    // And then claims the item this moderator has open: the item view says so.
    try (Connection max =
        DriverManager.getConnection(db.jdbcUrl(), ModerationFixture.SECOND_MODERATOR, "demo")) {
      ModerationFixture.exec(max, "SELECT moderation_claim('dispute_message', ?)", open.key().id());
    }
    waitUntil(() -> fx(() -> console.lookup("#recordChangedBanner").query().isVisible()));
    assertThat(console.text("#recordChangedText"))
        .isEqualTo(
            "Changed by test_moderator2 while you had it open: claimed by — → test_moderator2");
    waitUntil(() -> console.textOrEmpty("#itemClaim").startsWith("Claimed by test_moderator2"));
    console.screenshot("moderation-live.png");
    colleague.publish(Map.of());
  }

  private void openModeration() {
    console.signIn("demo_moderator");
    console.open(Area.MODERATION, "#moderationQueue");
    waitUntil(() -> !rows().isEmpty() && selected() != null);
    waitUntil(() -> console.textOrEmpty("#itemPreview").startsWith("You are useless"));
  }

  // The presence cell's icon on row {@code index}, or null when nobody else is there.
  private FontIcon presenceIcon(int index) {
    return fx(
        () ->
            console
                .lookup("#moderationQueue")
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

  private List<QueueRow> rows() {
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
}
