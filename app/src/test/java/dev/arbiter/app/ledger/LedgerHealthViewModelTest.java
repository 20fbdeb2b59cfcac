package dev.arbiter.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.DeferredTaskRunner;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.ledger.LedgerHealthViewModel.Finding;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.persistence.ledger.LedgerFinding;
import dev.arbiter.persistence.ledger.LedgerFinding.Check;
import dev.arbiter.persistence.ledger.LedgerReport;
import dev.arbiter.persistence.live.TableChange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** Ledger health following the ledger once verified: quietly, and spaced by what a check costs. */
class LedgerHealthViewModelTest {

  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private final List<Duration> delays = new ArrayList<>();
  private final List<Runnable> timers = new ArrayList<>();
  private final List<String> verdicts = new ArrayList<>();
  private List<LedgerFinding> findings = List.of();
  private long journals = 1;
  private long now;
  private long checkCost;
  private int checks;
  private RuntimeException failing;

  private LedgerHealthViewModel model(TaskRunner tasks) {
    LedgerHealthViewModel model =
        new LedgerHealthViewModel(
            () -> {
              checks++;
              now += checkCost;
              if (failing != null) {
                throw failing;
              }
              return new LedgerReport(Instant.EPOCH, journals, 2 * journals, 3, 1, findings, false);
            },
            tasks,
            online,
            Locale.US,
            ZoneOffset.UTC,
            () -> now,
            (delay, action) -> {
              delays.add(delay);
              timers.add(action);
            });
    model.verdictProperty().addListener((obs, was, verdict) -> verdicts.add(verdict));
    model.setShown(true);
    return model;
  }

  private static ChangeSet change(String table) {
    return ChangeSet.of(List.of(new TableChange(table, "insert", "1")));
  }

  @Test
  void nothingIsCheckedByItselfBeforeTheFirstVerification() {
    LedgerHealthViewModel model = model(new SynchronousTaskRunner());

    model.changed(change("journals"));
    model.setShown(false);
    model.changed(change("journals"));
    model.setShown(true);

    assertThat(checks).isZero();
    assertThat(model.verdictProperty().get()).isEqualTo("Not verified in this session.");
  }

  @Test
  void onceVerifiedAJournalReChecksQuietly() {
    LedgerHealthViewModel model = model(new SynchronousTaskRunner());
    model.verify();
    verdicts.clear();
    journals = 2;

    model.changed(change("journals"));

    assertThat(model.verdictProperty().get())
        .isEqualTo("Ledger is consistent: 2 journals, 4 entries, 3 wallets and 1 escrows checked.");
    assertThat(verdicts).noneMatch(v -> v.startsWith("Verifying"));
    assertThat(model.runningProperty().get()).isFalse();
  }

  @Test
  void reChecksAreSpacedByTenTimesWhatTheLastOneTook() {
    LedgerHealthViewModel model = model(new SynchronousTaskRunner());
    model.verify();
    checkCost = Duration.ofSeconds(3).toNanos();
    model.changed(change("wallets"));
    assertThat(checks).isEqualTo(2);

    now += Duration.ofSeconds(5).toNanos();
    model.changed(change("journals"));
    model.changed(change("escrows"));

    assertThat(checks).isEqualTo(2);
    // The check started 8 s ago (it took 3 s), so the next may start 30 s after it.
    assertThat(delays).containsExactly(Duration.ofSeconds(22));
    timers.remove(0).run();
    assertThat(checks).isEqualTo(3);
  }

  @Test
  void aCheapLedgerIsStillReCheckedAtMostEveryTwoSeconds() {
    LedgerHealthViewModel model = model(new SynchronousTaskRunner());
    model.verify();
    model.changed(change("journals"));

    model.changed(change("journals"));

    assertThat(delays).containsExactly(LedgerHealthViewModel.MIN_INTERVAL);
  }

  @Test
  void aChangeDuringAVerificationTheUserStartedIsCheckedAfterIt() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    LedgerHealthViewModel model = model(tasks);
    model.verify();
    tasks.finishAll();
    model.verify();

    model.changed(change("journals"));
    assertThat(tasks.pending()).isEqualTo(1);
    journals = 5;
    tasks.finishAll();

    assertThat(timers).hasSize(1);
    timers.remove(0).run();
    assertThat(tasks.pending()).isEqualTo(1);
    tasks.finishAll();
    assertThat(checks).isEqualTo(3);
  }

  @Test
  void aFailedReCheckKeepsTheVerdictAndSaysItIsNotCurrentUntilOneSucceeds() {
    LedgerHealthViewModel model = model(new SynchronousTaskRunner());
    model.verify();
    String verdict = model.verdictProperty().get();
    failing = new IllegalStateException("statement timeout");
    now += Duration.ofSeconds(5).toNanos();

    model.changed(change("journals"));

    assertThat(model.verdictProperty().get()).isEqualTo(verdict);
    assertThat(model.asOfProperty().get())
        .isEqualTo(
            "As of 12:00:00 AM; the re-check after that failed (Unexpected error: statement"
                + " timeout). It runs again as money moves.");

    failing = null;
    now += Duration.ofSeconds(5).toNanos();
    model.changed(change("journals"));

    assertThat(model.asOfProperty().get())
        .isEqualTo("As of 12:00:00 AM; re-checked as money moves.");
  }

  @Test
  void offlineNothingIsChecked() {
    LedgerHealthViewModel model = model(new SynchronousTaskRunner());
    model.verify();
    online.set(false);

    model.changed(change("journals"));
    model.setShown(false);
    model.changed(change("journals"));
    model.setShown(true);

    assertThat(checks).isEqualTo(1);
  }

  @Test
  void aHiddenTabReChecksOnceWhenShownIfMoneyMovedMeanwhile() {
    LedgerHealthViewModel model = model(new SynchronousTaskRunner());
    model.verify();
    model.setShown(false);

    model.changed(change("disputes"));
    model.setShown(true);
    assertThat(checks).isEqualTo(1);

    model.setShown(false);
    for (int i = 0; i < 10; i++) {
      model.changed(change("journals"));
    }
    assertThat(checks).isEqualTo(1);
    model.setShown(true);
    assertThat(checks).isEqualTo(2);
  }

  @Test
  void theSelectedFindingStaysSelectedWhenAnotherIsFoundBeforeIt() {
    LedgerHealthViewModel model = model(new SynchronousTaskRunner());
    findings = List.of(new LedgerFinding(Check.WALLET_BALANCE, 9, "balance 10 USD, entries 9"));
    model.verify();
    model.findings().select(model.findings().rows().get(0));
    findings =
        List.of(
            new LedgerFinding(Check.WALLET_BALANCE, 4, "balance 5 USD, entries 4"),
            new LedgerFinding(Check.WALLET_BALANCE, 9, "balance 11 USD, entries 9"));

    model.changed(change("wallets"));

    assertThat(model.findings().rows()).hasSize(2);
    assertThat(model.findings().selectedRow())
        .map(Finding::text)
        .contains("wallet 9: balance 11 USD, entries 9");
  }

  @Test
  void changesElsewhereCostNothing() {
    LedgerHealthViewModel model = model(new SynchronousTaskRunner());
    model.verify();

    model.changed(change("disputes"));
    model.changed(change("escrow_checkpoints"));

    assertThat(checks).isEqualTo(1);
  }
}
