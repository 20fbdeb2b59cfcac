package dev.arbiter.persistence.moderation;

import java.util.List;

/** One page of the queue and the cursor of the next one (null on the last page). */
public record QueuePage(List<QueueRow> rows, QueueCursor next) {

  public QueuePage {
    rows = List.copyOf(rows);
  }
}
