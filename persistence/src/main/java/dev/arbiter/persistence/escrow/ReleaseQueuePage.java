package dev.arbiter.persistence.escrow;

import java.util.List;
import java.util.Optional;

/** One page of the release queue and the cursor for the next, empty on the last page. */
public record ReleaseQueuePage(
    List<ReleaseQueueRow> rows, Optional<ReleaseQueueQuery.Cursor> next) {

  public ReleaseQueuePage {
    rows = List.copyOf(rows);
  }
}
