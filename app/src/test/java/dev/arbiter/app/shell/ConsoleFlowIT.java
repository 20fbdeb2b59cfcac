package dev.arbiter.app.shell;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.persistence.dashboard.DashboardFigures;
import dev.arbiter.persistence.dashboard.DashboardFixture;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
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
 * The console end to end, headless: the real login form against a real database, the navigation
 * each role gets, and dashboard figures checked against SQL counts of the same tables.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleFlowIT {

  private static final String OPEN_STATUSES =
      "('open', 'under_review', 'awaiting_parties', 'escalated', 'settling')";

  private static TestDatabase db;
  private ExecutorTaskRunner tasks;
  private ConsoleShell shell;
  private Stage stage;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      DashboardFixture.insert(owner);
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
  void supportAndFinanceSeeTheirOwnAreasAndTheDashboardMatchesTheDatabase(FxRobot robot)
      throws Exception {
    assertThat(fx(() -> stage.getTitle())).isEqualTo("Arbiter — Sign in");
    assertThat(text(robot, "#serverLabel")).isEqualTo("Embedded test server");
    screenshot("login.png");

    signIn(robot, "demo_support", "demo");

    assertThat(navigationTitles(robot))
        .containsExactly("Dashboard", "Disputes", "Workspaces", "Audit");
    assertThat(fx(() -> robot.lookup("#nav-audit").queryAs(Labeled.class).getTooltip().getText()))
        .isEqualTo("Audit (Ctrl+6)");
    waitUntil(() -> !text(robot, "#openDisputesValue").equals("—"));
    assertDashboardEqualsDatabase(robot);
    waitUntil(() -> text(robot, "#connectionState").equals("online"));
    assertThat(text(robot, "#statusStaff")).isEqualTo("Sam Support (demo_support) · Support");
    assertThat(text(robot, "#statusDatabase"))
        .startsWith("Embedded test server · jdbc:postgresql://localhost:");
    assertThat(fx(() -> stage.getTitle())).isEqualTo("Arbiter — Sam Support (demo_support)");
    screenshot("dashboard.png");

    robot.clickOn("#themeButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
    screenshot("dashboard-dark.png");
    robot.clickOn("#themeButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Application.getUserAgentStylesheet()).contains("primer-light");

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#disputesArea").tryQuery().isPresent());
    // Ctrl+3 is Releases, which support may not use: the open area stays.
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#disputesArea").tryQuery()).isPresent();

    robot.clickOn("#nav-dashboard");
    insertOverdueDispute();
    robot.type(KeyCode.F5);
    waitUntil(() -> text(robot, "#openDisputesValue").equals("8"));
    assertDashboardEqualsDatabase(robot);

    robot.clickOn("#signOutButton");
    waitUntil(() -> robot.lookup("#loginField").tryQuery().isPresent());
    assertThat(fx(() -> robot.lookup("#passwordField").queryAs(TextField.class).getText()))
        .isEmpty();

    signIn(robot, "demo_finance", "demo");

    assertThat(navigationTitles(robot)).containsExactly("Dashboard", "Releases", "Audit");
    assertThat(robot.lookup("#nav-disputes").tryQuery()).isEmpty();
  }

  @Test
  void wrongPasswordIsExplainedOnTheFormAndTheConsoleStaysOnLogin(FxRobot robot) throws Exception {
    robot.clickOn("#loginField").write("demo_support");
    robot.clickOn("#passwordField").write("wrong");
    robot.type(KeyCode.ENTER);

    waitUntil(() -> !text(robot, "#errorLabel").isEmpty());
    assertThat(text(robot, "#errorLabel"))
        .isEqualTo("Unknown login or wrong password for 'demo_support'.");
    assertThat(fx(() -> robot.lookup("#passwordField").queryAs(TextField.class).getText()))
        .isEmpty();
    screenshot("login-error.png");
    assertThat(robot.lookup("#navigation").tryQuery()).isEmpty();
  }

  @Test
  void demoAccountButtonFillsTheFormAndEnterSignsIn(FxRobot robot) {
    robot.clickOn("#demo-demo_moderator");
    assertThat(fx(() -> robot.lookup("#loginField").queryAs(TextField.class).getText()))
        .isEqualTo("demo_moderator");
    robot.type(KeyCode.ENTER);

    waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
    assertThat(navigationTitles(robot)).containsExactly("Dashboard", "Moderation", "Audit");
  }

  @Test
  void statusBarShowsOfflineWhileTheDatabaseRefusesAndOnlineWhenItIsBack(FxRobot robot)
      throws Exception {
    signIn(robot, "demo_admin", "demo");
    waitUntil(() -> text(robot, "#connectionState").equals("online"));

    try {
      refuseConsoleConnections(true);
      waitUntil(() -> text(robot, "#connectionState").equals("offline"));
    } finally {
      refuseConsoleConnections(false);
    }

    waitUntil(() -> text(robot, "#connectionState").equals("online"));
  }

  /** An outage as the console sees it: its connections are cut and new ones are refused. */
  private static void refuseConsoleConnections(boolean refuse) throws Exception {
    try (Connection c = db.superuser();
        Statement s = c.createStatement()) {
      if (refuse) {
        s.execute("REVOKE CONNECT ON DATABASE " + db.name() + " FROM PUBLIC");
        s.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + db.name()
                + "' AND application_name = 'arbiter-console'");
      } else {
        s.execute("GRANT CONNECT ON DATABASE " + db.name() + " TO PUBLIC");
      }
    }
  }

  private void signIn(FxRobot robot, String login, String password) {
    robot.clickOn("#loginField").write(login);
    robot.clickOn("#passwordField").write(password);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
  }

  private void assertDashboardEqualsDatabase(FxRobot robot) throws Exception {
    try (Connection c = db.superuser()) {
      assertThat(text(robot, "#openDisputesValue"))
          .isEqualTo(count(c, "SELECT count(*) FROM disputes WHERE status IN " + OPEN_STATUSES));
      assertThat(text(robot, "#openDisputesOverdueValue"))
          .isEqualTo(
              count(
                  c,
                  "SELECT count(*) FROM disputes WHERE response_due_at < now() AND status IN "
                      + OPEN_STATUSES));
      assertThat(text(robot, "#checkpointsSubmittedValue"))
          .isEqualTo(
              count(c, "SELECT count(*) FROM escrow_checkpoints WHERE status = 'submitted'"));
      assertThat(text(robot, "#checkpointsApprovedValue"))
          .isEqualTo(count(c, "SELECT count(*) FROM escrow_checkpoints WHERE status = 'approved'"));
      assertThat(text(robot, "#openFlagsValue"))
          .isEqualTo(count(c, "SELECT count(*) FROM moderation_flags WHERE status = 'open'"));

      Map<String, Long> bars = bars(robot, "#disputesByStatusChart");
      Map<String, Long> expected = new LinkedHashMap<>();
      for (String status : DashboardFigures.OPEN_DISPUTE_STATUSES) {
        expected.put(
            status,
            Long.valueOf(
                count(c, "SELECT count(*) FROM disputes WHERE status = '" + status + "'")));
      }
      assertThat(List.copyOf(bars.values())).containsExactlyElementsOf(expected.values());

      MoneyFormat money = new MoneyFormat(Locale.US);
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT currency, sum(funded_minor - released_minor - refunded_minor)"
                      + " FROM escrows GROUP BY currency ORDER BY currency")) {
        while (rs.next()) {
          String currency = rs.getString(1);
          long held = rs.getLong(2);
          if (held == 0) {
            assertThat(robot.lookup("#held-" + currency).tryQuery()).isEmpty();
          } else {
            assertThat(text(robot, "#held-" + currency)).isEqualTo(money.format(held, currency));
          }
        }
      }
    }
  }

  private static Map<String, Long> bars(FxRobot robot, String chartId) {
    return fx(
        () -> {
          @SuppressWarnings("unchecked")
          BarChart<String, Number> chart = robot.lookup(chartId).queryAs(BarChart.class);
          Map<String, Long> result = new LinkedHashMap<>();
          for (XYChart.Data<String, Number> bar : chart.getData().get(0).getData()) {
            result.put(bar.getXValue(), bar.getYValue().longValue());
          }
          return result;
        });
  }

  private static void insertOverdueDispute() throws Exception {
    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      s.execute(
          "INSERT INTO disputes (reference, contract_id, opened_by, reason_code,"
              + " amount_disputed_minor, currency, response_due_at)"
              + " SELECT 'DSP-900001', id, client_id, 'scope', 700, currency, now() - interval '1 day'"
              + " FROM contracts ORDER BY id LIMIT 1");
    }
  }

  private static List<String> navigationTitles(FxRobot robot) {
    return fx(
        () ->
            robot.lookup("#navigation").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Labeled) n).getText())
                .toList());
  }

  private static String text(FxRobot robot, String query) {
    return fx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
  }

  private static String count(Connection c, String sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Long.toString(rs.getLong(1));
    }
  }

  private void screenshot(String name) throws IOException {
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
