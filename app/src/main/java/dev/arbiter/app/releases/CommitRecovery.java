package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.OutcomeByKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * What happens after a checkpoint action's call failed. When the connection dropped with the commit
 * in flight, the database is asked by the action's key before anything is sent again; what was not
 * saved waits for Retry, which sends it under the same key and on the same basis, so a late commit
 * or a double click still has one effect.
 */
final class CommitRecovery {

  private final CheckpointViewModel.Performer performer;
  private final TaskRunner tasks;
  private final OutcomeByKey outcomes;
  private final ActionFeedback feedback;
  private final BiConsumer<MoneyResult, String> saved;
  private final Runnable savedUnread;
  private final ReadOnlyBooleanWrapper settling = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper(false);
  private SentAction unsaved;

  /**
   * @param saved told the stored answer of an action that turned out saved, and the words to put
   *     before it
   * @param savedUnread told when an action turned out saved but its answer could not be read again
   */
  CommitRecovery(
      CheckpointViewModel.Performer performer,
      TaskRunner tasks,
      OutcomeByKey outcomes,
      ActionFeedback feedback,
      BiConsumer<MoneyResult, String> saved,
      Runnable savedUnread) {
    this.performer = performer;
    this.tasks = tasks;
    this.outcomes = outcomes;
    this.feedback = feedback;
    this.saved = saved;
    this.savedUnread = savedUnread;
  }

  /** The call for {@code sent} failed with {@code failure}. */
  void failed(SentAction sent, Throwable failure) {
    if (OutcomeByKey.unknown(failure)) {
      settle(sent);
    } else {
      notSaved(sent, ErrorText.describe(failure));
    }
  }

  // A committed action is sent once more with the same key only to read its stored answer (the
  // database replays it; it has no second effect).
  private void settle(SentAction sent) {
    settling.set(true);
    feedback.say("Connection lost while saving; checking whether it was saved…", false);
    outcomes.settle(
        sent.action().idempotencyKey(),
        committed -> {
          if (!committed) {
            settling.set(false);
            notSaved(sent, "It was not saved: the connection dropped first.");
            return;
          }
          tasks
              .run(() -> performer.perform(sent.action(), sent.basis()))
              .onSuccess(
                  result -> {
                    settling.set(false);
                    saved.accept(result, answeredBefore(result));
                  })
              .onFailure(
                  failure -> {
                    settling.set(false);
                    feedback.say(ANSWERED_UNREAD, false);
                    savedUnread.run();
                  });
        },
        gaveUp -> {
          settling.set(false);
          notSaved(
              sent, "The database is still out of reach, so it is not known whether it was saved.");
        });
  }

  // Money functions record refusals under the key as well, so "recorded" is not "saved": the
  // replayed answer says which it was.
  static final String ANSWERED_UNREAD =
      "The database answered before the connection dropped, so it is not sent again;"
          + " reload to see what it did.";

  static String answeredBefore(MoneyResult result) {
    return result.ok()
        ? "The connection dropped, but it was saved: "
        : "The connection dropped after the database answered; it was refused: ";
  }

  private void notSaved(SentAction sent, String why) {
    unsaved = sent;
    retryable.set(true);
    feedback.say(why + " Nothing is posted twice: Retry sends the same request again.", true);
  }

  /** A call is on its way: Retry is not offered meanwhile. */
  void sending() {
    retryable.set(false);
  }

  /** The database answered the last call: nothing waits to be sent again. */
  void answered() {
    unsaved = null;
  }

  void reset() {
    unsaved = null;
    retryable.set(false);
  }

  /** The action that was not saved, to send again exactly as it was; null when none is. */
  SentAction unsaved() {
    return unsaved;
  }

  ReadOnlyBooleanProperty settlingProperty() {
    return settling.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty retryableProperty() {
    return retryable.getReadOnlyProperty();
  }
}
