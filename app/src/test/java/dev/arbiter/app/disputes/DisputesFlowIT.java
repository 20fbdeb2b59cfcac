package dev.arbiter.app.disputes;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.shell.ConsoleShell;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

  private ExecutorTaskRunner tasks;
  private ConsoleShell shell;
  private Stage stage;

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
  void filterSortOpenReplyNoteAssignAndProposeASettlement(FxRobot robot) throws Exception {
    openDisputes(robot);
    resetFilter(robot, 0);

    robot.clickOn("#queueSearch").write("quentin");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> rows(robot).size() == 3);
    robot.clickOn("#colPriority");
    waitUntil(() -> references(robot).equals(dbReferences("ORDER BY d.priority_rank")));
    assertThat(fx(() -> cellTexts(robot, 2))).contains("Quentin Quill ↔ Rosa Render");
    waitUntil(() -> slaCell(robot, 0).startsWith("overdue 3 h"));
    assertThat(slaCell(robot, 2)).startsWith("auto-escalates in 1 h");
    screenshot("disputes-queue.png");

    fx(
        () -> {
          table(robot).getSelectionModel().clearAndSelect(2);
          table(robot).requestFocus();
          return null;
        });
    robot.type(KeyCode.ENTER);
    waitUntil(() -> text(robot, "#caseReference").equals(reference(underReview)));

    robot.clickOn("#replyText").write("Thanks, we are reviewing the delivery.");
    clickWhenEnabled(robot, "#sendReply");
    try {
      waitUntil(() -> count("visibility = 'parties' AND author_staff = 'demo_support'") == 1);
    } catch (AssertionError e) {
      throw new AssertionError(
          "no reply stored; case error '"
              + text(robot, "#caseError")
              + "', reply error '"
              + text(robot, "#replyError")
              + "'",
          e);
    }
    robot.clickOn("#noteText").write("Freelancer's files look complete.");
    clickWhenEnabled(robot, "#addNote");
    waitUntil(() -> count("visibility = 'internal' AND author_staff = 'demo_support'") == 1);

    clickWhenEnabled(robot, "#caseAssignMe");
    waitUntil(() -> "demo_support".equals(column(underReview, "assigned_to")));
    waitUntil(() -> cellTexts(robot, 2).contains("demo_support"));

    fx(
        () -> {
          robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(5);
          return null;
        });
    robot.clickOn("#settlePayee").write("70.00");
    robot.clickOn("#settlePayer").write("40.00");
    robot.clickOn("#settleReason").write("Half the pages were late; both accepted a split.");
    clickWhenEnabled(robot, "#proposeSettlement");
    waitUntil(() -> text(robot, "#sharesError").contains("whole disputed amount"));
    assertThat(settlements()).isZero();

    robot.doubleClickOn("#settlePayer").eraseText(5).write("50.00");
    clickWhenEnabled(robot, "#proposeSettlement");
    waitUntil(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());
    robot.type(KeyCode.ENTER);
    waitUntil(() -> "settling".equals(column(underReview, "status")));
    assertThat(
            value(
                db.superuser(),
                "SELECT outcome || ' ' || payee_minor || ' ' || payer_minor || ' ' || proposed_by"
                    + " FROM settlements WHERE dispute_id = ?",
                underReview))
        .isEqualTo("split 7000 5000 demo_support");
    waitUntil(() -> text(robot, "#caseStatus").equals("Settling"));
    fx(
        () -> {
          robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(0);
          return null;
        });
    screenshot("disputes-case.png");
    assertThat(escalated).isPositive();
    assertThat(breached).isPositive();
  }

  @Test
  void pagingThroughAHundredThousandRowsKeepsTheListBounded(FxRobot robot) throws Exception {
    openDisputes(robot);
    AtomicInteger largest = new AtomicInteger();
    fx(
        () -> {
          TableView<QueueItem> table = table(robot);
          table
              .getItems()
              .addListener(
                  (ListChangeListener<QueueItem>)
                      c -> largest.accumulateAndGet(table.getItems().size(), Math::max));
          @SuppressWarnings("unchecked")
          ComboBox<Option<?>> status = robot.lookup("#filterStatus").queryAs(ComboBox.class);
          status.getSelectionModel().select(1);
          return null;
        });
    robot.clickOn("#colReference");
    List<String> expected = dbReferencesAll(700);
    waitUntil(() -> !rows(robot).isEmpty() && references(robot).get(0).equals(expected.get(0)));

    fx(
        () -> {
          table(robot).requestFocus();
          table(robot).getSelectionModel().clearAndSelect(0);
          return null;
        });
    // End moves to the last loaded row, which reads the next page; scrolling may read more.
    int deepest = 0;
    for (int presses = 0; deepest < 600 && presses < 40; presses++) {
      String before = last(robot);
      robot.type(KeyCode.END);
      waitUntil(() -> !last(robot).equals(before));
      deepest = expected.indexOf(last(robot));
      assertThat(rows(robot)).hasSizeLessThanOrEqualTo(DisputeQueueViewModel.WINDOW);
    }
    assertThat(deepest).isGreaterThanOrEqualTo(600);
    waitUntil(() -> !fx(() -> table(robot).getItems().isEmpty()));
    List<String> window = references(robot);
    int end = expected.indexOf(window.get(window.size() - 1));
    // The window is exactly the rows of the table between its ends: no gap, no repeat.
    assertThat(window)
        .containsExactlyElementsOf(expected.subList(end + 1 - window.size(), end + 1));
    assertThat(window).hasSize(DisputeQueueViewModel.WINDOW);

    for (int presses = 0;
        presses < 40 && !references(robot).get(0).equals(expected.get(0));
        presses++) {
      String before = references(robot).get(0);
      robot.type(KeyCode.HOME);
      waitUntil(() -> !references(robot).get(0).equals(before));
      assertThat(rows(robot)).hasSizeLessThanOrEqualTo(DisputeQueueViewModel.WINDOW);
    }
    assertThat(references(robot)).startsWith(expected.get(0), expected.get(1));
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

  private void openDisputes(FxRobot robot) {
    robot.clickOn("#loginField").write("demo_support");
    robot.clickOn("#passwordField").write("demo");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#disputeTable").tryQuery().isPresent());
    waitUntil(() -> !rows(robot).isEmpty());
  }

  @SuppressWarnings("unchecked")
  private static TableView<QueueItem> table(FxRobot robot) {
    return robot.lookup("#disputeTable").queryAs(TableView.class);
  }

  private static List<QueueItem> rows(FxRobot robot) {
    return fx(() -> List.copyOf(table(robot).getItems()));
  }

  private static List<String> references(FxRobot robot) {
    return rows(robot).stream().map(QueueItem::reference).toList();
  }

  private static String last(FxRobot robot) {
    List<QueueItem> rows = rows(robot);
    return rows.isEmpty() ? "" : rows.get(rows.size() - 1).reference();
  }

  private static String cellTexts(FxRobot robot, int row) {
    QueueItem item = rows(robot).get(row);
    return String.join(" | ", item.parties(), item.assignee(), item.status());
  }

  private static String slaCell(FxRobot robot, int row) {
    return rows(robot).get(row).sla();
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

  private static String text(FxRobot robot, String query) {
    return fx(() -> robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
  }

  /** The last session's filter is restored at sign-in; each test starts from a known one. */
  private static void resetFilter(FxRobot robot, int statusChoice) {
    fx(
        () -> {
          robot.lookup("#queueSearch").queryAs(TextField.class).setText("");
          @SuppressWarnings("unchecked")
          ComboBox<Option<?>> status = robot.lookup("#filterStatus").queryAs(ComboBox.class);
          status.getSelectionModel().select(statusChoice);
          return null;
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
