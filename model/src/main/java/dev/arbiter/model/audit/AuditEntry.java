package dev.arbiter.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One link of the hash-chained audit log ({@code audit_log}). Rows are appended only by the
 * database's audit triggers and never change, so every column is read-only. The before and after
 * values ({@code old_values}, {@code new_values}, jsonb) are the server's own JSON text, exactly as
 * it was hashed; they may hold keys only admins may see, so whoever shows them masks those first
 * (the persistence audit services do). The chain verifier reads entries with SQL, as bytes.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

  @Id
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "occurred_at", nullable = false, insertable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "actor", nullable = false, insertable = false, updatable = false)
  private String actor;

  @Column(name = "db_user", nullable = false, insertable = false, updatable = false)
  private String dbUser;

  @Convert(converter = AuditAction.Converter.class)
  @Column(name = "action", nullable = false, insertable = false, updatable = false)
  private AuditAction action;

  @Column(name = "command", insertable = false, updatable = false)
  private String command;

  @Column(name = "entity_type", nullable = false, insertable = false, updatable = false)
  private String entityType;

  @Column(name = "entity_id", insertable = false, updatable = false)
  private String entityId;

  @Column(name = "request_id", insertable = false, updatable = false)
  private String requestId;

  @Column(name = "client_info", insertable = false, updatable = false)
  private String clientInfo;

  @Column(name = "old_values", columnDefinition = "jsonb", insertable = false, updatable = false)
  private String oldValues;

  @Column(name = "new_values", columnDefinition = "jsonb", insertable = false, updatable = false)
  private String newValues;

  @Column(name = "salt", insertable = false, updatable = false)
  private byte[] salt;

  @Column(name = "prev_hash", nullable = false, insertable = false, updatable = false)
  private byte[] prevHash;

  @Column(name = "hash", nullable = false, insertable = false, updatable = false)
  private byte[] hash;

  protected AuditEntry() {}

  /** The position in the chain; ids are gapless from 1. */
  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  /** Who the change is attributed to: the login, or the user the backend named. */
  public String getActor() {
    return actor;
  }

  /** The database login that made the change. */
  public String getDbUser() {
    return dbUser;
  }

  public AuditAction getAction() {
    return action;
  }

  /** The operator command that made the change, if the writer named one. */
  public String getCommand() {
    return command;
  }

  /** The table the change was made to, e.g. {@code disputes}. */
  public String getEntityType() {
    return entityType;
  }

  public String getEntityId() {
    return entityId;
  }

  public String getRequestId() {
    return requestId;
  }

  /** The writer's {@code application_name}. */
  public String getClientInfo() {
    return clientInfo;
  }

  /** The row before the change as the server's JSON text, or null when there was none. */
  public String getOldValues() {
    return oldValues;
  }

  /** The row after the change as the server's JSON text, or null when there is none. */
  public String getNewValues() {
    return newValues;
  }

  /** The entry's 16 random bytes, hashed with it; null for entries written before V88. A copy. */
  public byte[] getSalt() {
    return salt == null ? null : salt.clone();
  }

  /** The previous link's hash (32 bytes); a copy. */
  public byte[] getPrevHash() {
    return prevHash == null ? null : prevHash.clone();
  }

  /** This link's hash (32 bytes); a copy. */
  public byte[] getHash() {
    return hash == null ? null : hash.clone();
  }
}
