package dev.arbiter.app.dashboard;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.ThrottledRefresh;
import dev.arbiter.persistence.dashboard.DashboardFigures;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard's figures as text and chart rows. Loading runs through the injected runner, so the
 * FX thread never waits on the database. The figures follow the change feed: a change to a counted
 * table re-reads them, at most once a second, because each read is a handful of aggregates and a
 * busy marketplace changes these tables many times a second.
 */
public final class DashboardViewModel {

  /** Reads the figures; called off the FX thread. */
  @FunctionalInterface
  public interface FiguresSource {
    DashboardFigures load();
  }

  /** One bar of a chart: the raw key, its label and its count. */
  public record CountEntry(String key, String label, long count) {}

  /** Escrow held in one currency, formatted with that currency's minor units. */
  public record HeldEntry(String currency, String amount, String escrows) {}

  static final String NOT_LOADED = "—";

  /** The shortest time between two live re-reads. */
  static final Duration LIVE_INTERVAL = Duration.ofSeconds(1);

  private static final String[] COUNTED_TABLES = {
    "disputes", "escrow_checkpoints", "escrows", "moderation_flags"
  };

  private final FiguresSource source;
  private final TaskRunner tasks;
  private final MoneyFormat money;
  private final NumberFormat counts;
  private final DateTimes time;

  private final ReadOnlyObjectWrapper<DashboardFigures> figures = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper asOf = new ReadOnlyStringWrapper("Not loaded yet");
  private final ReadOnlyStringWrapper openDisputes = new ReadOnlyStringWrapper(NOT_LOADED);
  private final ReadOnlyStringWrapper slaBreached = new ReadOnlyStringWrapper(NOT_LOADED);
  private final ReadOnlyBooleanWrapper anySlaBreached = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper reviewNote =
      new ReadOnlyStringWrapper("checkpoints submitted for release");
  private final ReadOnlyBooleanWrapper anyCheckpointOverdue = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper checkpointsSubmitted = new ReadOnlyStringWrapper(NOT_LOADED);
  private final ReadOnlyStringWrapper checkpointsApproved = new ReadOnlyStringWrapper(NOT_LOADED);
  private final ReadOnlyStringWrapper openFlags = new ReadOnlyStringWrapper(NOT_LOADED);
  private final ReadOnlyStringWrapper openFlagsDetail = new ReadOnlyStringWrapper("");
  private final ObservableList<CountEntry> disputesByStatus = FXCollections.observableArrayList();
  private final ObservableList<CountEntry> flagsBySeverity = FXCollections.observableArrayList();
  private final ObservableList<HeldEntry> escrowHeld = FXCollections.observableArrayList();
  private final ObservableList<CountEntry> disputesByStatusView =
      FXCollections.unmodifiableObservableList(disputesByStatus);
  private final ObservableList<CountEntry> flagsBySeverityView =
      FXCollections.unmodifiableObservableList(flagsBySeverity);
  private final ObservableList<HeldEntry> escrowHeldView =
      FXCollections.unmodifiableObservableList(escrowHeld);

  private final ThrottledRefresh live;
  // A manual and a live read may overlap; only the later one's figures are shown.
  private final TaskKey reads = new TaskKey();

  public DashboardViewModel(FiguresSource source, TaskRunner tasks, Locale locale, ZoneId zone) {
    this(source, tasks, locale, zone, System::nanoTime, ThrottledRefresh.fxTimer());
  }

  /**
   * @param nanoClock and {@code timer} space the live re-reads (tests pass their own)
   */
  public DashboardViewModel(
      FiguresSource source,
      TaskRunner tasks,
      Locale locale,
      ZoneId zone,
      LongSupplier nanoClock,
      ThrottledRefresh.Timer timer) {
    // Live re-reads are quiet: a spinner blinking every second under traffic says nothing useful.
    this.live = new ThrottledRefresh(LIVE_INTERVAL, nanoClock, timer, done -> load(done, false));
    this.source = source;
    this.tasks = tasks;
    this.money = new MoneyFormat(locale);
    this.counts = NumberFormat.getIntegerInstance(locale);
    this.time = new DateTimes(locale, zone);
  }

  /** Loads the figures again; ignored while a load is already running. */
  public void refresh() {
    if (loading.get()) {
      return;
    }
    load(() -> {}, true);
  }

  /** Rows changed somewhere: re-reads the figures if a counted table is among them. */
  public void changed(ChangeSet changes) {
    if (changes.touches(COUNTED_TABLES)) {
      live.request();
    }
  }

  private void load(Runnable done, boolean shown) {
    if (shown) {
      loading.set(true);
    }
    tasks
        .runLatest(reads, source::load)
        .onSuccess(
            loaded -> {
              loading.set(false);
              error.set("");
              show(loaded);
            })
        .onFailure(
            failure -> {
              loading.set(false);
              // Keep the last figures on screen: stale numbers with a warning beat a blank page.
              error.set(ErrorText.describe(failure));
            })
        .whenFinished(done);
  }

  private void show(DashboardFigures loaded) {
    figures.set(loaded);
    asOf.set("As of " + time.timeWithSeconds(loaded.asOf()));
    openDisputes.set(count(loaded.openDisputes()));
    slaBreached.set(count(loaded.slaBreachedDisputes()));
    anySlaBreached.set(loaded.slaBreachedDisputes() > 0);
    checkpointsSubmitted.set(count(loaded.checkpointsSubmitted()));
    checkpointsApproved.set(count(loaded.checkpointsApproved()));
    long overdue = loaded.checkpointsOverdue();
    reviewNote.set(
        "checkpoints submitted for release"
            + (overdue == 0 ? "" : " · " + count(overdue) + " overdue for a reviewer"));
    anyCheckpointOverdue.set(overdue > 0);
    openFlags.set(count(loaded.openFlags()));
    long critical = loaded.openFlagsBySeverity().getOrDefault("critical", 0L);
    openFlagsDetail.set(critical == 0 ? "none critical" : count(critical) + " critical");
    disputesByStatus.setAll(entries(loaded.openDisputesByStatus()));
    flagsBySeverity.setAll(entries(loaded.openFlagsBySeverity()));
    escrowHeld.setAll(
        loaded.escrowHeld().stream()
            .map(
                held ->
                    new HeldEntry(
                        held.currency(),
                        money.format(held.heldMinor(), held.currency()),
                        held.escrows() == 1
                            ? "in 1 escrow"
                            : "in " + count(held.escrows()) + " escrows"))
            .toList());
  }

  private List<CountEntry> entries(Map<String, Long> byKey) {
    return byKey.entrySet().stream()
        .map(e -> new CountEntry(e.getKey(), label(e.getKey()), e.getValue()))
        .toList();
  }

  /** {@code under_review} reads as "Under review". */
  static String label(String key) {
    String words = key.replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private String count(long value) {
    return counts.format(value);
  }

  public ReadOnlyObjectProperty<DashboardFigures> figuresProperty() {
    return figures.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty asOfProperty() {
    return asOf.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty openDisputesProperty() {
    return openDisputes.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty slaBreachedProperty() {
    return slaBreached.getReadOnlyProperty();
  }

  /** Under "To review": how many of them are past their auto-release time, when any are. */
  public ReadOnlyStringProperty reviewNoteProperty() {
    return reviewNote.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty anyCheckpointOverdueProperty() {
    return anyCheckpointOverdue.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty anySlaBreachedProperty() {
    return anySlaBreached.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty checkpointsSubmittedProperty() {
    return checkpointsSubmitted.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty checkpointsApprovedProperty() {
    return checkpointsApproved.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty openFlagsProperty() {
    return openFlags.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty openFlagsDetailProperty() {
    return openFlagsDetail.getReadOnlyProperty();
  }

  public ObservableList<CountEntry> disputesByStatus() {
    return disputesByStatusView;
  }

  public ObservableList<CountEntry> flagsBySeverity() {
    return flagsBySeverityView;
  }

  public ObservableList<HeldEntry> escrowHeld() {
    return escrowHeldView;
  }
}
