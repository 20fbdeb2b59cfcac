package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.persistence.escrow.BulkRelease;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** A bulk release interrupted by a lost connection settles the item in flight before it sums up. */
class BulkReleaseUnknownOutcomeTest {

  private final Set<String> committed = new HashSet<>();
  private final List<List<Long>> executed = new ArrayList<>();
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
            public List<Outcome> execute(
                BulkRelease plan, Consumer<Outcome> progress, BooleanSupplier cancelled) {
              executed.add(plan.items().stream().map(BulkRelease.Item::checkpointId).toList());
              List<Outcome> done = new ArrayList<>();
              for (BulkRelease.Item item : plan.items()) {
                boolean replay = committed.contains(item.idempotencyKey());
                if (dropAtSecond && done.size() == 1) {
                  // The second item commits, and the answer is lost with the connection.
                  dropAtSecond = false;
                  committed.add(item.idempotencyKey());
                  online.set(false);
                  throw new StaffDatabaseException(
                      "The release did not go through", new SQLException("I/O error", "08006"));
                }
                committed.add(item.idempotencyKey());
                Outcome o = ok(item, replay);
                done.add(o);
                progress.accept(o);
              }
              return done;
            }
          },
          committed::contains,
          new SynchronousTaskRunner(),
          online,
          Runnable::run);

  private static Outcome ok(BulkRelease.Item item, boolean replayed) {
    return new Outcome(
        item,
        MoneyResult.parse(
            "{\"outcome\": \"ok\", \"message\": \"released\", \"replayed\": " + replayed + "}"));
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

    assertThat(executed).containsExactly(List.of(21L, 22L, 23L), List.of(22L));
    assertThat(model.lines())
        .extracting(BulkReleaseViewModel.Line::checkpointId, BulkReleaseViewModel.Line::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(21L, "Released"),
            org.assertj.core.groups.Tuple.tuple(
                22L, "Released (already done earlier with this request)"));
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
