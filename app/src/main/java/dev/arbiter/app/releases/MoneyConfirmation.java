package dev.arbiter.app.releases;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A money action previewed and waiting for the reviewer's word; the one way finance confirms a
 * release or a settlement. The database ran the action and rolled back, so the confirmation shows
 * exactly the entries that will be posted; once confirmed the action is sent with the key and on
 * the state it was previewed with.
 *
 * @param <T> the action as it will be sent
 */
final class MoneyConfirmation<T> {

  private final TaskRunner tasks;
  private final ActionFeedback feedback;
  private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
  private T pending;

  MoneyConfirmation(TaskRunner tasks, ActionFeedback feedback) {
    this.tasks = tasks;
    this.feedback = feedback;
  }

  /**
   * Runs {@code dryRun} off the FX thread; when the database would do it, {@code action} waits with
   * the text {@code describe} makes of the answer. A refusal goes to {@code refused}: nothing
   * waits.
   */
  void preview(
      Callable<MoneyResult> dryRun,
      T action,
      Function<MoneyResult, String> describe,
      Consumer<MoneyResult> refused) {
    cancel();
    feedback.busy(true);
    tasks
        .run(dryRun)
        .onSuccess(
            result -> {
              feedback.busy(false);
              if (result.ok()) {
                pending = action;
                confirmation.set(describe.apply(result));
                feedback.clear();
              } else {
                refused.accept(result);
              }
            })
        .onFailure(feedback::failed);
  }

  boolean waiting() {
    return pending != null;
  }

  /** The action the reviewer confirmed, no longer waiting; null when none was. */
  T confirmed() {
    T action = pending;
    cancel();
    return action;
  }

  void cancel() {
    pending = null;
    confirmation.set("");
  }

  /** The entries the action will post, for the reviewer to confirm; empty when none waits. */
  ReadOnlyStringProperty textProperty() {
    return confirmation.getReadOnlyProperty();
  }
}
