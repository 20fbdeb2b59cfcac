package dev.arbiter.app.shell;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.live.OutageServer;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console through a real outage: its database server is stopped and started again (same folder,
 * same port) while a support agent works a case. The console must say so within five seconds, hold
 * back actions, keep what is typed on disk, come back by itself within ten seconds of the restart,
 * show what changed meanwhile, and send the kept reply exactly once. The FX thread never waits.
 */
@ExtendWith(ApplicationExtension.class)
class OutageIT {

  private static final String REPLY = "Offline draft: we are checking the delivered files.";
  private static OutageServer server;
  private static Deal deal;
  private static long dispute;
  private static String reference;

  private TestConsole console;
  private Path drafts;

  @BeforeAll
  static void startServer() throws Exception {
    server = OutageServer.start();
    try (Connection owner = server.migrator()) {
      deal = DisputeFixtures.deal(owner, "Olive Offline", "Rene Reconnect", 30_000);
      dispute = DisputeFixtures.open().status("under_review").insert(owner, deal);
      try (Statement s = owner.createStatement();
          ResultSet rs = s.executeQuery("SELECT reference FROM disputes WHERE id = " + dispute)) {
        rs.next();
        reference = rs.getString(1);
      }
    }
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Start
  void start(Stage stage) throws IOException {
    drafts = Files.createTempDirectory("arbiter-outage-drafts");
    console =
        TestConsole.start(
            stage, new ConsoleTarget(server.jdbcUrl(), true, "Outage test server"), drafts);
  }

  @AfterEach
  void closeConsole() {
    console.close();
  }

  @Test
  void theConsoleRidesOutADatabaseRestartKeepingDraftsAndActions(FxRobot robot) throws Exception {
    console.signIn("demo_support");
    waitUntil(() -> console.text("#connectionState").equals("online"));
    waitUntil(() -> console.text("#openDisputesValue").equals("1"));
    openTheCase();
    String key = "dispute:" + dispute + ":reply";
    try (FxWatchdog watchdog = FxWatchdog.start()) {
      long stopping = System.nanoTime();
      server.stop();
      waitUntil(
          () -> console.text("#connectionState").equals("offline") && visible("#connectionBanner"));
      Duration detection = since(stopping);
      assertThat(console.text("#connectionBannerText")).startsWith("Offline:");

      robot.clickOn("#replyText").write(REPLY);
      robot.clickOn("#sendReply");
      WaitForAsyncUtils.waitForFxEvents();
      // Held back: the form never goes busy and nothing fails, the text stays there.
      Waits.atMost(Duration.ofSeconds(30))
          .during(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                assertThat(fx(() -> console.lookup("#replyText").query().isDisabled())).isFalse();
                assertThat(console.text("#replyError")).isEmpty();
                assertThat(replyText()).isEqualTo(REPLY);
              });
      robot.clickOn("#caseMove");
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(fx(() -> console.lookup("#caseMove").queryAs(MenuButton.class).isShowing()))
          .as("a menu of actions does not open offline")
          .isFalse();
      waitUntil(() -> REPLY.equals(journalOnDisk().get(key)));
      console.screenshot("offline.png");

      server.restart();
      long restarted = System.nanoTime();
      openDisputeAsBackend();
      waitUntil(() -> console.text("#connectionState").equals("online"));
      Duration reconnection = since(restarted);
      assertThat(console.text("#connectionBannerText")).startsWith("Back online");

      System.out.printf(
          "outage: offline shown %d ms after the stop, online %d ms after the restart%n",
          detection.toMillis(), reconnection.toMillis());
      assertThat(detection).isLessThan(Latency.target(Duration.ofSeconds(5)));
      assertThat(reconnection).isLessThan(Latency.target(Duration.ofSeconds(10)));
      assertThat(replyText()).isEqualTo(REPLY);
      assertThat(messagesByStaff()).isZero();

      robot.clickOn("#sendReply");
      waitUntil(() -> messagesByStaff() == 1);
      waitUntil(() -> !journalOnDisk().containsKey(key));
      assertThat(replyText()).isEmpty();

      robot.clickOn("#nav-dashboard");
      waitUntil(() -> console.text("#openDisputesValue").equals("2"));
      System.out.printf("outage: longest FX wait %d ms%n", watchdog.longestWait().toMillis());
      assertThat(watchdog.longestWait()).isLessThan(Latency.target(Duration.ofSeconds(1)));
    }
    assertThat(messagesByStaff()).isEqualTo(1);
  }

  @Test
  void signingOutWhileOfflineReturnsToTheLoginAtOnce(FxRobot robot) throws Exception {
    console.signIn("demo_support");
    waitUntil(() -> console.text("#connectionState").equals("online"));
    server.stop();
    try {
      waitUntil(() -> console.text("#connectionState").equals("offline"));
      long clicked = System.nanoTime();
      robot.clickOn("#signOutButton");
      waitUntil(() -> console.has("#loginField"));
      assertThat(since(clicked)).isLessThan(Latency.target(Duration.ofSeconds(2)));
    } finally {
      server.restart();
    }
  }

  @Test
  void aDialogOpenWhenTheDatabaseGoesHoldsItsSaveUntilItIsBack(FxRobot robot) throws Exception {
    console.signIn("demo_support");
    waitUntil(() -> console.text("#connectionState").equals("online"));
    console.open(Area.DISPUTES, "#saveView");
    console.click("#saveView");
    waitUntil(() -> robot.lookup("#viewName").tryQuery().isPresent());
    robot.clickOn("#viewName").write("Held while offline");

    server.stop();
    try {
      waitUntil(() -> console.text("#connectionState").equals("offline"));
      robot.clickOn("#saveViewOk");
      WaitForAsyncUtils.waitForFxEvents();
      // Held back: the dialog stays open with the name typed in it.
      Waits.atMost(Duration.ofSeconds(30))
          .during(Duration.ofMillis(300))
          .untilAsserted(
              () ->
                  assertThat(
                          fx(
                              () ->
                                  robot
                                      .lookup("#viewName")
                                      .tryQueryAs(TextField.class)
                                      .map(TextField::getText)
                                      .orElse(null)))
                      .isEqualTo("Held while offline"));
      TestConsole.screenshot(robot.lookup("#viewName").query(), "offline-dialog.png");
    } finally {
      server.restart();
    }
    waitUntil(() -> console.text("#connectionState").equals("online"));
    assertThat(savedViews("Held while offline")).isZero();

    robot.clickOn("#saveViewOk");
    waitUntil(() -> robot.lookup("#viewName").tryQuery().isEmpty());
    waitUntil(() -> savedViews("Held while offline") == 1);
  }

  private static long savedViews(String name) throws Exception {
    try (Connection c = server.superuser();
        PreparedStatement count =
            c.prepareStatement("SELECT count(*) FROM dispute_saved_views WHERE name = ?")) {
      count.setString(1, name);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void openTheCase() {
    console.shortcut(Area.DISPUTES);
    waitUntil(() -> !console.rows("#disputeTable").isEmpty());
    console.openCase(0);
    assertThat(console.text("#caseReference")).isEqualTo(reference);
    waitUntil(() -> !fx(() -> console.lookup("#replyText").query().isDisabled()));
  }

  /** The external writer: the marketplace opens a dispute right after the server is back. */
  private static void openDisputeAsBackend() throws Exception {
    try (Connection backend = server.as("demo_backend")) {
      backend.setAutoCommit(false);
      try (Statement s = backend.createStatement()) {
        s.execute("SET LOCAL arbiter.actor = 'svc:marketplace-api'");
      }
      try (PreparedStatement insert =
          backend.prepareStatement(
              "INSERT INTO disputes (reference, contract_id, escrow_id, opened_by, reason_code,"
                  + " amount_disputed_minor, currency) VALUES ('DSP-880001', ?, ?, ?, 'quality',"
                  + " 1500, 'USD')")) {
        insert.setLong(1, deal.contract());
        insert.setLong(2, deal.escrow());
        insert.setLong(3, deal.client());
        insert.executeUpdate();
      }
      backend.commit();
    }
  }

  private static long messagesByStaff() throws Exception {
    try (Connection c = server.superuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM dispute_messages WHERE author_staff = 'demo_support'"
                    + " AND dispute_id = "
                    + dispute)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Map<String, String> journalOnDisk() throws IOException {
    Path file = drafts.resolve("demo_support.json");
    if (!Files.exists(file)) {
      return Map.of();
    }
    return new ObjectMapper().readValue(file.toFile(), new TypeReference<>() {});
  }

  private String replyText() {
    return fx(() -> console.lookup("#replyText").queryAs(TextArea.class).getText());
  }

  private boolean visible(String query) {
    return fx(
        () -> {
          Node node = console.lookup(query).query();
          return node.isVisible() && node.isManaged();
        });
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }
}
