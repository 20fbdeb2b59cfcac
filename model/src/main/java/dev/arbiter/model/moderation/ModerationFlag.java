package dev.arbiter.model.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A report that a user, message, file, contract or workspace breaks the rules ({@code
 * moderation_flags}). The marketplace files flags; a moderator claims one and decides it. What was
 * reported never changes after filing, so those columns are insert-only.
 */
@Entity
@Table(name = "moderation_flags")
public class ModerationFlag {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Convert(converter = FlaggedEntityType.Converter.class)
  @Column(name = "entity_type", nullable = false, updatable = false)
  private FlaggedEntityType entityType;

  @Column(name = "entity_id", nullable = false, updatable = false)
  private long entityId;

  @Column(name = "reporter_id", nullable = false, updatable = false)
  private Long reporterId;

  @Convert(converter = FlagReason.Converter.class)
  @Column(name = "reason", nullable = false, updatable = false)
  private FlagReason reason;

  @Column(name = "details", updatable = false)
  private String details;

  @Convert(converter = Severity.Converter.class)
  @Column(name = "severity", nullable = false, updatable = false)
  private Severity severity;

  @Column(name = "severity_rank", insertable = false, updatable = false)
  private short severityRank;

  @Convert(converter = FlagStatus.Converter.class)
  @Column(name = "status", nullable = false, insertable = false)
  private FlagStatus status = FlagStatus.OPEN;

  @Column(name = "assigned_to", insertable = false)
  private String assignedTo;

  @Column(name = "claimed_at", insertable = false)
  private Instant claimedAt;

  @Convert(converter = FlagDecision.Converter.class)
  @Column(name = "decision", insertable = false)
  private FlagDecision decision;

  @Column(name = "decision_reason", insertable = false)
  private String decisionReason;

  @Column(name = "decided_by", insertable = false)
  private String decidedBy;

  @Column(name = "decided_at", insertable = false)
  private Instant decidedAt;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected ModerationFlag() {}

  /** A new open flag, as the marketplace files one. */
  public ModerationFlag(
      FlaggedEntityType entityType,
      long entityId,
      Long reporterId,
      FlagReason reason,
      Severity severity,
      String details) {
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.entityId = entityId;
    this.reporterId = Objects.requireNonNull(reporterId, "reporterId");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.details = details;
  }

  /** Claims the flag for the moderator {@code login}; the claim and its time go together. */
  public void claim(String login, Instant when) {
    this.assignedTo = Objects.requireNonNull(login, "login");
    this.claimedAt = Objects.requireNonNull(when, "when");
  }

  /** Gives up the claim so another moderator can take the flag. */
  public void unclaim() {
    this.assignedTo = null;
    this.claimedAt = null;
  }

  /**
   * Decides an open flag; the status follows from the decision.
   *
   * @throws dev.arbiter.model.common.IllegalStatusChangeException if the flag is already decided
   * @throws IllegalArgumentException if the reason is blank
   */
  public void decide(FlagDecision decision, String reason, String login, Instant when) {
    FlagStatus next = decision.resultingStatus();
    FlagStatus.rules().checkDirectMove(status, next);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Give a reason for the decision.");
    }
    this.status = next;
    this.decision = decision;
    this.decisionReason = reason;
    this.decidedBy = Objects.requireNonNull(login, "login");
    this.decidedAt = Objects.requireNonNull(when, "when");
  }

  /**
   * Reopens a decided flag, clearing the decision.
   *
   * @throws dev.arbiter.model.common.IllegalStatusChangeException if the flag is open
   */
  public void reopen() {
    FlagStatus.rules().checkDirectMove(status, FlagStatus.OPEN);
    this.status = FlagStatus.OPEN;
    this.decision = null;
    this.decisionReason = null;
    this.decidedBy = null;
    this.decidedAt = null;
  }

  public Long getId() {
    return id;
  }

  public FlaggedEntityType getEntityType() {
    return entityType;
  }

  public long getEntityId() {
    return entityId;
  }

  public Long getReporterId() {
    return reporterId;
  }

  public FlagReason getReason() {
    return reason;
  }

  public String getDetails() {
    return details;
  }

  public Severity getSeverity() {
    return severity;
  }

  /** The database's sort key for the severity: 1 for low up to 4 for critical. */
  public int getSeverityRank() {
    return severityRank;
  }

  public FlagStatus getStatus() {
    return status;
  }

  public String getAssignedTo() {
    return assignedTo;
  }

  public Instant getClaimedAt() {
    return claimedAt;
  }

  public FlagDecision getDecision() {
    return decision;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
