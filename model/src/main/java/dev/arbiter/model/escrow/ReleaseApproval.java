package dev.arbiter.model.escrow;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A finance reviewer's decision on a checkpoint ({@code release_approvals}), at most one per
 * reviewer. Decisions are recorded only by the release functions, which enforce four-eyes, so this
 * mapping is read-only.
 */
@Entity
@Table(name = "release_approvals")
public class ReleaseApproval {

  @Id
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "checkpoint_id", nullable = false, insertable = false, updatable = false)
  private Long checkpointId;

  @Column(name = "reviewer", nullable = false, insertable = false, updatable = false)
  private String reviewer;

  @Convert(converter = ApprovalDecision.Converter.class)
  @Column(name = "decision", nullable = false, insertable = false, updatable = false)
  private ApprovalDecision decision;

  @Column(name = "note", insertable = false, updatable = false)
  private String note;

  @Column(name = "override_reason", insertable = false, updatable = false)
  private String overrideReason;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  protected ReleaseApproval() {}

  public Long getId() {
    return id;
  }

  public Long getCheckpointId() {
    return checkpointId;
  }

  /** The finance login that decided. */
  public String getReviewer() {
    return reviewer;
  }

  public ApprovalDecision getDecision() {
    return decision;
  }

  public String getNote() {
    return note;
  }

  /** Why a gate was overridden, if one was. */
  public String getOverrideReason() {
    return overrideReason;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
