package dev.arbiter.persistence.disputes;

import java.time.Instant;

/**
 * One audited change in a dispute's life, from the audit log.
 *
 * @param command the console command that caused it (e.g. {@code dispute.assign}), or null
 * @param summary what changed, e.g. "status: under_review → escalated"
 */
public record TimelineEntry(
    long auditId,
    Instant at,
    String actor,
    String action,
    String entity,
    String command,
    String summary) {}
