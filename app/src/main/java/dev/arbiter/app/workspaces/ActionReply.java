package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.command.CommandReply;
import dev.arbiter.app.common.command.StaleOffer;
import dev.arbiter.app.common.command.StatusLines;
import dev.arbiter.app.workspaces.StaleEdits.Again;
import dev.arbiter.app.workspaces.StaleEdits.Redo;
import dev.arbiter.persistence.workspaces.WorkspaceActionException;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the workspace pane says about one admin action and does with its outcome: on success the
 * action's own report; a refusal's sentence; a refusal because the record changed meanwhile reads
 * the workspace again and offers the action on its current version ({@link StaleEdits}); a lost
 * connection is reported while its key is looked up.
 */
final class ActionReply<T> implements CommandReply<T> {

  static final String CHECKING = "Connection lost while saving; checking whether it was saved…";
  static final String NOT_SAVED =
      "Connection lost while saving; it was not saved. Retry sends it once; your text is kept.";
  static final String SAVED_ONCE = "The connection dropped while it was saved; it was saved once.";

  private final StatusLines status;
  private final WorkspaceReader reader;
  private final StaleOffer<Again> stale;
  private final String done;
  private final Consumer<T> saved;
  private final Function<WorkspaceDetails, Redo> plan;

  /**
   * @param done the report of an action whose answer says nothing more, for a re-apply
   * @param saved says what the action did and reads the workspace again
   * @param plan the action again on the record as it is now, or null when it cannot be re-applied
   */
  ActionReply(
      StatusLines status,
      WorkspaceReader reader,
      StaleOffer<Again> stale,
      String done,
      Consumer<T> saved,
      Function<WorkspaceDetails, Redo> plan) {
    this.status = status;
    this.reader = reader;
    this.stale = stale;
    this.done = done;
    this.saved = saved;
    this.plan = plan;
  }

  // The previous refusal is over once another action goes out.
  @Override
  public void sending() {
    stale.clear();
  }

  @Override
  public void answered(T answer) {
    status.error("");
    saved.accept(answer);
  }

  @Override
  public void failed(Throwable failure) {
    status.message("");
    if (plan != null && failure instanceof WorkspaceActionException w && w.stale()) {
      status.error("");
      reader.readAgain(
          fresh -> {
            Redo redo = plan.apply(fresh);
            Again again = redo.again() == null ? null : new Again(redo.again(), done, plan);
            stale.offer(
                "Not saved: "
                    + w.getMessage()
                    + (again == null
                        ? " It no longer applies as it is now."
                        : " Re-apply to do it on the current version."),
                redo.changes(),
                again);
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

  @Override
  public void offline() {
    status.message("");
    status.error(WorkspaceDetailViewModel.OFFLINE);
  }

  @Override
  public void held() {
    checking();
  }

  @Override
  public void checking() {
    status.message("");
    status.error(CHECKING);
  }

  // Saved: the database replayed the action under its key to give the answer it got the first time.
  @Override
  public void savedAfterAll(T replayed) {
    answered(replayed);
    status.message(status.message() + " " + SAVED_ONCE);
  }

  @Override
  public void savedUnread(Throwable failure) {
    status.error(SAVED_ONCE + " " + ErrorText.describe(failure));
    reader.reload();
  }

  @Override
  public void notSaved(Throwable why) {
    status.error(
        why == null
            ? NOT_SAVED
            : "Could not find out whether it was saved ("
                + ErrorText.describe(why)
                + "). Retry sends it under the same key, so it cannot happen twice.");
  }
}
