package dev.arbiter.app.releases;

import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * An action the database refused because the checkpoint changed after the reviewer decided: what
 * changed, and, while the action still makes sense, the same action under a fresh key to re-apply
 * on top of the checkpoint as it is now.
 */
final class StaleRefusal {

  private static final String CHANGED = "Not done: the checkpoint changed since you opened it.";

  private final CheckpointDiff diff;
  private final OpenCheckpoint checkpoint;
  private final ChangeNotice notice;
  private final ActionFeedback feedback;
  private final ReadOnlyStringWrapper changes = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper reapplyable = new ReadOnlyBooleanWrapper(false);
  private CheckpointAction reapply;

  StaleRefusal(
      CheckpointDiff diff,
      OpenCheckpoint checkpoint,
      ChangeNotice notice,
      ActionFeedback feedback) {
    this.diff = diff;
    this.checkpoint = checkpoint;
    this.notice = notice;
    this.feedback = feedback;
  }

  /**
   * The database refused {@code sent} as stale: the checkpoint is read again and shown as it is
   * now, then what changed, and whether the action can be re-applied on top.
   */
  void refused(SentAction sent) {
    long id = sent.action().checkpointId();
    feedback.say(CHANGED + " Nothing was saved.", true);
    checkpoint.read(
        id,
        loaded -> {
          if (!checkpoint.isOpen(id) || loaded.isEmpty()) {
            return;
          }
          CheckpointDetail now = loaded.get();
          checkpoint.show(now);
          notice.clear();
          feedback.say(explain(sent, now, checkpoint.shown()), true);
        });
  }

  // What to tell the reviewer about sent, refused by the checkpoint now (shown as shown).
  private String explain(SentAction sent, CheckpointDetail now, CheckpointText.Shown shown) {
    changes.set(StaleText.diff(diff, sent.seen(), now));
    String why =
        StaleText.illegal(
            sent.action(), shown, CheckpointViewModel.statusText(now.checkpoint().status()));
    if (!why.isEmpty()) {
      return CHANGED + " " + why;
    }
    reapply = StaleText.rekeyed(sent.action());
    reapplyable.set(true);
    return CHANGED
        + " Check what changed; Re-apply sends your "
        + StaleText.verb(sent.action())
        + " on top of it.";
  }

  boolean canReapply() {
    return reapply != null;
  }

  /** The action to re-apply; the refusal is over. */
  CheckpointAction take() {
    CheckpointAction action = reapply;
    clear();
    return action;
  }

  void clear() {
    reapply = null;
    hide();
  }

  /** Another call is on its way: the refusal's changes and offer are off the screen. */
  void hide() {
    reapplyable.set(false);
    changes.set("");
  }

  /** Who changed what, one field a line; empty when no refusal is shown. */
  ReadOnlyStringProperty changesProperty() {
    return changes.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty reapplyableProperty() {
    return reapplyable.getReadOnlyProperty();
  }
}
