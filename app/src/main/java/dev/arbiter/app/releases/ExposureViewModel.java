package dev.arbiter.app.releases;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.KeyedRows;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.RefreshGate;
import dev.arbiter.model.money.Money;
import dev.arbiter.persistence.ledger.Exposure;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Escrow exposure: one chart per currency (amounts in different currencies never share an axis),
 * the auto-releases coming up and the largest exposures. It follows the database: a change to the
 * tables it reads re-reads it quietly, one read in flight, merged in place with the selected lines
 * kept.
 */
public final class ExposureViewModel {

  /** One bar: an age bucket, its height in major units (drawing only) and the exact amount. */
  public record AgeBar(String bucket, double major, String amount) {}

  /** One currency's chart. */
  public record CurrencyChart(String currency, String total, List<AgeBar> bars) {}

  /** One line of a list: the checkpoint or escrow it is about, and what it says. */
  public record Line(long id, String text) {}

  // What the exposure query reads. Journals are left out: money moving in or out of an escrow
  // updates the escrow's own totals in the same transaction, and other journals change nothing
  // here.
  private static final String[] READS = {"escrows", "escrow_checkpoints", "contracts"};

  private final Supplier<Exposure> source;
  private final TaskRunner tasks;
  private final MoneyFormat money;
  private final DateTimes time;
  private final ObservableList<CurrencyChart> charts = FXCollections.observableArrayList();
  private final KeyedRows<Line, Long> upcoming = new KeyedRows<>(Line::id);
  private final KeyedRows<Line, Long> largest = new KeyedRows<>(Line::id);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not loaded yet");
  private final ObservableBooleanValue online;
  private final RefreshGate live = new RefreshGate(this::reread);
  private boolean loaded;
  // A reload and a live re-read may overlap; only the later one is shown.
  private final TaskKey reads = new TaskKey();

  /**
   * @param online false while the database cannot be reached: live re-reads wait for the reconnect,
   *     which re-reads everything anyway
   */
  public ExposureViewModel(
      Supplier<Exposure> source,
      TaskRunner tasks,
      ObservableBooleanValue online,
      Locale locale,
      ZoneId zone) {
    this.source = source;
    this.tasks = tasks;
    this.online = online;
    this.money = new MoneyFormat(locale);
    this.time = new DateTimes(locale, zone);
  }

  public void reload() {
    status.set("Loading…");
    tasks
        .runLatest(reads, source::get)
        .onSuccess(this::show)
        .onFailure(failure -> status.set(ErrorText.describe(failure)));
  }

  /** The tab is shown: the first time it loads, later it catches up on what it missed. */
  public void shown() {
    if (!loaded) {
      reload();
    } else {
      changed(ChangeSet.everything());
    }
  }

  /** Rows changed somewhere: re-reads the exposure if they are rows it reads. FX thread. */
  public void changed(ChangeSet changes) {
    if (loaded && online.get() && changes.touches(READS)) {
      live.request();
    }
  }

  // Quiet: the figures stay as they are until the new ones are there, with no "Loading…".
  private void reread(Runnable done) {
    tasks
        .runLatest(reads, source::get)
        .onSuccess(this::show)
        .onFailure(failure -> status.set(ErrorText.describe(failure)))
        .whenFinished(done);
  }

  private void show(Exposure exposure) {
    loaded = true;
    List<CurrencyChart> built = charts(exposure);
    ListMerge.update(charts, built);
    upcoming.merge(exposure.upcoming().stream().map(u -> line(u, exposure.asOf())).toList());
    largest.merge(exposure.largest().stream().map(this::line).toList());
    status.set(
        built.isEmpty()
            ? "No money is held in escrow."
            : "As of " + time.dateTime(exposure.asOf()));
  }

  private List<CurrencyChart> charts(Exposure exposure) {
    Map<String, List<Exposure.HeldByAge>> byCurrency = new LinkedHashMap<>();
    exposure
        .heldByAge()
        .forEach(h -> byCurrency.computeIfAbsent(h.currency(), c -> new ArrayList<>()).add(h));
    List<CurrencyChart> built = new ArrayList<>();
    byCurrency.forEach(
        (currency, held) -> {
          List<AgeBar> bars = new ArrayList<>();
          long total = 0;
          for (String bucket : Exposure.AGE_BUCKETS) {
            long minor =
                held.stream()
                    .filter(h -> h.bucket().equals(bucket))
                    .mapToLong(Exposure.HeldByAge::heldMinor)
                    .sum();
            total += minor;
            bars.add(
                new AgeBar(
                    bucket,
                    Money.of(minor, currency).toMajor().doubleValue(),
                    money.format(minor, currency)));
          }
          built.add(new CurrencyChart(currency, money.format(total, currency), bars));
        });
    return built;
  }

  // Nothing releases a checkpoint by itself yet, so one past its time stays in the list: say so.
  private Line line(Exposure.UpcomingRelease u, Instant asOf) {
    String when = time.dateTime(u.autoReleaseAt());
    return new Line(
        u.checkpointId(),
        (u.autoReleaseAt().isBefore(asOf) ? "Overdue since " + when : when)
            + " · "
            + u.contractReference()
            + " "
            + u.label()
            + " · "
            + money.format(u.amountMinor(), u.currency())
            + " · "
            + CheckpointViewModel.statusText(u.status()));
  }

  private Line line(Exposure.LargestExposure l) {
    return new Line(
        l.escrowId(),
        money.format(l.heldMinor(), l.currency())
            + " · "
            + l.contractReference()
            + " "
            + l.contractTitle()
            + " · escrow "
            + l.escrowId()
            + " since "
            + time.dateTime(l.fundedSince()));
  }

  public ObservableList<CurrencyChart> charts() {
    return charts;
  }

  /** Auto-releases by checkpoint, overdue first, with the selected one kept across re-reads. */
  public KeyedRows<Line, Long> upcoming() {
    return upcoming;
  }

  /** The largest exposures by escrow, with the selected one kept across re-reads. */
  public KeyedRows<Line, Long> largest() {
    return largest;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
