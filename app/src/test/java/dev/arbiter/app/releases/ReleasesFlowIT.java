package dev.arbiter.app.releases;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.releases.BulkReleaseViewModel.Line;
import dev.arbiter.app.releases.CheckpointText.LedgerLine;
import dev.arbiter.app.releases.ReleaseQueueViewModel.QueueItem;
import dev.arbiter.app.shell.Area;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The finance flow end to end, headless: two reviewers approve a dual checkpoint, the second
 * releases it and sees the ledger entries; then a bulk release where the database refuses one item.
 */
@ExtendWith(ApplicationExtension.class)
class ReleasesFlowIT {

  private static TestDatabase db;
  private static long dual;
  private static long disputed;
  private static List<Long> batch;
  private TestConsole console;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 250_000);
      dual = MoneyFixture.submitted(owner, deal, 120_000, "dual", "requester_login");
      batch = MoneyFixture.approvedBatch(owner, 1, 3, 15_000, "demo_finance2");
      Deal other = MoneyFixture.deal(owner, "EUR", 40_000);
      disputed = MoneyFixture.approved(owner, other, 20_000, "demo_finance2");
      MoneyFixture.dispute(owner, other, disputed, "under_review", 20_000);
      long settling = MoneyFixture.dispute(owner, other, null, "settling", 5_000);
      MoneyFixture.settlement(owner, settling, "split", 3_000, 2_000, "EUR", "demo_support");
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
  void twoReviewersApproveTheSecondReleasesAndBulkReleaseReportsTheRefusedItem(FxRobot robot)
      throws Exception {
    console.signIn("demo_finance");
    openReleases();
    select(dual);
    robot.clickOn("#approveButton");
    waitUntil(() -> console.text("#checkpointMessage").equals("Approval 1 of 2 recorded"));
    assertThat(console.text("#checkpointStatus")).startsWith("Submitted");
    // Approving again cannot apply: the button is off and its wrapper's tooltip says why.
    waitUntil(() -> fx(() -> console.lookup("#approveButton").queryButton().isDisabled()));
    assertThat(
            fx(
                () ->
                    ((Tooltip)
                            console
                                .lookup("#approveButtonReason")
                                .query()
                                .getProperties()
                                .get("javafx.scene.control.Tooltip"))
                        .getText()))
        .isEqualTo("You already approved this submission; another reviewer must approve it.");

    robot.clickOn("#signOutButton");
    waitUntil(() -> console.has("#loginField"));
    console.signIn("demo_finance2");
    openReleases();
    select(dual);
    robot.clickOn("#noteField").write("Deliverables checked against the brief");
    robot.clickOn("#approveButton");
    waitUntil(() -> console.text("#checkpointMessage").equals("Approved"));
    console.screenshot("releases-queue.png");

    robot.clickOn("#releaseAllButton");
    waitUntil(() -> !console.text("#confirmationText").isEmpty());
    assertThat(console.text("#confirmationText"))
        .contains("Release $1,200.00")
        .contains("Debit   Escrow holding   $1,200.00")
        .contains("The checkpoint will be released in full.");
    console.screenshot("releases-confirm.png");
    robot.clickOn("#confirmReleaseButton");
    waitUntil(() -> console.text("#checkpointMessage").equals("Released"));
    waitUntil(() -> ledgerLines().size() == 2);
    List<LedgerLine> ledger = ledgerLines();
    assertThat(ledger.get(0).account()).isEqualTo("Escrow holding");
    assertThat(ledger.get(0).debit()).isEqualTo("$1,200.00");
    assertThat(ledger.get(1).credit()).isEqualTo("$1,200.00");
    assertThat(console.text("#checkpointStatus")).startsWith("Released");
    console.screenshot("releases-checkpoint.png");

    List<Long> chosen = new ArrayList<>(batch);
    chosen.add(1, disputed);
    fx(
        () -> {
          TableView<QueueItem> table = queueTable();
          table.getSelectionModel().clearSelection();
          for (int i = 0; i < table.getItems().size(); i++) {
            if (chosen.contains(table.getItems().get(i).checkpointId())) {
              table.getSelectionModel().select(i);
            }
          }
          return null;
        });
    robot.clickOn("#bulkSelectedButton");
    waitUntil(
        () ->
            console
                .text("#bulkSummary")
                .startsWith("Preview: 3 of 4 would be released ($450.00), 1 would be refused."));
    // A preview names each checkpoint by its contract and amount, in the future tense.
    List<String> previewed = fx(() -> bulkLines().getItems().stream().map(Line::text).toList());
    assertThat(previewed).hasSize(4);
    assertThat(previewed.stream().filter(t -> t.endsWith(" · $150.00 will be released")))
        .hasSize(3)
        .allMatch(t -> t.matches("\\S+ #\\d+ · \\$150\\.00 will be released"));
    assertThat(previewed)
        .filteredOn(t -> !t.endsWith("will be released"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t)
                    .matches("\\S+ #\\d+ · €200\\.00 would be refused — A dispute is open.*"));
    console.screenshot("releases-bulk-preview.png");
    robot.clickOn("#bulkExecuteButton");
    waitUntil(() -> console.text("#bulkSummary").equals("3 released, 1 refused."));
    List<Line> lines = fx(() -> List.copyOf(bulkLines().getItems()));
    assertThat(lines).hasSize(4);
    assertThat(lines.stream().filter(l -> !l.ok()))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.checkpointId()).isEqualTo(disputed);
              assertThat(l.result()).startsWith("A dispute is open");
            });
    console.screenshot("releases-bulk-result.png");

    robot.clickOn("Settlements");
    waitUntil(
        () ->
            fx(() -> console.lookup("#settlementsTable").queryAs(TableView.class).getItems().size())
                == 1);
    console.screenshot("releases-settlements.png");
    robot.clickOn("Exposure");
    waitUntil(() -> console.has("#exposure-USD"));
    console.screenshot("releases-exposure.png");
    robot.clickOn("Ledger health");
    robot.clickOn("#verifyLedgerButton");
    waitUntil(() -> console.text("#ledgerVerdict").startsWith("Ledger is consistent"));
    console.screenshot("releases-ledger-health.png");
  }

  private void openReleases() {
    console.open(Area.RELEASES, "#queueTable");
    waitUntil(() -> fx(() -> queueTable().getItems().size()) >= 5);
  }

  private void select(long checkpoint) {
    fx(
        () -> {
          TableView<QueueItem> table = queueTable();
          for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).checkpointId() == checkpoint) {
              table.getSelectionModel().clearAndSelect(i);
              table.scrollTo(i);
            }
          }
          return null;
        });
    waitUntil(() -> console.textOrEmpty("#checkpointTitle").contains("#"));
    waitUntil(
        () ->
            fx(
                () ->
                    console.lookup("#approveButton").queryButton().isDisabled()
                        == !console.text("#checkpointStatus").matches("(Submitted|Approved).*")));
  }

  private TableView<QueueItem> queueTable() {
    return console.table("#queueTable");
  }

  @SuppressWarnings("unchecked")
  private List<LedgerLine> ledgerLines() {
    return fx(
        () -> List.copyOf(console.lookup("#ledgerTable").queryAs(TableView.class).getItems()));
  }

  @SuppressWarnings("unchecked")
  private ListView<Line> bulkLines() {
    return console.lookup("#bulkLines").queryAs(ListView.class);
  }
}
