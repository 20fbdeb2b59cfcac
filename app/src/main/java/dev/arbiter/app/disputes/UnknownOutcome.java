package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.session.ConnectionFailures;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * An action whose connection dropped while it was being saved: the server may or may not have
 * committed it. Nothing is retried blindly; once the database answers, the action's idempotency key
 * says whether it was saved. If it was, the case goes on as after any save; if not, a retry is
 * offered that sends it again under the same key, so a late commit or a double click still has one
 * effect.
 */
final class UnknownOutcome {

  /** Whether the action with this key was committed (CommitOutcomes, or a fake). */
  interface Checker {
    boolean committed(String idempotencyKey) throws Exception;
  }

  /** What the case does once the outcome is known to be "saved". */
  interface Saved {
    void saved(Pending action);
  }

  static final String CHECKING = "Connection lost while saving; checking whether it was saved…";
  static final String NOT_SAVED =
      "Connection lost while saving; it was not saved. Your text is kept: Retry sends it once.";
  private static final long RECHECK_MILLIS = 1_000;
  // While the feed still says "online" but the pool cannot connect; then the feed's return decides.
  private static final int RECHECKS = 30;

  private final Checker checker;
  private final TaskRunner tasks;
  private final ObservableBooleanValue online;
  private final Saved onSaved;
  private final ReadOnlyBooleanWrapper unknown = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private Pending action;
  private boolean checking;
  private int rechecks;

  UnknownOutcome(Checker checker, TaskRunner tasks, ObservableBooleanValue online, Saved onSaved) {
    this.checker = checker;
    this.tasks = tasks;
    this.online = online;
    this.onSaved = onSaved;
    online.addListener(
        (obs, was, now) -> {
          if (now) {
            rechecks = 0;
            settle(false);
          }
        });
  }

  /** {@code command} failed with a lost connection: find out whether it was saved. */
  void lost(Pending action) {
    this.action = action;
    rechecks = 0;
    unknown.set(true);
    retryable.set(false);
    message.set(CHECKING);
    settle(false);
  }

  /** The action to send again under its own key, once it is known not to have been saved. */
  Pending retry() {
    if (!retryable.get()) {
      return null;
    }
    Pending again = action;
    forget();
    return again;
  }

  /** Whether actions must wait: the last one's outcome is being checked. */
  boolean checking() {
    return unknown.get() && !retryable.get();
  }

  /** The agent moved on (opened another case, or the retry was sent). */
  void forget() {
    action = null;
    unknown.set(false);
    retryable.set(false);
    message.set("");
  }

  private void settle(boolean afterPause) {
    if (action == null || retryable.get() || checking || !online.get()) {
      return;
    }
    checking = true;
    Pending asked = action;
    tasks
        .run(
            () -> {
              if (afterPause) {
                Thread.sleep(RECHECK_MILLIS);
              }
              return checker.committed(asked.command().idempotencyKey());
            })
        .onSuccess(
            committed -> {
              checking = false;
              if (asked != action) {
                return;
              }
              if (committed) {
                forget();
                onSaved.saved(asked);
              } else {
                retryable.set(true);
                message.set(NOT_SAVED);
              }
            })
        .onFailure(
            failure -> {
              checking = false;
              if (asked != action) {
                return;
              }
              // Still unreachable: try again shortly, or when the feed says it is back.
              if (ConnectionFailures.isConnectionLost(failure) && ++rechecks <= RECHECKS) {
                settle(true);
                return;
              }
              // The check itself failed or kept failing. A retry is still safe: it re-uses the
              // key, so the database replays a saved action instead of doing it twice.
              retryable.set(true);
              message.set(
                  "Could not find out whether it was saved ("
                      + ErrorText.describe(failure)
                      + "). Retry sends it under the same key, so it cannot happen twice.");
            });
  }

  /** True from the lost connection until the outcome is known and dealt with. */
  ReadOnlyBooleanProperty unknownProperty() {
    return unknown.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty retryableProperty() {
    return retryable.getReadOnlyProperty();
  }

  ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
