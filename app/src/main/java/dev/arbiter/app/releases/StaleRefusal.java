package dev.arbiter.app.releases;

import dev.arbiter.app.common.command.StaleOffer;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import java.util.List;

/**
 * An action the database refused because the checkpoint changed after the reviewer decided: what
 * changed, and, while the action still makes sense, the same action under a fresh key to re-apply
 * on top of the checkpoint as it is now.
 */
final class StaleRefusal {

  private static final String CHANGED = "Not done: the checkpoint changed since you opened it.";

  private final OpenCheckpoint checkpoint;
  private final CheckpointParts parts;
  private final ActionFeedback feedback;
  private final StaleOffer<CheckpointAction> offer = new StaleOffer<>();

  StaleRefusal(OpenCheckpoint checkpoint, CheckpointParts parts) {
    this.checkpoint = checkpoint;
    this.parts = parts;
    this.feedback = parts.feedback();
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
          parts.notice().clear();
          feedback.say(explain(sent, now, checkpoint.shown()), true);
        });
  }

  // What to tell the reviewer about sent, refused by the checkpoint now (shown as shown).
  private String explain(SentAction sent, CheckpointDetail now, CheckpointText.Shown shown) {
    List<String> changes = StaleText.diff(parts.diff(), sent.seen(), now);
    String why =
        StaleText.illegal(
            sent.action(), shown, CheckpointViewModel.statusText(now.checkpoint().status()));
    if (!why.isEmpty()) {
      offer.offer("", changes, null);
      return CHANGED + " " + why;
    }
    offer.offer("", changes, StaleText.rekeyed(sent.action()));
    return CHANGED
        + " Check what changed; Re-apply sends your "
        + StaleText.verb(sent.action())
        + " on top of it.";
  }

  /** Who changed what (one field a line) and the action again on top, once refused as stale. */
  StaleOffer<CheckpointAction> offer() {
    return offer;
  }
}
