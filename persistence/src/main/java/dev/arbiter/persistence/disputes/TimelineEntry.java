package dev.arbiter.persistence.disputes;

import dev.arbiter.model.audit.AuditActor;
import java.time.Instant;

/**
 * One audited change in a dispute's life, from the audit log.
 *
 * @param by who the change was for and the login that made it
 * @param command the console command that caused it (e.g. {@code dispute.assign}), or null
 * @param summary what changed, e.g. "status: under_review → escalated"
 */
public record TimelineEntry(
    long auditId,
    Instant at,
    AuditActor by,
    String action,
    String entity,
    String command,
    String summary) {}
