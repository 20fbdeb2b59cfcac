package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.ManualLater;
import dev.arbiter.persistence.escrow.BulkRelease;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** A bulk release interrupted by a lost connection settles the item in flight before it sums up. */
class BulkReleaseUnknownOutcomeTest {

  private final Set<String> committed = new HashSet<>();

  /** Every checkpoint released, in the order sent. */
  private final List<Long> executed = new ArrayList<>();

  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private boolean dropAtSecond = true;

  private final BulkReleaseViewModel model =
      new BulkReleaseViewModel(
          new BulkReleaseViewModel.Engine() {
            @Override
            public List<Outcome> preview(BulkRelease plan, Consumer<Outcome> progress) {
              List<Outcome> all = new ArrayList<>();
              plan.items().forEach(i -> all.add(ok(i, false)));
              all.forEach(progress);
              return all;
            }

            @Override
            public MoneyResult release(BulkRelease.Item item) {
              executed.add(item.checkpointId());
              boolean replay = committed.contains(item.idempotencyKey());
              committed.add(item.idempotencyKey());
              if (dropAtSecond && executed.size() == 2) {
                // The second item commits, and the answer is lost with the connection.
                dropAtSecond = false;
                online.set(false);
                throw new StaffDatabaseException(
                    "The release did not go through", new SQLException("I/O error", "08006"));
              }
              return ok(replay);
            }
          },
          new SynchronousTaskRunner(),
          ManualLater.runner(new SynchronousTaskRunner(), online, committed::contains),
          Runnable::run,
          java.util.Locale.US);

  private static Outcome ok(BulkRelease.Item item, boolean replayed) {
    return new Outcome(item, ok(replayed));
  }

  private static MoneyResult ok(boolean replayed) {
    return MoneyResult.parse(
        "{\"outcome\": \"ok\", \"message\": \"released\", \"replayed\": " + replayed + "}");
  }

  @Test
  void theItemInFlightIsSettledByItsKeyBeforeTheSummaryIsFinal() {
    model.choose(() -> List.of(21L, 22L, 23L));

    model.execute();

    assertThat(model.summaryProperty().get())
        .isEqualTo(
            "Connection lost while releasing; checking whether the item in flight was saved…");
    assertThat(model.busyProperty().get()).isTrue();

    online.set(true);

    // 23 was never sent; 22 was sent once more under its key, only to read its answer.
    assertThat(executed).containsExactly(21L, 22L, 22L);
    assertThat(model.lines())
        .extracting(BulkReleaseViewModel.Line::checkpointId, BulkReleaseViewModel.Line::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(21L, "Released"),
            org.assertj.core.groups.Tuple.tuple(
                22L, "Released (already done earlier with this request)"));
    // Without the checkpoints' names (the engine gives none here) a line still says which it is.
    assertThat(model.lines().get(0).text()).isEqualTo("Checkpoint 21 — Released");
    assertThat(model.summaryProperty().get())
        .isEqualTo(
            "2 released, 0 refused, 1 not released: the connection dropped. Execute again to"
                + " finish: done items are not paid twice.");
    assertThat(model.executableProperty().get()).isTrue();

    model.execute();

    assertThat(model.summaryProperty().get()).isEqualTo("3 released, 0 refused.");
  }

  @Test
  void whileOfflineABulkReleaseIsNotStarted() {
    model.choose(() -> List.of(21L));
    online.set(false);

    model.execute();

    assertThat(executed).isEmpty();
    assertThat(model.summaryProperty().get()).startsWith("Offline");
  }
}
