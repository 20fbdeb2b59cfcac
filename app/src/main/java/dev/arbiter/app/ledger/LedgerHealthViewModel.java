package dev.arbiter.app.ledger;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.KeyedRows;
import dev.arbiter.app.common.Plurals;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.ThrottledRefresh;
import dev.arbiter.persistence.ledger.LedgerFinding;
import dev.arbiter.persistence.ledger.LedgerReport;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The "Verify ledger" button: the same checks as {@code arbiter ledger verify}. Once verified, the
 * verdict follows the ledger: money moving re-checks it quietly, spaced by what a check costs.
 */
public final class LedgerHealthViewModel {

  /** One finding, with the check and row it is about as the key that survives a re-check. */
  public record Finding(String key, String text) {

    static Finding of(LedgerFinding f) {
      // A currency-wide total has no row (id 0); its text names the currency.
      String row = f.id() == 0 ? f.describe() : Long.toString(f.id());
      return new Finding(f.check().name() + ":" + row, f.describe());
    }
  }

  /** The shortest time between two live re-checks. */
  static final Duration MIN_INTERVAL = Duration.ofSeconds(2);

  /**
   * Live re-checks are spaced by this many times the last check's duration. A check reads the whole
   * ledger (every journal's entries, every wallet's running balance as a window over all entries),
   * so it grows with the ledger, and a busy marketplace posts journals all the time: back to back,
   * the checks of a million-dispute ledger would keep a server connection and a core busy for good.
   * Waiting ten times as long as the last check took keeps it under a tenth of that, at any size,
   * while a small ledger still follows within about {@link #MIN_INTERVAL}.
   */
  static final int COST_FACTOR = 10;

  // Money moves through journals (their entries are append-only and never come without one), and
  // the checks compare them with wallet balances and escrow totals.
  private static final String[] LEDGER = {"journals", "wallets", "escrows"};

  private final Supplier<LedgerReport> verifier;
  private final TaskRunner tasks;
  private final ObservableBooleanValue online;
  private final LongSupplier nanoClock;
  private final NumberFormat counts;
  private final DateTimes time;
  private final ThrottledRefresh live;
  private final ReadOnlyStringWrapper verdict =
      new ReadOnlyStringWrapper("Not verified in this session.");
  private final ReadOnlyStringWrapper asOf = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper clean = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final KeyedRows<Finding, String> findings = new KeyedRows<>(Finding::key);
  private boolean verified;
  private boolean shown;
  private boolean missed;
  private boolean recheckAfterRun;
  private long lastCost;
  private String shownAt = "";
  // Checks are numbered as they start; one that ends after a later one was shown is dropped.
  private long checks;
  private long shownCheck;

  public LedgerHealthViewModel(
      Supplier<LedgerReport> verifier,
      TaskRunner tasks,
      ObservableBooleanValue online,
      Locale locale,
      ZoneId zone) {
    this(verifier, tasks, online, locale, zone, System::nanoTime, ThrottledRefresh.fxTimer());
  }

  /**
   * @param online false while the database cannot be reached: live re-checks wait for the
   *     reconnect, which re-reads everything anyway
   * @param nanoClock and {@code timer} space the live re-checks (tests pass their own)
   */
  public LedgerHealthViewModel(
      Supplier<LedgerReport> verifier,
      TaskRunner tasks,
      ObservableBooleanValue online,
      Locale locale,
      ZoneId zone,
      LongSupplier nanoClock,
      ThrottledRefresh.Timer timer) {
    this.verifier = verifier;
    this.tasks = tasks;
    this.online = online;
    this.nanoClock = nanoClock;
    this.counts = NumberFormat.getIntegerInstance(locale);
    this.time = new DateTimes(locale, zone);
    this.live = new ThrottledRefresh(this::interval, nanoClock, timer, this::recheck);
  }

  public void verify() {
    if (running.get()) {
      return;
    }
    running.set(true);
    verdict.set("Verifying…");
    long check = ++checks;
    tasks
        .run(verifier::get)
        .onSuccess(
            report -> {
              running.set(false);
              show(check, report);
              afterRun();
            })
        .onFailure(
            failure -> {
              running.set(false);
              clean.set(false);
              verdict.set(ErrorText.describe(failure));
              afterRun();
            });
  }

  /**
   * Whether the tab is on screen. A hidden tab only notes that money moved; shown again, it
   * re-checks once if it did. Before the first verification nothing runs by itself: the check reads
   * the whole ledger.
   */
  public void setShown(boolean now) {
    shown = now;
    if (now && missed) {
      missed = false;
      changed(ChangeSet.everything());
    }
  }

  /** Rows changed somewhere: re-checks a verdict given if money moved. FX thread. */
  public void changed(ChangeSet changes) {
    if (!changes.touches(LEDGER)) {
      return;
    }
    if (!shown) {
      missed = true;
    } else if (verified && online.get()) {
      live.request();
    }
  }

  private Duration interval() {
    Duration cost = Duration.ofNanos(lastCost).multipliedBy(COST_FACTOR);
    return cost.compareTo(MIN_INTERVAL) > 0 ? cost : MIN_INTERVAL;
  }

  // Quiet: the verdict stays until the new one is there, and the button stays enabled.
  private void recheck(Runnable done) {
    if (running.get()) {
      // A check the user started is under way; its snapshot may predate this change.
      recheckAfterRun = true;
      done.run();
      return;
    }
    long check = ++checks;
    long start = nanoClock.getAsLong();
    tasks
        .run(verifier::get)
        .onSuccess(
            report -> {
              lastCost = nanoClock.getAsLong() - start;
              show(check, report);
              done.run();
            })
        .onFailure(
            failure -> {
              // The last verdict stays with its time, marked as not current; the next change or
              // the reconnect re-checks.
              if (check > shownCheck) {
                asOf.set(
                    "As of "
                        + shownAt
                        + "; the re-check after that failed ("
                        + ErrorText.describe(failure)
                        + "). It runs again as money moves.");
              }
              done.run();
            });
  }

  private void afterRun() {
    if (recheckAfterRun) {
      recheckAfterRun = false;
      changed(ChangeSet.everything());
    }
  }

  private void show(long check, LedgerReport report) {
    if (check < shownCheck) {
      return;
    }
    shownCheck = check;
    verified = true;
    clean.set(report.clean());
    findings.merge(report.findings().stream().map(Finding::of).toList());
    String checked =
        counts.format(report.journals())
            + " journals, "
            + counts.format(report.entries())
            + " entries, "
            + counts.format(report.wallets())
            + " wallets and "
            + counts.format(report.escrows())
            + " escrows checked";
    verdict.set(
        report.clean()
            ? "Ledger is consistent: " + checked + "."
            : counts.format(report.findings().size())
                + (report.truncated() ? "+" : "")
                + " "
                + Plurals.noun(report.findings().size(), "problem", "problems")
                + " found; "
                + checked
                + ".");
    shownAt = time.timeWithSeconds(report.asOf());
    asOf.set("As of " + shownAt + "; re-checked as money moves.");
  }

  public ReadOnlyStringProperty verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  /** When the verdict's snapshot was taken; empty before the first. */
  public ReadOnlyStringProperty asOfProperty() {
    return asOf.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty cleanProperty() {
    return clean.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** What is wrong, by check and row, with the selected finding kept across re-checks. */
  public KeyedRows<Finding, String> findings() {
    return findings;
  }
}
