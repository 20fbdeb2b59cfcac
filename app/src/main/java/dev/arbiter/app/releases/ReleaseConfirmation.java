package dev.arbiter.app.releases;

import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A release previewed and waiting for the reviewer's word. The database ran it and rolled back, so
 * the confirmation shows exactly the entries that will be posted; once confirmed it is sent with
 * the key it was previewed under and on the state it was previewed on.
 */
final class ReleaseConfirmation {

  private final CheckpointViewModel.Previewer previewer;
  private final CheckpointParts parts;
  private final ActionFeedback feedback;
  private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
  private SentAction pending;

  ReleaseConfirmation(CheckpointViewModel.Previewer previewer, CheckpointParts parts) {
    this.previewer = previewer;
    this.parts = parts;
    this.feedback = parts.feedback();
  }

  /** Previews {@code release} as decided on {@code seen}; a refused preview is said, not kept. */
  void preview(CheckpointAction.Release release, CheckpointDetail seen) {
    feedback.busy(true);
    parts
        .tasks()
        .run(() -> previewer.preview(release))
        .onSuccess(
            result -> {
              feedback.busy(false);
              if (result.ok()) {
                pending = SentAction.on(release, seen);
                confirmation.set(parts.text().confirmation(seen, result));
                feedback.clear();
              } else {
                feedback.say(parts.text().result(result), true);
              }
            })
        .onFailure(feedback::failed);
  }

  boolean waiting() {
    return pending != null;
  }

  /** The release the reviewer confirmed, no longer waiting; null when none was. */
  SentAction confirmed() {
    SentAction release = pending;
    cancel();
    return release;
  }

  void cancel() {
    pending = null;
    confirmation.set("");
  }

  /** The entries the release will post, for the reviewer to confirm; empty when none waits. */
  ReadOnlyStringProperty textProperty() {
    return confirmation.getReadOnlyProperty();
  }
}
