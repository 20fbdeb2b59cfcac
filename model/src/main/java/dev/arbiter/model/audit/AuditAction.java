package dev.arbiter.model.audit;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/**
 * What an audit entry records ({@code audit_log.action}): a row change, a table truncated by its
 * owner, or a note.
 */
public enum AuditAction implements DatabaseValue {
  INSERT,
  UPDATE,
  DELETE,
  TRUNCATE,
  NOTE;

  /** Stores a {@link AuditAction} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<AuditAction> {
    public Converter() {
      super(AuditAction.class);
    }
  }
}
