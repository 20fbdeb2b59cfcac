package dev.arbiter.app.audit;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A long job the auditor starts, watches and may stop (the chain check, an export): whether it
 * runs, how far it got, what it says, and the cancel flag its worker polls. The toolbar shows every
 * such job the same way, so the job's view model hands over this one object.
 */
public final class LongRun {

  /** A run just started: where its worker reports progress, and the flag it stops on. */
  record Started(ProgressRelay relay, AtomicBoolean cancelled) {}

  private final Executor fxThread;
  private final String working;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper message;
  private AtomicBoolean cancelled = new AtomicBoolean();

  /**
   * @param working what the message says while it runs ("Exporting…"), followed by the percentage
   * @param idle what the message says before the first run
   */
  LongRun(Executor fxThread, String working, String idle) {
    this.fxThread = fxThread;
    this.working = working;
    this.message = new ReadOnlyStringWrapper(idle);
  }

  /** Starts a run at 0 %; empty while one runs already. */
  Optional<Started> start() {
    if (running.get()) {
      return Optional.empty();
    }
    AtomicBoolean flag = new AtomicBoolean();
    cancelled = flag;
    running.set(true);
    progress.set(0);
    message.set(working);
    ProgressRelay relay =
        new ProgressRelay(
            fxThread,
            value -> {
              if (running.get()) {
                progress.set(value);
                message.set(working + " " + Math.round(value * 100) + " %");
              }
            });
    return Optional.of(new Started(relay, flag));
  }

  /** The run finished: full bar, and {@code verdict}. */
  void finished(String verdict) {
    running.set(false);
    progress.set(1);
    message.set(verdict);
  }

  /** The run failed or was cancelled: empty bar, and {@code why}. */
  void stopped(String why) {
    running.set(false);
    progress.set(0);
    message.set(why);
  }

  /** Asks the running job to stop; its worker sees the flag at its next check. */
  public void cancel() {
    cancelled.set(true);
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
}
