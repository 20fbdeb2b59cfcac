package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.persistence.escrow.BulkRelease;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class BulkReleaseViewModelTest {

  private final List<BulkRelease> executed = new ArrayList<>();

  private final BulkReleaseViewModel model =
      new BulkReleaseViewModel(
          new BulkReleaseViewModel.Engine() {
            @Override
            public List<Outcome> preview(BulkRelease plan, Consumer<Outcome> progress) {
              return answer(plan, progress);
            }

            @Override
            public List<Outcome> execute(
                BulkRelease plan, Consumer<Outcome> progress, BooleanSupplier cancelled) {
              executed.add(plan);
              return answer(plan, progress);
            }
          },
          key -> false,
          new SynchronousTaskRunner(),
          new SimpleBooleanProperty(true),
          Runnable::run);

  /** Checkpoint 13 is refused as disputed; the others go through. */
  private static List<Outcome> answer(BulkRelease plan, Consumer<Outcome> progress) {
    List<Outcome> outcomes = new ArrayList<>();
    for (BulkRelease.Item item : plan.items()) {
      String json =
          item.checkpointId() == 13
              ? "{\"outcome\": \"open_dispute\", \"message\": \"1 open dispute(s)\"}"
              : "{\"outcome\": \"ok\", \"message\": \"released\"}";
      Outcome o = new Outcome(item, MoneyResult.parse(json));
      outcomes.add(o);
      progress.accept(o);
    }
    return outcomes;
  }

  @Test
  void previewSaysWhichWouldBeRefusedAndExecutingTwiceReusesTheSameKeys() {
    model.choose(() -> List.of(11L, 12L, 13L, 14L));

    assertThat(model.summaryProperty().get())
        .isEqualTo("Preview: 3 of 4 would be released, 1 would be refused. Nothing has moved yet.");
    assertThat(model.lines())
        .filteredOn(l -> !l.ok())
        .singleElement()
        .satisfies(l -> assertThat(l.result()).startsWith("A dispute is open"));

    model.execute();
    model.execute();

    assertThat(model.summaryProperty().get()).isEqualTo("3 released, 1 refused.");
    assertThat(model.progressProperty().get()).isEqualTo(1.0);
    assertThat(executed).hasSize(2);
    assertThat(executed.get(1).items()).isEqualTo(executed.get(0).items());
  }

  @Test
  void nothingChosenCannotBeExecuted() {
    model.choose(List::of);

    assertThat(model.executableProperty().get()).isFalse();
    assertThat(model.summaryProperty().get()).startsWith("Nothing selected");
  }
}
