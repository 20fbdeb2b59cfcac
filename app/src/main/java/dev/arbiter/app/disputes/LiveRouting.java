package dev.arbiter.app.disputes;

import dev.arbiter.app.live.ChangeSet;

/** Which part of the Disputes area a set of database changes concerns. */
final class LiveRouting {

  private static final String[] CASE_PARTS = {
    "dispute_messages", "dispute_evidence", "settlements"
  };

  private LiveRouting() {}

  /**
   * The queue re-reads its rows when any dispute (or a dispute's thread) changed; the open case
   * re-reads when it changed itself, or when a message, evidence or settlement of its own changed
   * (their notices name their dispute, V79).
   */
  static void route(ChangeSet changes, DisputeQueueViewModel queue, DisputeCaseViewModel open) {
    if (!changes.touches("disputes") && !changes.touches(CASE_PARTS)) {
      return;
    }
    queue.liveChanged();
    Long id = open.formsForProperty().get();
    if (id != null
        && (changes.touches("disputes", id) || changes.touchesPartOf("disputes", id, CASE_PARTS))) {
      open.liveChanged();
    }
  }
}
