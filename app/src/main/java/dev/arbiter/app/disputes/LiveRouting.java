package dev.arbiter.app.disputes;

import dev.arbiter.app.live.ChangeSet;

/** Which part of the Disputes area a set of database changes concerns. */
final class LiveRouting {

  private static final String[] CASE_PARTS = {
    "dispute_messages", "dispute_evidence", "settlements"
  };

  private LiveRouting() {}

  /**
   * The queue hears of changed disputes (a queue row shows nothing of a case's thread, so messages,
   * evidence and settlements are not its business); the open case re-reads when it changed itself,
   * or when a message, evidence or settlement of its own changed (their notices name their dispute,
   * V79).
   */
  static void route(ChangeSet changes, DisputeQueueViewModel queue, DisputeCaseViewModel open) {
    if (!changes.touches("disputes") && !changes.touches(CASE_PARTS)) {
      return;
    }
    queue.liveChanged(changes);
    Long id = open.formsForProperty().get();
    if (id != null
        && (changes.touches("disputes", id) || changes.touchesPartOf("disputes", id, CASE_PARTS))) {
      open.liveChanged();
    }
  }
}
