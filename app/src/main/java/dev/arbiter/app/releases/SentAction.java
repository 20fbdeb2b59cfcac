package dev.arbiter.app.releases;

import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointBasis;
import dev.arbiter.persistence.escrow.CheckpointDetail;

/**
 * A checkpoint action as sent: what, on which state, and the snapshot the reviewer had in front of
 * them (to show what changed when the database refuses it as stale).
 */
record SentAction(CheckpointAction action, CheckpointBasis basis, CheckpointDetail seen) {

  /** {@code action} decided on {@code seen}. */
  static SentAction on(CheckpointAction action, CheckpointDetail seen) {
    return new SentAction(action, seen.basis(), seen);
  }
}
