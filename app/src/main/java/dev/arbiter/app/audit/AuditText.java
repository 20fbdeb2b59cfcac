package dev.arbiter.app.audit;

import dev.arbiter.persistence.audit.AuditRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How audit entries read on screen: times with microseconds, entities, actors. */
final class AuditText {

  private final DateTimeFormatter time;
  private final DateTimeFormatter exact;

  AuditText(Locale locale, ZoneId zone) {
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", locale).withZone(zone);
    this.exact =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS xxx", locale).withZone(zone);
  }

  String time(AuditRecord r) {
    return time.format(r.occurredAt());
  }

  String exactTime(AuditRecord r) {
    return exact.format(r.occurredAt());
  }

  /** {@code disputes #17}, or the table alone for a truncate. */
  static String entity(AuditRecord r) {
    return r.entityId() == null ? r.entityType() : r.entityType() + " #" + r.entityId();
  }

  /** The actor, and the login that wrote for them when it is someone else (the backend). */
  static String who(AuditRecord r) {
    return r.by().text();
  }

  static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }
}
