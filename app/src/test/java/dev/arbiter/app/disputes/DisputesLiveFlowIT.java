package dev.arbiter.app.disputes;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.shell.Area;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Disputes area live, headless, as demo_support, while the marketplace backend (demo_backend)
 * and a finance colleague (demo_finance) work on the same database: a new dispute appears in the
 * queue without a refresh and the selection stays on its case, a change to the open case shows in a
 * banner with what changed and who (the user and the backend login that wrote for them), the
 * colleague's presence shows in the queue and the case header, and an unsent reply survives
 * switching cases.
 */
@ExtendWith(ApplicationExtension.class)
class DisputesLiveFlowIT {

  private static TestDatabase db;
  private static Deal deal;
  private static String party;
  private static long first;

  private TestConsole console;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    party = "Nina Now" + Fixtures.next();
    try (Connection owner = db.migrator()) {
      deal = DisputeFixtures.deal(owner, party, "Otto Output", 50_000);
      first =
          DisputeFixtures.open()
              .status("awaiting_parties")
              .priority("high")
              .due(Instant.now().plus(5, ChronoUnit.HOURS), null)
              .insert(owner, deal);
      for (int hours = 6; hours <= 7; hours++) {
        DisputeFixtures.open()
            .status("awaiting_parties")
            .due(Instant.now().plus(hours, ChronoUnit.HOURS), null)
            .insert(owner, deal);
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
  void othersWorkShowsLiveInTheQueueAndTheOpenCase(FxRobot robot) throws Exception {
    openDisputes();
    waitUntil(() -> rows().size() == 3);
    console.openCase(0);
    assertThat(console.textOrEmpty("#caseReference")).isEqualTo(reference(first));

    // The backend opens a dispute due sooner than all: it lands on top, the selection follows.
    long opened = backendOpens(Instant.now().plus(1, ChronoUnit.HOURS));
    waitUntil(() -> rows().size() == 4 && rows().get(0).id() == opened);
    assertThat(fx(() -> table().getSelectionModel().getSelectedItem().id())).isEqualTo(first);

    backendMoves(first, "under_review");
    waitUntil(() -> visible("#recordChangedBanner"));
    assertThat(console.textOrEmpty("#recordChangedText"))
        .isEqualTo(
            "Changed by user:"
                + deal.client()
                + " (via demo_backend) while you had it open: status awaiting parties → under"
                + " review.");
    // The case's timeline names the backend login beside the user it wrote for.
    waitUntil(() -> timelineLines().contains("user:" + deal.client() + " (via demo_backend)"));
    waitUntil(() -> console.textOrEmpty("#caseStatus").equals("Under review"));
    waitUntil(() -> rows().get(1).status().equals("Under review"));

    try (StaffDatabase finance =
        StaffDatabase.open(
            new ConsoleTarget(db.jdbcUrl(), false, "test"), "demo_finance", "demo")) {
      new PresenceService(finance.access(), Duration.ofSeconds(60))
          .publish(Map.of(PresenceKey.dispute(first), PresenceMode.VIEWING));
      waitUntil(() -> console.textOrEmpty("#presenceLine").equals("Also here: Fran Finance"));
      waitUntil(() -> presenceIcons("presence-viewing") == 1);
      console.screenshot("disputes-live.png");

      // Typing a reply tells the colleague this console is editing the case.
      PresenceService seen = new PresenceService(finance.access(), Duration.ofSeconds(60));
      robot.clickOn("#replyText").write("Checking with the freelancer");
      waitUntil(
          () ->
              seen.others().stream()
                  .anyMatch(
                      p ->
                          p.login().equals("demo_support")
                              && p.key().equals(PresenceKey.dispute(first))
                              && p.mode() == PresenceMode.EDITING));
    }
  }

  @Test
  void anUnsentReplyIsKeptPerCaseWhenSwitchingCases(FxRobot robot) throws Exception {
    openDisputes();
    waitUntil(() -> rows().size() >= 3);
    console.openCase(0);
    String a = console.textOrEmpty("#caseReference");
    robot.clickOn("#replyText").write("Draft for the first case");
    console.openCase(1);
    waitUntil(() -> !console.textOrEmpty("#caseReference").equals(a));
    waitUntil(() -> fx(() -> replyText()).isEmpty());
    console.openCase(0);
    waitUntil(() -> console.textOrEmpty("#caseReference").equals(a));
    waitUntil(() -> fx(() -> replyText()).equals("Draft for the first case"));
  }

  /**
   * The texts of the open case's Timeline tab, read without selecting it so the reply box the flow
   * types in next stays shown.
   */
  private List<String> timelineLines() {
    return fx(
        () -> {
          TabPane tabs =
              console
                  .lookup(".tab-pane")
                  .match((TabPane p) -> p.getTabs().stream().anyMatch(t -> isTimeline(t)))
                  .query();
          Tab timeline = tabs.getTabs().stream().filter(t -> isTimeline(t)).findFirst().get();
          return ((ScrollPane) timeline.getContent())
              .getContent().lookupAll(".label").stream().map(l -> ((Labeled) l).getText()).toList();
        });
  }

  private static boolean isTimeline(Tab tab) {
    return "tabTimeline".equals(tab.getId());
  }

  private String replyText() {
    return console.lookup("#replyText").queryAs(TextArea.class).getText();
  }

  private void openDisputes() {
    console.signIn("demo_support");
    console.open(Area.DISPUTES, "#disputeTable");
    fx(
        () -> {
          @SuppressWarnings("unchecked")
          ComboBox<Option<?>> status = console.lookup("#filterStatus").queryAs(ComboBox.class);
          status.getSelectionModel().select(0);
          console.lookup("#queueSearch").queryAs(TextField.class).setText(party);
          console
              .lookup("#queueSearch")
              .queryAs(TextField.class)
              .fireEvent(new javafx.event.ActionEvent());
          return null;
        });
  }

  private int presenceIcons(String style) {
    return fx(() -> (int) table().lookupAll("." + style).stream().filter(Node::isVisible).count());
  }

  private TableView<QueueItem> table() {
    return console.table("#disputeTable");
  }

  private List<QueueItem> rows() {
    return console.rows("#disputeTable");
  }

  private boolean visible(String query) {
    return fx(() -> console.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
  }

  private static String reference(long id) throws SQLException {
    try (Connection c = db.superuser()) {
      return (String) Fixtures.value(c, "SELECT reference FROM disputes WHERE id = ?", id);
    }
  }

  private static long backendOpens(Instant due) throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      actor(backend);
      long id;
      try (PreparedStatement ps =
          backend.prepareStatement(
              "INSERT INTO disputes (reference, contract_id, escrow_id, opened_by, reason_code,"
                  + " priority, amount_disputed_minor, currency, response_due_at)"
                  + " VALUES (?, ?, ?, ?, 'not_delivered', 'urgent', 9900, 'USD', ?)"
                  + " RETURNING id")) {
        ps.setString(1, String.format("DSP-8%05d", Fixtures.next()));
        ps.setLong(2, deal.contract());
        ps.setLong(3, deal.escrow());
        ps.setLong(4, deal.client());
        ps.setTimestamp(5, Timestamp.from(due));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      backend.commit();
      return id;
    }
  }

  private static void backendMoves(long id, String status) throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      actor(backend);
      try (PreparedStatement ps =
          backend.prepareStatement("UPDATE disputes SET status = ? WHERE id = ?")) {
        ps.setString(1, status);
        ps.setLong(2, id);
        ps.executeUpdate();
      }
      backend.commit();
    }
  }

  private static void actor(Connection backend) throws SQLException {
    try (Statement s = backend.createStatement()) {
      s.execute("SET LOCAL arbiter.actor = 'user:" + deal.client() + "'");
    }
  }
}
