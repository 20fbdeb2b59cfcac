package dev.arbiter.persistence.moderation;

import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One flagged item in the queue. {@code claimant} is null when nobody holds a live claim; {@code
 * claimedUntil} is when that claim lapses.
 */
public record QueueRow(
    long rowId,
    ItemKey key,
    String preview,
    int openFlags,
    int totalFlags,
    Severity maxSeverity,
    List<String> reasons,
    Instant firstFlagged,
    Instant lastFlagged,
    FlagStatus status,
    String claimant,
    Instant claimedUntil,
    BigDecimal score) {

  public QueueRow {
    reasons = List.copyOf(reasons);
  }
}
