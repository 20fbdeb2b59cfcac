package dev.arbiter.app.releases;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.releases.SettlementsViewModel.SettlementItem;
import dev.arbiter.app.shell.Area;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Executing a settlement asks first with the journal it will post; Cancel moves nothing, and the
 * confirmed execution reports what went to whom under the dispute's reference.
 */
@ExtendWith(ApplicationExtension.class)
class SettlementsFlowIT {

  private static TestDatabase db;
  private static long settlement;
  private static String dispute;
  private TestConsole console;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 9_000);
      long id = MoneyFixture.dispute(owner, deal, null, "settling", 6_000);
      settlement = MoneyFixture.settlement(owner, id, "split", 4_000, 2_000, "USD", "demo_support");
      dispute = text(owner, "SELECT reference FROM disputes WHERE id = " + id);
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
  void executingAsksWithTheJournalCancelMovesNothingAndTheResultNamesTheDispute(FxRobot robot)
      throws Exception {
    String before = money();
    console.signIn("demo_finance");
    console.open(Area.RELEASES, "#queueTable");
    robot.clickOn("Settlements");
    waitUntil(() -> fx(() -> table().getItems().size()) == 1);
    fx(
        () -> {
          table().getSelectionModel().select(0);
          return null;
        });

    robot.clickOn("#executeSettlementButton");
    waitUntil(() -> !console.textOrEmpty("#settlementConfirmationText").isEmpty());
    assertThat(console.text("#settlementConfirmationText"))
        .contains("Execute the settlement of " + dispute + " (Split)")
        .contains("Debit   Escrow holding   $40.00")
        .contains("Debit   Escrow holding   $20.00")
        .contains("(client)   $20.00")
        .contains("Total out of escrow: $60.00.");
    console.screenshot("settlements-confirm.png");

    robot.clickOn("#cancelSettlementButton");
    waitUntil(() -> console.textOrEmpty("#settlementConfirmationText").isEmpty());
    assertThat(money()).isEqualTo(before);

    robot.clickOn("#executeSettlementButton");
    waitUntil(() -> !console.textOrEmpty("#settlementConfirmationText").isEmpty());
    robot.clickOn("#confirmSettlementButton");
    waitUntil(() -> console.textOrEmpty("#settlementMessage").contains("executed"));
    assertThat(console.text("#settlementMessage"))
        .startsWith("Settlement for " + dispute + " executed: $20.00 to the client ")
        .contains(", $40.00 to the freelancer ");
    assertThat(money()).isNotEqualTo(before);
  }

  @SuppressWarnings("unchecked")
  private TableView<SettlementItem> table() {
    return console.lookup("#settlementsTable").queryAs(TableView.class);
  }

  // What a settlement could have moved: its status, its journals and every wallet balance.
  private static String money() throws Exception {
    try (Connection owner = db.migrator()) {
      return text(owner, "SELECT status FROM settlements WHERE id = " + settlement)
          + " · "
          + text(owner, "SELECT count(*) FROM journals WHERE settlement_id = " + settlement)
          + " · "
          + text(owner, "SELECT count(*) FROM ledger_entries")
          + " · "
          + text(
              owner, "SELECT string_agg(id || '=' || balance_minor, ',' ORDER BY id) FROM wallets")
          + " · "
          + text(owner, "SELECT status FROM disputes WHERE reference = '" + dispute + "'");
    }
  }

  private static String text(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
