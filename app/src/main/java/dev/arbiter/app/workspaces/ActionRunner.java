package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.workspaces.StaleEditViewModel.Redo;
import dev.arbiter.persistence.workspaces.WorkspaceActionException;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the admin actions on the open workspace: refused while offline, busy while in flight, the
 * workspace read again on success. A refusal shows the database's sentence; a refusal because the
 * record changed meanwhile reads the workspace again and offers the action on its current version
 * in {@link StaleEditViewModel}, which {@link #reapply()} then sends.
 */
final class ActionRunner {

  private final TaskRunner tasks;
  private final ActionStatus status;
  private final WorkspaceReader reader;
  private final StaleEditViewModel stale;
  private Function<WorkspaceDetails, Redo> stalePlan;

  ActionRunner(
      TaskRunner tasks, ActionStatus status, WorkspaceReader reader, StaleEditViewModel stale) {
    this.tasks = tasks;
    this.status = status;
    this.reader = reader;
    this.stale = stale;
  }

  /**
   * Runs {@code action} and reports {@code done}; {@code plan} turns the action into its redo on
   * the record as it is now, or is null when a stale refusal cannot be re-applied.
   */
  void act(
      String done, Callable<?> action, Function<WorkspaceDetails, Redo> plan, Runnable onSaved) {
    if (status.refuseOffline()) {
      return;
    }
    status.busy(true);
    stale.clear();
    tasks
        .run(action)
        .onSuccess(
            ignored -> {
              status.busy(false);
              status.error("");
              status.message(done);
              onSaved.run();
              reader.reload();
            })
        .onFailure(failure -> refused(failure, done, plan));
  }

  /**
   * Runs an action whose report depends on its result: {@code succeeded} says what it did and reads
   * the workspace again.
   */
  <T> void run(Callable<T> action, Consumer<T> succeeded) {
    if (status.refuseOffline()) {
      return;
    }
    status.busy(true);
    tasks
        .run(action)
        .onSuccess(
            result -> {
              status.busy(false);
              status.error("");
              succeeded.accept(result);
            })
        .onFailure(failure -> refused(failure, null, null));
  }

  /** Does the refused action again on the record as it is now. */
  void reapply() {
    Callable<?> again = stale.again();
    if (again != null) {
      act(stale.done(), again, stalePlan, () -> {});
    }
  }

  private void refused(Throwable failure, String done, Function<WorkspaceDetails, Redo> plan) {
    status.busy(false);
    status.message("");
    if (plan != null && failure instanceof WorkspaceActionException w && w.stale()) {
      status.error("");
      reader.readAgain(
          fresh -> {
            stalePlan = plan;
            stale.show(w.getMessage(), done, plan.apply(fresh));
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
}
