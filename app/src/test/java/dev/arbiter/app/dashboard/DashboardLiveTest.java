package dev.arbiter.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.DeferredTaskRunner;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.persistence.dashboard.DashboardFigures;
import dev.arbiter.persistence.live.TableChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardLiveTest {

  private int loads;
  private long openDisputes = 1;
  private long now;
  private final List<Runnable> timers = new ArrayList<>();

  private DashboardViewModel model() {
    return new DashboardViewModel(
        () -> {
          loads++;
          return new DashboardFigures(
              Instant.EPOCH, Map.of("open", openDisputes), 0, 0, 0, 0, Map.of(), List.of());
        },
        new SynchronousTaskRunner(),
        Locale.US,
        ZoneOffset.UTC,
        () -> now,
        (delay, action) -> timers.add(action));
  }

  private static ChangeSet change(String table) {
    return ChangeSet.of(List.of(new TableChange(table, "insert", "1")));
  }

  @Test
  void aChangeToACountedTableReReadsTheFigures() {
    DashboardViewModel model = model();
    model.refresh();
    openDisputes = 2;

    model.changed(change("disputes"));

    assertThat(model.openDisputesProperty().get()).isEqualTo("2");
    assertThat(loads).isEqualTo(2);
  }

  @Test
  void aLiveReReadDoesNotShowTheSpinner() {
    DeferredTaskRunner deferred = new DeferredTaskRunner();
    DashboardViewModel model =
        new DashboardViewModel(
            () -> {
              loads++;
              return new DashboardFigures(
                  Instant.EPOCH, Map.of("open", openDisputes), 0, 0, 0, 0, Map.of(), List.of());
            },
            deferred,
            Locale.US,
            ZoneOffset.UTC,
            () -> now,
            (delay, action) -> timers.add(action));

    model.changed(change("disputes"));

    assertThat(loads).isZero();
    assertThat(model.loadingProperty().get()).isFalse();
    deferred.finishAll();
    assertThat(loads).isEqualTo(1);
    assertThat(model.openDisputesProperty().get()).isEqualTo("1");
  }

  @Test
  void changesToTablesTheDashboardDoesNotCountCostNothing() {
    DashboardViewModel model = model();
    model.refresh();

    model.changed(change("contact_notes"));
    model.changed(change("console_presence"));

    assertThat(loads).isEqualTo(1);
  }

  @Test
  void aStreamOfChangesIsReadAtMostOnceASecond() {
    DashboardViewModel model = model();
    model.changed(change("disputes"));
    for (int i = 0; i < 20; i++) {
      now += 10_000_000;
      model.changed(change("moderation_flags"));
    }
    assertThat(loads).isEqualTo(1);
    assertThat(timers).hasSize(1);

    openDisputes = 9;
    timers.remove(0).run();
    assertThat(loads).isEqualTo(2);
    assertThat(model.openDisputesProperty().get()).isEqualTo("9");
  }

  @Test
  void aResyncAfterAnOutageReReadsEverything() {
    DashboardViewModel model = model();
    model.changed(ChangeSet.everything());
    assertThat(loads).isEqualTo(1);
  }
}
