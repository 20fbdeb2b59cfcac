package dev.arbiter.app.disputes;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.shell.Area;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The disputes area end to end, headless, as demo_support: filter, sort, open a case, reply, add an
 * internal note, claim it and propose a settlement, each checked in the database; and paging
 * through a 100,000-row table while the list stays bounded.
 */
@ExtendWith(ApplicationExtension.class)
class DisputesFlowIT {

  private static final int BIG = 100_000;
  private static TestDatabase db;
  private static long underReview;
  private static long escalated;
  private static long breached;

  private TestConsole console;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      DisputeFixtures.fill(owner, BIG);
      Deal deal = DisputeFixtures.deal(owner, "Quentin Quill", "Rosa Render", 50_000);
      underReview =
          DisputeFixtures.open()
              .status("under_review")
              .priority("high")
              .amount(12_000, "USD")
              .due(Instant.now().plus(2, ChronoUnit.HOURS), "auto_escalate")
              .insert(owner, deal);
      escalated =
          DisputeFixtures.open().status("escalated").amount(8_000, "USD").insert(owner, deal);
      breached =
          DisputeFixtures.open()
              .priority("low")
              .amount(3_000, "USD")
              .due(Instant.now().minus(3, ChronoUnit.HOURS), null)
              .insert(owner, deal);
      owner
          .createStatement()
          .execute(
              "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body) VALUES ("
                  + underReview
                  + ", "
                  + deal.freelancer()
                  + ", 'parties', 'I delivered everything on time, see the attached files.')");
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
  void filterSortOpenReplyNoteAssignAndProposeASettlement(FxRobot robot) throws Exception {
    openDisputes();
    resetFilter(0);

    robot.clickOn("#queueSearch").write("quentin");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> rows().size() == 3);
    robot.clickOn("#colPriority");
    waitUntil(() -> references().equals(dbReferences("ORDER BY d.priority_rank")));
    assertThat(fx(() -> cellTexts(2))).contains("Quentin Quill ↔ Rosa Render");
    waitUntil(() -> slaCell(0).startsWith("overdue 3 h"));
    assertThat(slaCell(2)).startsWith("auto-escalates in 1 h");
    console.screenshot("disputes-queue.png");

    console.openCase(2);
    assertThat(console.textOrEmpty("#caseReference")).isEqualTo(reference(underReview));

    robot.clickOn("#replyText").write("Thanks, we are reviewing the delivery.");
    clickWhenEnabled(robot, "#sendReply");
    try {
      waitUntil(() -> count("visibility = 'parties' AND author_staff = 'demo_support'") == 1);
    } catch (AssertionError e) {
      throw new AssertionError(
          "no reply stored; case error '"
              + console.textOrEmpty("#caseError")
              + "', reply error '"
              + console.textOrEmpty("#replyError")
              + "'",
          e);
    }
    // The composers are disabled while the case reloads after the reply: typing waits for them.
    clickWhenEnabled(robot, "#noteText");
    robot.write("Freelancer's files look complete.");
    clickWhenEnabled(robot, "#addNote");
    try {
      waitUntil(() -> count("visibility = 'internal' AND author_staff = 'demo_support'") == 1);
    } catch (AssertionError e) {
      throw new AssertionError(
          "no note stored; case error '"
              + console.textOrEmpty("#caseError")
              + "', note error '"
              + console.textOrEmpty("#noteError")
              + "'",
          e);
    }

    clickWhenEnabled(robot, "#caseAssignMe");
    waitUntil(() -> "demo_support".equals(column(underReview, "assigned_to")));
    waitUntil(() -> cellTexts(2).contains("demo_support"));

    fx(
        () -> {
          console.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(5);
          return null;
        });
    robot.clickOn("#settlePayee").write("70.00");
    robot.clickOn("#settlePayer").write("40.00");
    robot.clickOn("#settleReason").write("Half the pages were late; both accepted a split.");
    clickWhenEnabled(robot, "#proposeSettlement");
    waitUntil(() -> console.textOrEmpty("#sharesError").contains("whole disputed amount"));
    assertThat(settlements()).isZero();

    robot.doubleClickOn("#settlePayer").eraseText(5).write("50.00");
    clickWhenEnabled(robot, "#proposeSettlement");
    // Enter confirms only once the dialog has the focus; until then it goes to the window below.
    waitUntil(
        () ->
            fx(
                () ->
                    robot
                        .lookup("#confirmDialog")
                        .tryQuery()
                        .map(n -> n.getScene().getWindow().isFocused())
                        .orElse(false)));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> "settling".equals(column(underReview, "status")));
    assertThat(
            value(
                db.superuser(),
                "SELECT outcome || ' ' || payee_minor || ' ' || payer_minor || ' ' || proposed_by"
                    + " FROM settlements WHERE dispute_id = ?",
                underReview))
        .isEqualTo("split 7000 5000 demo_support");
    waitUntil(() -> console.textOrEmpty("#caseStatus").equals("Settling"));
    fx(
        () -> {
          console.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(0);
          return null;
        });
    console.screenshot("disputes-case.png");
    assertThat(escalated).isPositive();
    assertThat(breached).isPositive();
  }

  @Test
  void pagingThroughAHundredThousandRowsKeepsTheListBounded(FxRobot robot) throws Exception {
    openDisputes();
    AtomicInteger largest = new AtomicInteger();
    fx(
        () -> {
          TableView<QueueItem> table = table();
          table
              .getItems()
              .addListener(
                  (ListChangeListener<QueueItem>)
                      c -> largest.accumulateAndGet(table.getItems().size(), Math::max));
          @SuppressWarnings("unchecked")
          ComboBox<Option<?>> status = console.lookup("#filterStatus").queryAs(ComboBox.class);
          status.getSelectionModel().select(1);
          return null;
        });
    robot.clickOn("#colReference");
    // Far more than the presses below reach: pages still in flight when they stop (a loaded
    // machine answers late) carry the window past row 600, and a row missing here reads as -1.
    List<String> expected = dbReferencesAll(2_000);
    waitUntil(() -> !rows().isEmpty() && references().get(0).equals(expected.get(0)));

    fx(
        () -> {
          table().requestFocus();
          table().getSelectionModel().clearAndSelect(0);
          return null;
        });
    // End moves to the last loaded row, which reads the next page; scrolling may read more.
    int deepest = 0;
    for (int presses = 0; deepest < 600 && presses < 40; presses++) {
      String before = last();
      robot.type(KeyCode.END);
      waitUntil(() -> !last().equals(before));
      deepest = expected.indexOf(last());
      assertThat(rows()).hasSizeLessThanOrEqualTo(DisputeQueueViewModel.WINDOW);
    }
    assertThat(deepest).isGreaterThanOrEqualTo(600);
    waitUntil(() -> !fx(() -> table().getItems().isEmpty()));
    List<String> window = references();
    int end = expected.indexOf(window.get(window.size() - 1));
    // The window is exactly the rows of the table between its ends: no gap, no repeat.
    assertThat(window)
        .containsExactlyElementsOf(expected.subList(end + 1 - window.size(), end + 1));
    assertThat(window).hasSize(DisputeQueueViewModel.WINDOW);

    // One Home often reads two pages (the selection reaches the top, then the scroll bar does), so
    // a page may still be arriving when the wait below is met. Read the top row once per press: if
    // that page brings the window to the very top between two reads, a second read would press
    // Home where nothing is left to load and wait for a change that never comes.
    for (int presses = 0; presses < 40; presses++) {
      String before = references().get(0);
      if (before.equals(expected.get(0))) {
        break;
      }
      robot.type(KeyCode.HOME);
      try {
        waitUntil(() -> !references().get(0).equals(before));
      } catch (AssertionError e) {
        throw new AssertionError(
            "Home did not page up from "
                + before
                + "; queue error '"
                + console.textOrEmpty("#queueError")
                + "', summary '"
                + console.textOrEmpty("#queueSummary")
                + "'",
            e);
      }
      assertThat(rows()).hasSizeLessThanOrEqualTo(DisputeQueueViewModel.WINDOW);
    }
    assertThat(references()).startsWith(expected.get(0), expected.get(1));
    assertThat(largest.get()).isLessThanOrEqualTo(DisputeQueueViewModel.WINDOW);
  }

  /** Actions are disabled while the case reloads after the previous one. */
  private static void clickWhenEnabled(FxRobot robot, String query) {
    waitUntil(
        () ->
            fx(
                () ->
                    robot
                        .lookup(query)
                        .tryQuery()
                        .map(n -> !n.isDisabled() && n.getScene() != null)
                        .orElse(false)));
    robot.clickOn(query);
  }

  private void openDisputes() {
    console.signIn("demo_support");
    console.open(Area.DISPUTES, "#disputeTable");
    waitUntil(() -> !rows().isEmpty());
  }

  private TableView<QueueItem> table() {
    return console.table("#disputeTable");
  }

  private List<QueueItem> rows() {
    return console.rows("#disputeTable");
  }

  private List<String> references() {
    return rows().stream().map(QueueItem::reference).toList();
  }

  private String last() {
    List<QueueItem> rows = rows();
    return rows.isEmpty() ? "" : rows.get(rows.size() - 1).reference();
  }

  private String cellTexts(int row) {
    QueueItem item = rows().get(row);
    return String.join(" | ", item.parties(), item.assignee(), item.status());
  }

  private String slaCell(int row) {
    return rows().get(row).sla();
  }

  private static List<String> dbReferences(String order) throws Exception {
    List<String> refs = new ArrayList<>();
    try (Connection c = db.superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT d.reference FROM disputes d JOIN dispute_queue_keys k ON k.dispute_id = d.id"
                    + " WHERE k.search_key LIKE '%quentin%' AND d.status NOT IN ('resolved', 'closed') "
                    + order
                    + ", d.id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        refs.add(rs.getString(1));
      }
    }
    return refs;
  }

  private static List<String> dbReferencesAll(int limit) throws Exception {
    List<String> refs = new ArrayList<>();
    try (Connection c = db.superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT reference FROM disputes ORDER BY reference, id LIMIT " + limit);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        refs.add(rs.getString(1));
      }
    }
    return refs;
  }

  private static String reference(long id) throws Exception {
    return (String) column(id, "reference");
  }

  private static Object column(long id, String column) throws Exception {
    try (Connection c = db.superuser()) {
      return value(c, "SELECT " + column + " FROM disputes WHERE id = ?", id);
    }
  }

  private static long count(String where) throws Exception {
    try (Connection c = db.superuser()) {
      return ((Number)
              value(
                  c,
                  "SELECT count(*) FROM dispute_messages WHERE dispute_id = ? AND " + where,
                  underReview))
          .longValue();
    }
  }

  private static long settlements() throws Exception {
    try (Connection c = db.superuser()) {
      return ((Number)
              value(c, "SELECT count(*) FROM settlements WHERE dispute_id = ?", underReview))
          .longValue();
    }
  }

  /** The last session's filter is restored at sign-in; each test starts from a known one. */
  private void resetFilter(int statusChoice) {
    fx(
        () -> {
          console.lookup("#queueSearch").queryAs(TextField.class).setText("");
          @SuppressWarnings("unchecked")
          ComboBox<Option<?>> status = console.lookup("#filterStatus").queryAs(ComboBox.class);
          status.getSelectionModel().select(statusChoice);
          return null;
        });
  }
}
