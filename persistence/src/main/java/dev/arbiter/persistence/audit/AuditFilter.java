package dev.arbiter.persistence.audit;

import java.time.Instant;

/**
 * What the audit view and the export select. Every part is optional (null matches all); blank text
 * counts as null.
 *
 * @param actor the actor exactly as recorded (a login, or the backend's {@code user:4821@ios}); a
 *     login also matches the entries it wrote for an actor it named ({@code db_user})
 * @param role entries whose database login belongs to this group role
 * @param action insert, update, delete, truncate or note
 * @param entityType the audited table, e.g. {@code disputes}
 * @param entity an entity id, or a reference that names one: {@code DSP-000123} (a dispute) or a
 *     contract reference such as {@code CTR-0042}
 * @param from entries at or after this time
 * @param to entries before this time
 * @param text entries whose old or new values contain this text, ignoring case
 */
public record AuditFilter(
    String actor,
    AuditActorRole role,
    String action,
    String entityType,
    String entity,
    Instant from,
    Instant to,
    String text) {

  public AuditFilter {
    actor = blankToNull(actor);
    action = blankToNull(action);
    entityType = blankToNull(entityType);
    entity = blankToNull(entity);
    text = text == null || text.isBlank() ? null : text;
  }

  /** Matches every entry. */
  public static AuditFilter none() {
    return new AuditFilter(null, null, null, null, null, null, null, null);
  }

  /** One record's entries. */
  public static AuditFilter record(String entityType, String entityId) {
    return none().withEntityType(entityType).withEntity(entityId);
  }

  public AuditFilter withActor(String value) {
    return new AuditFilter(value, role, action, entityType, entity, from, to, text);
  }

  public AuditFilter withRole(AuditActorRole value) {
    return new AuditFilter(actor, value, action, entityType, entity, from, to, text);
  }

  public AuditFilter withAction(String value) {
    return new AuditFilter(actor, role, value, entityType, entity, from, to, text);
  }

  public AuditFilter withEntityType(String value) {
    return new AuditFilter(actor, role, action, value, entity, from, to, text);
  }

  public AuditFilter withEntity(String value) {
    return new AuditFilter(actor, role, action, entityType, value, from, to, text);
  }

  public AuditFilter between(Instant fromTime, Instant toTime) {
    return new AuditFilter(actor, role, action, entityType, entity, fromTime, toTime, text);
  }

  public AuditFilter withText(String value) {
    return new AuditFilter(actor, role, action, entityType, entity, from, to, value);
  }

  public boolean isEmpty() {
    return equals(none());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
