package dev.arbiter.persistence.disputes;

import dev.arbiter.model.disputes.DeadlineAction;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A dispute as the agent last saw it. Every action carries one: if the row's version moved on
 * since, the action is refused and the fields that differ are shown, so nothing someone else did is
 * silently overwritten.
 */
public record DisputeSnapshot(
    long id,
    String reference,
    int version,
    DisputeStatus status,
    DisputePriority priority,
    String assignedTo,
    Instant responseDueAt,
    DeadlineAction deadlineAction,
    long amountMinor,
    String currency) {

  public DisputeSnapshot {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(priority, "priority");
  }

  /** The snapshot of a queue row, for actions taken from the queue. */
  public static DisputeSnapshot of(QueueRow row) {
    return new DisputeSnapshot(
        row.id(),
        row.reference(),
        row.version(),
        row.status(),
        row.priority(),
        row.assignedTo(),
        row.responseDueAt(),
        row.deadlineAction(),
        row.amountMinor(),
        row.currency());
  }
}
