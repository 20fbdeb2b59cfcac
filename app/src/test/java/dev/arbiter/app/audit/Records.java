package dev.arbiter.app.audit;

import dev.arbiter.persistence.audit.AuditRecord;
import dev.arbiter.persistence.audit.JsonValues;
import dev.arbiter.persistence.audit.ValueDiff;
import java.time.Instant;

/** Audit records for view model tests. */
final class Records {

  private Records() {}

  static AuditRecord update(long id, String actor, String oldJson, String newJson) {
    return record(id, actor, "update", oldJson, newJson);
  }

  static AuditRecord record(long id, String actor, String action, String oldJson, String newJson) {
    return record(id, actor, action, "disputes", oldJson, newJson);
  }

  static AuditRecord record(
      long id, String actor, String action, String entityType, String oldJson, String newJson) {
    return new AuditRecord(
        id,
        Instant.parse("2025-03-04T13:05:09.123456Z").plusSeconds(id),
        actor,
        actor.startsWith("user:") ? "demo_backend" : actor,
        action,
        null,
        entityType,
        "17",
        actor.startsWith("user:") ? "req-1" : null,
        "arbiter-console",
        oldJson,
        newJson,
        0,
        ValueDiff.between(JsonValues.parse(oldJson), JsonValues.parse(newJson)),
        "ab".repeat(32),
        "cd".repeat(32));
  }
}
