package dev.arbiter.persistence.disputes;

import java.util.List;

/**
 * A page of the queue in display order.
 *
 * @param more whether rows exist beyond this page in the direction it was read
 */
public record QueuePage(List<QueueRow> rows, boolean more) {

  public QueuePage {
    rows = List.copyOf(rows);
  }
}
