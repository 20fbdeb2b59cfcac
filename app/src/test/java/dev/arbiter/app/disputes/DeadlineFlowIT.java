package dev.arbiter.app.disputes;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.shell.Area;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.automation.AutomationRule;
import dev.arbiter.persistence.automation.AutomationWorker;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A case whose deadline passes while it is open: beforehand the case says what the automation will
 * do and when; when the worker acts, the open case and the queue update in place and say what it
 * did and that it was the automation.
 */
@ExtendWith(ApplicationExtension.class)
class DeadlineFlowIT {

  private static TestDatabase db;
  private static String party;
  private static long dispute;

  private TestConsole console;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    party = "Dora Deadline" + Fixtures.next();
    try (Connection owner = db.migrator()) {
      Deal deal = DisputeFixtures.deal(owner, party, "Finn Freelance", 50_000);
      dispute =
          DisputeFixtures.open()
              .status("under_review")
              .due(Instant.now().plus(3, ChronoUnit.HOURS), "auto_escalate")
              .insert(owner, deal);
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
  void theOpenCaseSaysWhatTheAutomationWillDoAndThenWhatItDid() throws Exception {
    console.signIn("demo_support");
    console.open(Area.DISPUTES, "#disputeTable");
    fx(
        () -> {
          @SuppressWarnings("unchecked")
          ComboBox<Object> status = console.lookup("#filterStatus").queryAs(ComboBox.class);
          status.getSelectionModel().select(0);
          TextField search = console.lookup("#queueSearch").queryAs(TextField.class);
          search.setText(party);
          search.fireEvent(new javafx.event.ActionEvent());
          return null;
        });
    waitUntil(() -> rows().size() == 1);
    console.openCase(0);
    assertThat(console.text("#caseDeadline"))
        .contains("the automation will escalate the case and hand it to the support agent");
    assertThat(rows().get(0).sla()).startsWith("auto-escalates in");

    // Time passes: the deadline is now behind us, and the worker runs its rule.
    try (Connection owner = db.migrator()) {
      Fixtures.update(
          owner,
          "UPDATE disputes SET response_due_at = now() - interval '1 minute' WHERE id = ?",
          dispute);
    }
    // The fixture's own edit shows first; acknowledge it so the banner is the worker's alone.
    waitUntil(() -> !console.textOrEmpty("#recordChangedText").isEmpty());
    console.click("#recordChangedDismiss");
    try (AutomationWorker worker =
        new AutomationWorker(
            db.dataSource(TestDatabase.WORKER, "demo"),
            "flow-worker",
            line -> {},
            Optional.empty(),
            Clock.systemUTC())) {
      assertThat(worker.run(AutomationRule.DEADLINE).acted()).isOne();
    }

    waitUntil(() -> console.textOrEmpty("#caseStatus").equals("Escalated"));
    waitUntil(() -> console.textOrEmpty("#caseDeadline").contains("the automation escalated"));
    waitUntil(() -> console.textOrEmpty("#recordChangedText").contains("system:deadline"));
    waitUntil(() -> rows().get(0).sla().startsWith("auto-escalated"));
    console.screenshot("disputes-deadline.png");
  }

  private TableView<QueueItem> table() {
    return console.table("#disputeTable");
  }

  private List<QueueItem> rows() {
    return fx(() -> List.copyOf(table().getItems()));
  }
}
