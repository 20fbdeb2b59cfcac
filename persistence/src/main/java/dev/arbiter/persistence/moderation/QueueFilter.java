package dev.arbiter.persistence.moderation;

import dev.arbiter.model.moderation.FlagReason;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.model.moderation.Severity;
import java.time.Duration;
import java.util.Objects;

/**
 * What the queue shows. Null fields do not filter. {@code minSeverity} keeps items whose highest
 * severity is at least that; {@code minAge} keeps items first flagged at least that long ago.
 */
public record QueueFilter(
    FlagStatus status,
    FlaggedEntityType type,
    FlagReason reason,
    Severity minSeverity,
    ClaimFilter claim,
    Duration minAge) {

  public QueueFilter {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(claim, "claim");
  }

  /** Every open item. */
  public static QueueFilter open() {
    return new QueueFilter(FlagStatus.OPEN, null, null, null, ClaimFilter.ANY, null);
  }
}
