package dev.arbiter.model.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a presence row: which console (of which login) is on which record. */
@Embeddable
public class PresenceKey implements Serializable {

  private static final long serialVersionUID = 1L;

  @Column(name = "console_id", nullable = false, updatable = false)
  private UUID consoleId;

  @Column(name = "staff_login", nullable = false, updatable = false)
  private String staffLogin;

  @Convert(converter = PresenceEntityType.Converter.class)
  @Column(name = "entity_type", nullable = false, updatable = false)
  private PresenceEntityType entityType;

  @Column(name = "entity_id", nullable = false, updatable = false)
  private long entityId;

  protected PresenceKey() {}

  public PresenceKey(
      UUID consoleId, String staffLogin, PresenceEntityType entityType, long entityId) {
    this.consoleId = Objects.requireNonNull(consoleId, "consoleId");
    this.staffLogin = Objects.requireNonNull(staffLogin, "staffLogin");
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.entityId = entityId;
  }

  public UUID getConsoleId() {
    return consoleId;
  }

  public String getStaffLogin() {
    return staffLogin;
  }

  public PresenceEntityType getEntityType() {
    return entityType;
  }

  public long getEntityId() {
    return entityId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PresenceKey k
        && entityId == k.entityId
        && consoleId.equals(k.consoleId)
        && staffLogin.equals(k.staffLogin)
        && entityType == k.entityType;
  }

  @Override
  public int hashCode() {
    return Objects.hash(consoleId, staffLogin, entityType, entityId);
  }

  @Override
  public String toString() {
    return staffLogin + "@" + entityType.dbValue() + ":" + entityId;
  }
}
