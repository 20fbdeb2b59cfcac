package dev.arbiter.app.shell;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.dashboard.DashboardFigures;
import dev.arbiter.persistence.dashboard.DashboardFixture;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
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
  private TestConsole console;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      DashboardFixture.insert(owner);
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
  void supportAndFinanceSeeTheirOwnAreasAndTheDashboardMatchesTheDatabase(FxRobot robot)
      throws Exception {
    assertThat(fx(() -> console.stage().getTitle())).isEqualTo("Arbiter — Sign in");
    assertThat(console.text("#serverLabel")).isEqualTo("Embedded test server");
    console.screenshot("login.png");

    console.signIn("demo_support");

    assertThat(console.navigationTitles())
        .containsExactly("Dashboard", "Disputes", "Workspaces", "Audit");
    assertThat(fx(() -> console.lookup("#nav-audit").queryAs(Labeled.class).getTooltip().getText()))
        .isEqualTo("Audit (Ctrl+6)\n" + Area.AUDIT.purpose());
    waitUntil(() -> !console.text("#openDisputesValue").equals("—"));
    assertDashboardEqualsDatabase();
    waitUntil(() -> console.text("#connectionState").equals("online"));
    assertThat(console.text("#statusStaff")).isEqualTo("Sam Support (demo_support) · Support");
    assertThat(console.text("#statusDatabase"))
        .startsWith("Embedded test server · jdbc:postgresql://localhost:");
    assertThat(fx(() -> console.stage().getTitle()))
        .isEqualTo("Arbiter — Sam Support (demo_support)");
    console.screenshot("dashboard.png");

    robot.clickOn("#themeButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
    console.screenshot("dashboard-dark.png");
    robot.clickOn("#themeButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Application.getUserAgentStylesheet()).contains("primer-light");

    console.shortcut(Area.DISPUTES);
    waitUntil(() -> console.has("#disputesArea"));
    // Ctrl+3 is Releases, which support may not use: the open area stays.
    console.shortcut(Area.RELEASES);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.has("#disputesArea")).isTrue();

    robot.clickOn("#nav-dashboard");
    insertOverdueDispute();
    robot.type(KeyCode.F5);
    waitUntil(() -> console.text("#openDisputesValue").equals("8"));
    assertDashboardEqualsDatabase();

    robot.clickOn("#signOutButton");
    waitUntil(() -> console.has("#loginField"));
    assertThat(fx(() -> console.lookup("#passwordField").queryAs(TextField.class).getText()))
        .isEmpty();

    console.signIn("demo_finance");

    assertThat(console.navigationTitles()).containsExactly("Dashboard", "Releases", "Audit");
    assertThat(console.has("#nav-disputes")).isFalse();
  }

  @Test
  void wrongPasswordIsExplainedOnTheFormAndTheConsoleStaysOnLogin(FxRobot robot) throws Exception {
    console.submitLogin("demo_support", "wrong");

    waitUntil(() -> !console.text("#errorLabel").isEmpty());
    assertThat(console.text("#errorLabel"))
        .isEqualTo("Unknown login or wrong password for 'demo_support'.");
    assertThat(fx(() -> console.lookup("#passwordField").queryAs(TextField.class).getText()))
        .isEmpty();
    console.screenshot("login-error.png");
    assertThat(console.has("#navigation")).isFalse();
  }

  @Test
  void demoAccountButtonFillsTheFormAndEnterSignsIn(FxRobot robot) {
    robot.clickOn("#demo-demo_moderator");
    assertThat(fx(() -> console.lookup("#loginField").queryAs(TextField.class).getText()))
        .isEqualTo("demo_moderator");
    robot.type(KeyCode.ENTER);

    waitUntil(() -> console.has("#navigation"));
    assertThat(console.navigationTitles()).containsExactly("Dashboard", "Moderation", "Audit");
  }

  @Test
  void statusBarShowsOfflineWhileTheDatabaseRefusesAndOnlineWhenItIsBack(FxRobot robot)
      throws Exception {
    console.signIn("demo_admin");
    waitUntil(() -> console.text("#connectionState").equals("online"));

    try {
      refuseConsoleConnections(true);
      waitUntil(() -> console.text("#connectionState").equals("offline"));
    } finally {
      refuseConsoleConnections(false);
    }

    waitUntil(() -> console.text("#connectionState").equals("online"));
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

  private void assertDashboardEqualsDatabase() throws Exception {
    try (Connection c = db.superuser()) {
      assertThat(console.text("#openDisputesValue"))
          .isEqualTo(count(c, "SELECT count(*) FROM disputes WHERE status IN " + OPEN_STATUSES));
      assertThat(console.text("#openDisputesOverdueValue"))
          .isEqualTo(
              count(
                  c,
                  "SELECT count(*) FROM disputes WHERE response_due_at < now() AND status IN "
                      + OPEN_STATUSES));
      assertThat(console.text("#checkpointsSubmittedValue"))
          .isEqualTo(
              count(c, "SELECT count(*) FROM escrow_checkpoints WHERE status = 'submitted'"));
      assertThat(console.text("#checkpointsApprovedValue"))
          .isEqualTo(count(c, "SELECT count(*) FROM escrow_checkpoints WHERE status = 'approved'"));
      assertThat(console.text("#openFlagsValue"))
          .isEqualTo(count(c, "SELECT count(*) FROM moderation_flags WHERE status = 'open'"));

      Map<String, Long> bars = bars("#disputesByStatusChart");
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
            assertThat(console.has("#held-" + currency)).isFalse();
          } else {
            assertThat(console.text("#held-" + currency)).isEqualTo(money.format(held, currency));
          }
        }
      }
    }
  }

  private Map<String, Long> bars(String chartId) {
    return fx(
        () -> {
          @SuppressWarnings("unchecked")
          BarChart<String, Number> chart = console.lookup(chartId).queryAs(BarChart.class);
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

  private static String count(Connection c, String sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Long.toString(rs.getLong(1));
    }
  }
}
