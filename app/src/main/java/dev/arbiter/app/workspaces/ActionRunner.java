package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.OutcomeByKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.workspaces.StaleEditViewModel.Redo;
import dev.arbiter.persistence.workspaces.WorkspaceActionException;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Runs the admin actions on the open workspace: refused while offline, busy while in flight, the
 * workspace read again on success. A refusal shows the database's sentence; a refusal because the
 * record changed meanwhile reads the workspace again and offers the action on its current version
 * in {@link StaleEditViewModel}, which {@link #reapply()} then sends as a new action.
 *
 * <p>An action whose connection dropped while it was being saved is settled by its request key once
 * the database answers: if it was saved, it is sent once more under that key only to read its
 * answer (the database replays it, with no second effect); if not, {@link #retry()} is offered and
 * sends it under the same key, so a late commit or a double click still has one effect.
 */
final class ActionRunner {

  static final String CHECKING = "Connection lost while saving; checking whether it was saved…";
  static final String NOT_SAVED =
      "Connection lost while saving; it was not saved. Retry sends it once; your text is kept.";
  static final String SAVED_ONCE = "The connection dropped while it was saved; it was saved once.";

  /** One action as sent: what it does, and what to do with its answer. */
  private record Sent<T>(
      KeyedCall<T> call, Consumer<T> saved, String done, Function<WorkspaceDetails, Redo> plan) {}

  private final TaskRunner tasks;
  private final ActionStatus status;
  private final WorkspaceReader reader;
  private final StaleEditViewModel stale;
  private final OutcomeByKey outcomes;
  private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(false);
  private Function<WorkspaceDetails, Redo> stalePlan;
  private Sent<?> unknown;
  private boolean settling;

  ActionRunner(
      TaskRunner tasks,
      ActionStatus status,
      WorkspaceReader reader,
      StaleEditViewModel stale,
      OutcomeByKey outcomes) {
    this.tasks = tasks;
    this.status = status;
    this.reader = reader;
    this.stale = stale;
    this.outcomes = outcomes;
  }

  /**
   * Runs {@code call} and reports {@code done}; {@code plan} turns the action into its redo on the
   * record as it is now, or is null when a stale refusal cannot be re-applied. {@code onSaved} runs
   * once the action is known saved, and only then.
   */
  void act(
      String done, KeyedCall<?> call, Function<WorkspaceDetails, Redo> plan, Runnable onSaved) {
    send(
        new Sent<>(
            call,
            ignored -> {
              status.message(done);
              onSaved.run();
              reader.reload();
            },
            done,
            plan));
  }

  /**
   * Runs an action whose report depends on its result: {@code succeeded} says what it did and reads
   * the workspace again.
   */
  <T> void run(KeyedCall<T> call, Consumer<T> succeeded) {
    send(new Sent<>(call, succeeded, null, null));
  }

  /** Does the refused action again on the record as it is now (a new action, with a new key). */
  void reapply() {
    KeyedCall<?> again = stale.again();
    if (again != null) {
      act(stale.done(), again, stalePlan, () -> {});
    }
  }

  /** Sends the action that was not saved again, under its own key (so it acts once). */
  void retry() {
    Sent<?> again = unknown;
    if (canRetry.get() && again != null) {
      forget();
      send(again);
    }
  }

  /** The staff member moved on: a retry is no longer offered (a check under way still ends). */
  void forget() {
    if (!settling) {
      unknown = null;
      canRetry.set(false);
    }
  }

  ReadOnlyBooleanProperty canRetryProperty() {
    return canRetry.getReadOnlyProperty();
  }

  private <T> void send(Sent<T> sent) {
    if (status.refuseOffline()) {
      return;
    }
    if (settling) {
      status.message("");
      status.error(CHECKING);
      return;
    }
    forget();
    status.busy(true);
    stale.clear();
    tasks
        .run(sent.call().call())
        .onSuccess(result -> saved(sent, result))
        .onFailure(failure -> failed(sent, failure));
  }

  private <T> void saved(Sent<T> sent, T result) {
    status.busy(false);
    status.error("");
    sent.saved().accept(result);
  }

  private <T> void failed(Sent<T> sent, Throwable failure) {
    status.busy(false);
    status.message("");
    if (OutcomeByKey.unknown(failure)) {
      settle(sent);
      return;
    }
    if (sent.plan() != null && failure instanceof WorkspaceActionException w && w.stale()) {
      status.error("");
      reader.readAgain(
          fresh -> {
            stalePlan = sent.plan();
            stale.show(w.getMessage(), sent.done(), sent.plan().apply(fresh));
          },
          () -> status.error(ErrorText.describe(failure)));
      return;
    }
    status.error(
        failure instanceof IllegalArgumentException
            ? failure.getMessage()
            : ErrorText.describe(failure));
    reader.reload();
  }

  private <T> void settle(Sent<T> sent) {
    unknown = sent;
    settling = true;
    canRetry.set(false);
    status.error(CHECKING);
    outcomes.settle(
        sent.call().key(),
        committed -> {
          if (committed) {
            replay(sent);
          } else {
            notSaved(NOT_SAVED);
          }
        },
        failure ->
            notSaved(
                "Could not find out whether it was saved ("
                    + ErrorText.describe(failure)
                    + "). Retry sends it under the same key, so it cannot happen twice."));
  }

  // Saved: sent once more under its key only to read the answer it got the first time.
  private <T> void replay(Sent<T> sent) {
    tasks
        .run(sent.call().call())
        .onSuccess(
            result -> {
              settling = false;
              unknown = null;
              saved(sent, result);
              status.message(status.messageProperty().get() + " " + SAVED_ONCE);
            })
        .onFailure(
            failure -> {
              settling = false;
              if (OutcomeByKey.unknown(failure)) {
                settle(sent);
              } else {
                unknown = null;
                status.error(SAVED_ONCE + " " + ErrorText.describe(failure));
                reader.reload();
              }
            });
  }

  private void notSaved(String why) {
    settling = false;
    canRetry.set(unknown != null);
    status.error(why);
  }
}
