package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.DeferredTaskRunner;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.releases.ExposureViewModel.Line;
import dev.arbiter.persistence.ledger.Exposure;
import dev.arbiter.persistence.ledger.Exposure.HeldByAge;
import dev.arbiter.persistence.ledger.Exposure.LargestExposure;
import dev.arbiter.persistence.ledger.Exposure.UpcomingRelease;
import dev.arbiter.persistence.live.TableChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** The exposure tab following the database: quietly, in place, one read at a time. */
class ExposureViewModelTest {

  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private final List<String> statuses = new ArrayList<>();
  private List<LargestExposure> largest = List.of(escrow(7, 50_000));
  private List<UpcomingRelease> upcoming = List.of();
  private int reads;

  private ExposureViewModel model(TaskRunner tasks) {
    ExposureViewModel model =
        new ExposureViewModel(
            () -> {
              reads++;
              long held = largest.stream().mapToLong(LargestExposure::heldMinor).sum();
              return new Exposure(
                  Instant.EPOCH,
                  List.of(new HeldByAge("USD", Exposure.AGE_BUCKETS.get(0), held, 1)),
                  upcoming,
                  largest);
            },
            tasks,
            online,
            Locale.US,
            ZoneOffset.UTC);
    model.statusProperty().addListener((obs, was, now) -> statuses.add(now));
    return model;
  }

  private static ChangeSet change(String table) {
    return ChangeSet.of(List.of(new TableChange(table, "update", "7")));
  }

  private static LargestExposure escrow(long id, long held) {
    return new LargestExposure(id, "FP-" + id, "Contract " + id, held, "USD", Instant.EPOCH);
  }

  @Test
  void fundsMovingReReadTheFiguresInPlaceWithoutSayingLoading() {
    ExposureViewModel model = model(new SynchronousTaskRunner());
    model.shown();
    statuses.clear();
    largest = List.of(escrow(7, 80_000));

    model.changed(change("escrows"));

    assertThat(model.charts())
        .singleElement()
        .satisfies(c -> assertThat(c.total()).isEqualTo("$800.00"));
    assertThat(statuses).noneMatch(s -> s.startsWith("Loading"));
  }

  @Test
  void theSelectedEscrowStaysSelectedWhenALargerOneArrivesAboveIt() {
    ExposureViewModel model = model(new SynchronousTaskRunner());
    model.shown();
    model.largest().select(model.largest().rows().get(0));
    largest = List.of(escrow(9, 900_000), escrow(7, 50_000));

    model.changed(change("escrows"));

    assertThat(model.largest().rows()).extracting(Line::id).containsExactly(9L, 7L);
    assertThat(model.largest().selectedRow()).map(Line::id).contains(7L);
  }

  @Test
  void changesToTablesItDoesNotReadCostNothing() {
    ExposureViewModel model = model(new SynchronousTaskRunner());
    model.shown();

    model.changed(change("disputes"));
    model.changed(change("journals"));

    assertThat(reads).isEqualTo(1);
  }

  @Test
  void aBurstKeepsOneReadInFlightAndOneAfterIt() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    ExposureViewModel model = model(tasks);
    model.shown();
    tasks.finishAll();

    for (int i = 0; i < 20; i++) {
      model.changed(change("escrow_checkpoints"));
    }
    assertThat(tasks.pending()).isEqualTo(1);
    tasks.finishAll();
    assertThat(tasks.pending()).isEqualTo(1);
    tasks.finishAll();

    assertThat(reads).isEqualTo(3);
  }

  @Test
  void offlineNothingIsReadAndTheReconnectReReads() {
    ExposureViewModel model = model(new SynchronousTaskRunner());
    model.shown();
    online.set(false);

    model.changed(change("escrows"));
    model.shown();
    assertThat(reads).isEqualTo(1);

    online.set(true);
    model.changed(ChangeSet.everything());
    assertThat(reads).isEqualTo(2);
  }

  @Test
  void nothingIsReadLiveBeforeTheTabWasFirstShown() {
    ExposureViewModel model = model(new SynchronousTaskRunner());

    model.changed(change("escrows"));

    assertThat(reads).isZero();
  }

  @Test
  void anAutoReleasePastItsTimeIsShownAsOverdue() {
    Instant asOf = Instant.EPOCH;
    upcoming =
        List.of(
            new UpcomingRelease(
                3, "Milestone 3", "FP-3", "approved", 20_000, "USD", asOf.minusSeconds(3_600)),
            new UpcomingRelease(
                4, "Milestone 4", "FP-4", "submitted", 5_000, "USD", asOf.plusSeconds(86_400)));
    ExposureViewModel model = model(new SynchronousTaskRunner());
    model.shown();

    assertThat(model.upcoming().rows())
        .extracting(Line::text)
        .satisfiesExactly(
            overdue ->
                assertThat(overdue).startsWith("Overdue since ").contains("FP-3 Milestone 3"),
            later -> assertThat(later).doesNotContain("Overdue").contains("FP-4 Milestone 4"));
  }
}
