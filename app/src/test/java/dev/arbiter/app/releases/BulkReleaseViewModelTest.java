package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.ManualLater;
import dev.arbiter.persistence.escrow.BulkRelease;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.escrow.BulkRelease.Subject;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BulkReleaseViewModelTest {

  /** Every item released, in the order sent. */
  private final List<BulkRelease.Item> executed = new ArrayList<>();

  private final BulkReleaseViewModel model =
      new BulkReleaseViewModel(
          new BulkReleaseViewModel.Engine() {
            @Override
            public List<Outcome> preview(BulkRelease plan, Consumer<Outcome> progress) {
              List<Outcome> outcomes = new ArrayList<>();
              for (BulkRelease.Item item : plan.items()) {
                Outcome o = new Outcome(item, answer(item));
                outcomes.add(o);
                progress.accept(o);
              }
              return outcomes;
            }

            @Override
            public MoneyResult release(BulkRelease.Item item) {
              executed.add(item);
              return answer(item);
            }

            @Override
            public Map<Long, Subject> subjects(List<Long> checkpointIds) {
              return Map.of(
                  11L, new Subject("GIG-000287", 1, 15_000, "USD"),
                  12L, new Subject("GIG-000287", 2, 5_000, "USD"),
                  13L, new Subject("GIG-000301", 1, 9_900, "USD"),
                  14L, new Subject("FP-000042", 3, 2_000, "EUR"));
            }
          },
          new SynchronousTaskRunner(),
          ManualLater.runner(new SynchronousTaskRunner(), key -> false),
          Runnable::run,
          Locale.US);

  /** Checkpoint 13 is refused as disputed; the others go through. */
  private static MoneyResult answer(BulkRelease.Item item) {
    return MoneyResult.parse(
        item.checkpointId() == 13
            ? "{\"outcome\": \"open_dispute\", \"message\": \"1 open dispute(s)\"}"
            : "{\"outcome\": \"ok\", \"message\": \"released\"}");
  }

  @Test
  void thePreviewNamesEachCheckpointAndItsAmountInTheFutureTense() {
    model.choose(() -> List.of(11L, 13L, 14L));

    assertThat(model.lines())
        .extracting(BulkReleaseViewModel.Line::text)
        .containsExactly(
            "GIG-000287 #1 · $150.00 will be released",
            "GIG-000301 #1 · $99.00 would be refused — A dispute is open: settle it first. 1 open"
                + " dispute(s).",
            "FP-000042 #3 · €20.00 will be released");
    assertThat(model.summaryProperty().get())
        .isEqualTo(
            "Preview: 2 of 3 would be released (€20.00, $150.00), 1 would be refused. Nothing has"
                + " moved yet.");

    model.execute();

    assertThat(model.lines().get(0).text()).isEqualTo("GIG-000287 #1 · $150.00 — Released");
  }

  @Test
  void previewSaysWhichWouldBeRefusedAndExecutingTwiceReusesTheSameKeys() {
    model.choose(() -> List.of(11L, 12L, 13L, 14L));

    assertThat(model.summaryProperty().get())
        .isEqualTo(
            "Preview: 3 of 4 would be released (€20.00, $200.00), 1 would be refused. Nothing has"
                + " moved yet.");
    assertThat(model.lines())
        .filteredOn(l -> !l.ok())
        .singleElement()
        .satisfies(l -> assertThat(l.result()).startsWith("A dispute is open"));

    model.execute();
    model.execute();

    assertThat(model.summaryProperty().get()).isEqualTo("3 released, 1 refused.");
    assertThat(model.progressProperty().get()).isEqualTo(1.0);
    // Every item sent twice, the second time under the key and in the order of the first.
    assertThat(executed).hasSize(8);
    assertThat(executed.subList(4, 8)).isEqualTo(executed.subList(0, 4));
    assertThat(executed.subList(0, 4))
        .extracting(BulkRelease.Item::checkpointId)
        .containsExactly(11L, 12L, 13L, 14L);
  }

  @Test
  void nothingChosenCannotBeExecuted() {
    model.choose(List::of);

    assertThat(model.executableProperty().get()).isFalse();
    assertThat(model.summaryProperty().get()).startsWith("Nothing selected");
  }
}
