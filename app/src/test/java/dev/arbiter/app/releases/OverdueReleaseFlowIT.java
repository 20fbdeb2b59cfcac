package dev.arbiter.app.releases;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.releases.ReleaseQueueViewModel.QueueItem;
import dev.arbiter.app.shell.Area;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Four-eyes is never bypassed by the clock: a dual checkpoint past its auto-release time is not
 * paid but tops the release queue, marked overdue for a reviewer.
 */
@ExtendWith(ApplicationExtension.class)
class OverdueReleaseFlowIT {

  private static TestDatabase db;
  private static long overdueDual;

  private TestConsole console;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      MoneyFixture.approvedBatch(owner, 1, 4, 10_000, "demo_finance2");
      Deal deal = MoneyFixture.deal(owner, "USD", 90_000);
      overdueDual = MoneyFixture.submitted(owner, deal, 60_000, "dual", "requester_login");
      Fixtures.update(
          owner,
          "UPDATE escrow_checkpoints SET auto_release_at = now() - interval '2 hours',"
              + " submitted_at = now() - interval '1 minute' WHERE id = ?",
          overdueDual);
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
  void aDualCheckpointPastItsTimeTopsTheQueueMarkedOverdue() throws Exception {
    console.signIn("demo_finance");
    console.open(Area.RELEASES, "#queueTable");
    waitUntil(() -> rows().size() >= 5);

    QueueItem top = rows().get(0);
    assertThat(top.checkpointId()).isEqualTo(overdueDual);
    assertThat(top.badges()).anySatisfy(b -> assertThat(b.brief()).isEqualTo("Overdue"));
    assertThat(top.status()).startsWith("Submitted");
    console.screenshot("releases-overdue.png");
  }

  private List<QueueItem> rows() {
    return fx(
        () -> {
          TableView<QueueItem> table = console.table("#queueTable");
          return List.copyOf(table.getItems());
        });
  }
}
