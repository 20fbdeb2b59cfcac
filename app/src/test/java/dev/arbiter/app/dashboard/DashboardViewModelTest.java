package dev.arbiter.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.DeferredTaskRunner;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.dashboard.DashboardViewModel.CountEntry;
import dev.arbiter.app.dashboard.DashboardViewModel.HeldEntry;
import dev.arbiter.persistence.dashboard.DashboardFigures;
import dev.arbiter.persistence.dashboard.DashboardFigures.HeldFunds;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {

  private static final DashboardFigures FIGURES =
      new DashboardFigures(
          Instant.parse("2025-03-04T13:05:09Z"),
          Map.of("open", 1200L, "under_review", 2L, "escalated", 1L),
          3,
          2,
          1,
          0,
          Map.of("critical", 1L, "high", 2L, "low", 1L),
          List.of(new HeldFunds("JPY", 150_000, 1), new HeldFunds("USD", 120_000, 2)));

  private final List<String> calls = new ArrayList<>();

  private DashboardViewModel model(DashboardViewModel.FiguresSource source) {
    return new DashboardViewModel(
        () -> {
          calls.add("load");
          return source.load();
        },
        new SynchronousTaskRunner(),
        Locale.US,
        ZoneOffset.UTC);
  }

  @Test
  void beforeLoadingEveryFigureShowsAPlaceholderNotZero() {
    DashboardViewModel model = model(() -> FIGURES);

    assertThat(model.openDisputesProperty().get()).isEqualTo("—");
    assertThat(model.escrowHeld()).isEmpty();
    assertThat(calls).isEmpty();
  }

  @Test
  void refreshShowsEveryFigureFormattedForTheLocale() {
    DashboardViewModel model = model(() -> FIGURES);

    model.refresh();

    assertThat(model.openDisputesProperty().get()).isEqualTo("1,203");
    assertThat(model.slaBreachedProperty().get()).isEqualTo("3");
    assertThat(model.anySlaBreachedProperty().get()).isTrue();
    assertThat(model.checkpointsSubmittedProperty().get()).isEqualTo("2");
    assertThat(model.checkpointsApprovedProperty().get()).isEqualTo("1");
    assertThat(model.openFlagsProperty().get()).isEqualTo("4");
    assertThat(model.openFlagsDetailProperty().get()).isEqualTo("1 critical");
    // JDK versions differ on the space before PM (CLDR switched to a narrow no-break space).
    assertThat(model.asOfProperty().get()).matches("As of 1:05:09[ \u202f]PM");
    assertThat(model.errorProperty().get()).isEmpty();
    assertThat(model.loadingProperty().get()).isFalse();
  }

  @Test
  void chartRowsKeepWorkflowOrderIncludingZeroStatuses() {
    DashboardViewModel model = model(() -> FIGURES);

    model.refresh();

    assertThat(model.disputesByStatus())
        .containsExactly(
            new CountEntry("open", "Open", 1200),
            new CountEntry("under_review", "Under review", 2),
            new CountEntry("awaiting_parties", "Awaiting parties", 0),
            new CountEntry("escalated", "Escalated", 1),
            new CountEntry("settling", "Settling", 0));
    assertThat(model.flagsBySeverity())
        .extracting(CountEntry::label, CountEntry::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Critical", 1L),
            org.assertj.core.groups.Tuple.tuple("High", 2L),
            org.assertj.core.groups.Tuple.tuple("Medium", 0L),
            org.assertj.core.groups.Tuple.tuple("Low", 1L));
  }

  @Test
  void escrowHeldIsFormattedWithEachCurrencysMinorUnits() {
    DashboardViewModel model = model(() -> FIGURES);

    model.refresh();

    assertThat(model.escrowHeld())
        .containsExactly(
            new HeldEntry("JPY", "¥150,000", "in 1 escrow"),
            new HeldEntry("USD", "$1,200.00", "in 2 escrows"));
  }

  @Test
  void failedRefreshKeepsTheLastFiguresAndExplainsTheFailure() {
    List<Object> answers = new ArrayList<>(List.of(FIGURES, "fail"));
    DashboardViewModel model =
        model(
            () -> {
              Object next = answers.remove(0);
              if (next instanceof DashboardFigures figures) {
                return figures;
              }
              throw new StaffDatabaseException(
                  "Could not load the dashboard",
                  new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            });

    model.refresh();
    model.refresh();

    assertThat(model.errorProperty().get())
        .isEqualTo(
            "Could not load the dashboard: An I/O error occurred while sending to the backend.");
    assertThat(model.openDisputesProperty().get()).isEqualTo("1,203");
    assertThat(model.loadingProperty().get()).isFalse();
  }

  @Test
  void successfulRefreshClearsAnEarlierError() {
    List<Boolean> fail = new ArrayList<>(List.of(true, false));
    DashboardViewModel model =
        model(
            () -> {
              if (fail.remove(0)) {
                throw new IllegalStateException("boom");
              }
              return FIGURES;
            });

    model.refresh();
    assertThat(model.errorProperty().get()).isEqualTo("Unexpected error: boom");
    model.refresh();

    assertThat(model.errorProperty().get()).isEmpty();
  }

  @Test
  void refreshWhileLoadingIsIgnored() {
    DeferredTaskRunner deferred = new DeferredTaskRunner();
    DashboardViewModel model =
        new DashboardViewModel(
            () -> {
              calls.add("load");
              return FIGURES;
            },
            deferred,
            Locale.US,
            ZoneOffset.UTC);

    model.refresh();
    assertThat(model.loadingProperty().get()).isTrue();
    model.refresh();
    deferred.finishAll();

    assertThat(calls).containsExactly("load");
    assertThat(model.loadingProperty().get()).isFalse();
    assertThat(model.figuresProperty().get()).isEqualTo(FIGURES);
  }

  @Test
  void noCriticalFlagsReadsAsNoneCritical() {
    DashboardViewModel model =
        model(
            () ->
                new DashboardFigures(
                    Instant.EPOCH, Map.of(), 0, 0, 0, 0, Map.of("low", 3L), List.of()));

    model.refresh();

    assertThat(model.openFlagsDetailProperty().get()).isEqualTo("none critical");
    assertThat(model.anySlaBreachedProperty().get()).isFalse();
    assertThat(model.escrowHeld()).isEmpty();
  }

  @Test
  void checkpointsAPersonMustDecidePastTheirTimeAreCountedUnderToReview() {
    DashboardViewModel model =
        model(
            () -> new DashboardFigures(Instant.EPOCH, Map.of(), 0, 12, 0, 3, Map.of(), List.of()));

    model.refresh();

    assertThat(model.reviewNoteProperty().get())
        .isEqualTo("checkpoints submitted for release · 3 overdue for a reviewer");
    assertThat(model.anyCheckpointOverdueProperty().get()).isTrue();
  }
}
