package dev.arbiter.persistence.disputes;

import dev.arbiter.model.disputes.DeadlineAction;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.ReasonCode;
import java.time.Instant;

/**
 * One line of the dispute queue, a flat projection read in one query.
 *
 * @param assignedTo the staff login working the case, or null
 * @param responseDueAt the SLA deadline, or null
 * @param deadlineAction what happens at the deadline, or null when nothing automatic does
 * @param cursor this row's position, to page on from it
 */
public record QueueRow(
    long id,
    String reference,
    String clientName,
    String freelancerName,
    String contractReference,
    long amountMinor,
    String currency,
    ReasonCode reason,
    DisputePriority priority,
    DisputeStatus status,
    String assignedTo,
    Instant openedAt,
    Instant responseDueAt,
    DeadlineAction deadlineAction,
    Instant deadlineActedAt,
    int version,
    QueueCursor cursor) {}
