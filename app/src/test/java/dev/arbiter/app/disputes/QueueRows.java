package dev.arbiter.app.disputes;

import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.persistence.disputes.QueueCursor;
import dev.arbiter.persistence.disputes.QueuePage;
import dev.arbiter.persistence.disputes.QueueRow;
import dev.arbiter.persistence.disputes.SortKey;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/** Queue rows for ViewModel tests, numbered like a table sorted by reference. */
final class QueueRows {

  static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  private QueueRows() {}

  static QueueRow row(long id) {
    String reference = String.format("DSP-%06d", id);
    return new QueueRow(
        id,
        reference,
        "Client " + id,
        "Freelancer " + id,
        "GO-" + (1000 + id),
        1000 * id,
        "USD",
        ReasonCode.QUALITY,
        DisputePriority.NORMAL,
        DisputeStatus.UNDER_REVIEW,
        null,
        NOW.minusSeconds(3600 * id),
        NOW.plusSeconds(7200),
        null,
        null,
        0,
        new QueueCursor(SortKey.REFERENCE, reference, id));
  }

  /** Rows {@code from..to} inclusive; {@code more} says whether the table goes on. */
  static QueuePage page(long from, long to, boolean more) {
    List<QueueRow> rows = LongStream.rangeClosed(from, to).mapToObj(QueueRows::row).toList();
    return new QueuePage(rows, more);
  }
}
