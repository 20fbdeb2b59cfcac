package dev.arbiter.app.audit;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.audit.ChainBreak;
import dev.arbiter.persistence.audit.ChainVerification;
import dev.arbiter.persistence.audit.VerifyOptions;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The "Verify chain" button: runs the verifier with progress, cancel and a verdict. */
public final class ChainCheckViewModel {

  /** Verifies the chain; called off the FX thread. */
  @FunctionalInterface
  public interface Checker {
    ChainVerification verify(VerifyOptions options);
  }

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
  private final TaskRunner tasks;
  private final Executor fxThread;
  private final NumberFormat counts;

  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NOT_RUN);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper message =
      new ReadOnlyStringWrapper("The chain has not been verified in this session.");
  private final ReadOnlyLongWrapper brokenEntry = new ReadOnlyLongWrapper(0);
  private AtomicBoolean cancelled = new AtomicBoolean();

  public ChainCheckViewModel(Checker checker, TaskRunner tasks, Executor fxThread, Locale locale) {
    this.checker = checker;
    this.tasks = tasks;
    this.fxThread = fxThread;
    this.counts = NumberFormat.getIntegerInstance(locale);
  }

  /** Starts a verification of the whole chain; ignored while one runs. */
  public void verify() {
    if (running.get()) {
      return;
    }
    AtomicBoolean flag = new AtomicBoolean();
    cancelled = flag;
    running.set(true);
    state.set(State.RUNNING);
    progress.set(0);
    brokenEntry.set(0);
    message.set("Verifying…");
    ProgressRelay relay =
        new ProgressRelay(
            fxThread,
            value -> {
              if (running.get()) {
                progress.set(value);
                message.set("Verifying… " + Math.round(value * 100) + " %");
              }
            });
    VerifyOptions options =
        VerifyOptions.defaults().reportingTo(relay::report).cancelledWhen(flag::get);
    tasks
        .run(() -> checker.verify(options))
        .onSuccess(this::show)
        .onFailure(
            failure -> {
              running.set(false);
              progress.set(0);
              if (failure instanceof CancellationException) {
                state.set(State.CANCELLED);
                message.set("Verification cancelled.");
              } else {
                state.set(State.FAILED);
                message.set("Could not verify: " + ErrorText.describe(failure));
              }
            });
  }

  /** Asks a running verification to stop. */
  public void cancel() {
    cancelled.set(true);
  }

  private void show(ChainVerification result) {
    running.set(false);
    progress.set(1);
    if (result.intact()) {
      state.set(State.INTACT);
      message.set(
          "Chain intact: "
              + counts.format(result.rowsChecked())
              + " entries verified up to entry "
              + counts.format(result.lastVerified().entryId())
              + "."
              + linksOnly(result));
      return;
    }
    ChainBreak found = result.firstBreak();
    state.set(State.BROKEN);
    brokenEntry.set(found.entryId());
    message.set(
        "Chain broken at entry "
            + counts.format(found.entryId())
            + " ("
            + found.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + "): "
            + found.detail()
            + "."
            + linksOnly(result));
  }

  // Entries the signed-in role may not read (row policies) were checked by their links only; the
  // verdict says so, and who can check the rest.
  private String linksOnly(ChainVerification result) {
    return result.linksOnlyNote(counts).map(note -> " " + note).orElse("");
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The first bad entry of the last verification, 0 when none was found. */
  public ReadOnlyLongProperty brokenEntryProperty() {
    return brokenEntry.getReadOnlyProperty();
  }
}
