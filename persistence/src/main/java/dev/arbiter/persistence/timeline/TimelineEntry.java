package dev.arbiter.persistence.timeline;

import dev.arbiter.model.audit.AuditActor;
import java.time.Instant;

/**
 * One audited change in a record's history, as the detail views list it (a dispute, a flagged item,
 * a workspace, a checkpoint). A newer entry has a larger {@code auditId}, which is how the views
 * tell what others changed since they last read.
 *
 * @param by who the change was for and the login that made it
 * @param action the audit log's action: insert, update, delete or truncate
 * @param entityType the table of the changed row, e.g. {@code dispute_messages}
 * @param entityId the changed row's id, as the audit log keys it
 * @param command the console command that caused it (e.g. {@code dispute.assign}), or null
 * @param summary what changed, in a line, e.g. "status: under_review → escalated"
 */
public record TimelineEntry(
    long auditId,
    Instant at,
    AuditActor by,
    String action,
    String entityType,
    String entityId,
    String command,
    String summary) {}
