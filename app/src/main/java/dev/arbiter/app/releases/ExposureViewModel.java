package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.model.money.Money;
import dev.arbiter.persistence.ledger.Exposure;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Escrow exposure: one chart per currency (amounts in different currencies never share an axis),
 * the auto-releases coming up and the largest exposures.
 */
public final class ExposureViewModel {

  /** One bar: an age bucket, its height in major units (drawing only) and the exact amount. */
  public record AgeBar(String bucket, double major, String amount) {}

  /** One currency's chart. */
  public record CurrencyChart(String currency, String total, List<AgeBar> bars) {}

  private final Supplier<Exposure> source;
  private final TaskRunner tasks;
  private final MoneyFormat money;
  private final DateTimeFormatter time;
  private final ObservableList<CurrencyChart> charts = FXCollections.observableArrayList();
  private final ObservableList<String> upcoming = FXCollections.observableArrayList();
  private final ObservableList<String> largest = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not loaded yet");

  public ExposureViewModel(
      Supplier<Exposure> source, TaskRunner tasks, Locale locale, ZoneId zone) {
    this.source = source;
    this.tasks = tasks;
    this.money = new MoneyFormat(locale);
    this.time =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone);
  }

  public void reload() {
    status.set("Loading…");
    reload(() -> {});
  }

  /**
   * Re-reads the exposure in place (the change feed reported money moving); {@code done} runs when
   * the read has finished, either way.
   */
  public void reload(Runnable done) {
    tasks
        .run(source::get)
        .onSuccess(
            exposure -> {
              show(exposure);
              done.run();
            })
        .onFailure(
            failure -> {
              status.set(ErrorText.describe(failure));
              done.run();
            });
  }

  private void show(Exposure exposure) {
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
    ListMerge.update(charts, built);
    ListMerge.update(
        upcoming,
        exposure.upcoming().stream()
            .map(
                u ->
                    time.format(u.autoReleaseAt())
                        + " · "
                        + u.contractReference()
                        + " "
                        + u.label()
                        + " · "
                        + money.format(u.amountMinor(), u.currency())
                        + " · "
                        + CheckpointViewModel.statusText(u.status()))
            .toList());
    ListMerge.update(
        largest,
        exposure.largest().stream()
            .map(
                l ->
                    money.format(l.heldMinor(), l.currency())
                        + " · "
                        + l.contractReference()
                        + " "
                        + l.contractTitle()
                        + " · escrow "
                        + l.escrowId()
                        + " since "
                        + time.format(l.fundedSince()))
            .toList());
    status.set(
        built.isEmpty() ? "No money is held in escrow." : "As of " + time.format(exposure.asOf()));
  }

  public ObservableList<CurrencyChart> charts() {
    return charts;
  }

  public ObservableList<String> upcoming() {
    return upcoming;
  }

  public ObservableList<String> largest() {
    return largest;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
