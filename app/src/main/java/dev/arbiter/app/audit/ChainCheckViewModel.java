package dev.arbiter.app.audit;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.audit.ChainBreak;
import dev.arbiter.persistence.audit.ChainVerification;
import dev.arbiter.persistence.audit.UnsealedEntries;
import dev.arbiter.persistence.audit.VerifyOptions;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The "Verify chain" button: runs the verifier with progress, cancel and a verdict. */
public final class ChainCheckViewModel {

  /** Verifies the chain; called off the FX thread. */
  @FunctionalInterface
  public interface Checker {
    ChainVerification verify(VerifyOptions options);
  }

  /** Reads what waits to be sealed into the chain (decision 8); called off the FX thread. */
  @FunctionalInterface
  public interface Unsealed {
    UnsealedEntries read();
  }

  /** A verdict and what waited to be sealed when it was given. */
  private record Outcome(ChainVerification verification, UnsealedEntries unsealed) {}

  /** Where the check stands. */
  public enum State {
    NOT_RUN,
    RUNNING,
    INTACT,
    BROKEN,
    CANCELLED,
    FAILED
  }

  private final Checker checker;
  private final Unsealed unsealed;
  private final Clock clock;
  private final TaskRunner tasks;
  private final NumberFormat counts;
  private final LongRun run;
  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NOT_RUN);
  private final ReadOnlyLongWrapper brokenEntry = new ReadOnlyLongWrapper(0);

  public ChainCheckViewModel(
      Checker checker,
      Unsealed unsealed,
      Clock clock,
      TaskRunner tasks,
      Executor fxThread,
      Locale locale) {
    this.checker = checker;
    this.unsealed = unsealed;
    this.clock = clock;
    this.tasks = tasks;
    this.counts = NumberFormat.getIntegerInstance(locale);
    this.run =
        new LongRun(fxThread, "Verifying…", "The chain has not been verified in this session.");
  }

  /** Starts a verification of the whole chain; ignored while one runs. */
  public void verify() {
    run.start().ifPresent(this::verify);
  }

  private void verify(LongRun.Started started) {
    state.set(State.RUNNING);
    brokenEntry.set(0);
    VerifyOptions options =
        VerifyOptions.defaults()
            .reportingTo(started.relay()::report)
            .cancelledWhen(started.cancelled()::get);
    tasks
        .run(() -> new Outcome(checker.verify(options), unsealed.read()))
        .onSuccess(this::show)
        .onFailure(
            failure -> {
              if (failure instanceof CancellationException) {
                state.set(State.CANCELLED);
                run.stopped("Verification cancelled.");
              } else {
                state.set(State.FAILED);
                run.stopped("Could not verify: " + ErrorText.describe(failure));
              }
            });
  }

  private void show(Outcome outcome) {
    ChainVerification result = outcome.verification();
    String waiting = waiting(outcome.unsealed());
    if (result.intact()) {
      state.set(State.INTACT);
      run.finished(
          "Chain intact: "
              + counts.format(result.rowsChecked())
              + " entries verified up to entry "
              + counts.format(result.lastVerified().entryId())
              + "."
              + linksOnly(result)
              + waiting);
      return;
    }
    ChainBreak found = result.firstBreak();
    state.set(State.BROKEN);
    brokenEntry.set(found.entryId());
    run.finished(
        "Chain broken at entry "
            + counts.format(found.entryId())
            + " ("
            + found.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + "): "
            + found.detail()
            + "."
            + linksOnly(result)
            + waiting);
  }

  // Entries not yet sealed are not part of the verdict; the line says how many wait, and whether
  // one waited longer than the bound (then the worker is not sealing).
  private String waiting(UnsealedEntries entries) {
    if (entries.count() == 0) {
      return "";
    }
    Instant now = clock.instant();
    return " "
        + counts.format(entries.count())
        + (entries.count() == 1 ? " newer entry waits" : " newer entries wait")
        + " to be sealed into the chain"
        + (entries.overdue(now)
            ? ", longer than the "
                + entries.bound().toSeconds()
                + (entries.count() == 1 ? " s it may" : " s they may")
                + ": is the Arbiter worker running?"
            : " (within " + entries.bound().toSeconds() + " s).");
  }

  // Entries the signed-in role may not read (row policies) were checked by their links only; the
  // verdict says so, and who can check the rest.
  private String linksOnly(ChainVerification result) {
    return result.linksOnlyNote(counts).map(note -> " " + note).orElse("");
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The check as the toolbar shows it: running, progress, message, and its cancel. */
  public LongRun run() {
    return run;
  }

  /** The first bad entry of the last verification, 0 when none was found. */
  public ReadOnlyLongProperty brokenEntryProperty() {
    return brokenEntry.getReadOnlyProperty();
  }
}
