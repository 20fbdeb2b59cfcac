package dev.arbiter.model.escrow;

import dev.arbiter.model.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A slice of an escrow paid out when its work is accepted ({@code escrow_checkpoints}). The
 * marketplace creates checkpoints and submits or cancels them; approval, hold, release and refund
 * happen only in the finance functions, so those columns are read-only here.
 */
@Entity
@Table(name = "escrow_checkpoints")
public class EscrowCheckpoint {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "escrow_id", nullable = false, updatable = false)
  private Long escrowId;

  // The same column again, read-only, so that a view can fetch the escrow with its checkpoint;
  // escrowId stays the one the marketplace writes.
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "escrow_id", insertable = false, updatable = false)
  private Escrow escrow;

  @Column(name = "seq", nullable = false, updatable = false)
  private int seq;

  @Column(name = "label", nullable = false, updatable = false)
  private String label;

  @Column(name = "amount_minor", nullable = false, updatable = false)
  private long amountMinor;

  @Column(name = "released_minor", nullable = false, insertable = false, updatable = false)
  private long releasedMinor;

  @Column(name = "currency", nullable = false, updatable = false)
  private String currency;

  @Convert(converter = CheckpointStatus.Converter.class)
  @Column(name = "status", nullable = false, insertable = false)
  private CheckpointStatus status = CheckpointStatus.PENDING;

  @Convert(converter = ApprovalRequirement.Converter.class)
  @Column(name = "approval_requirement", nullable = false, updatable = false)
  private ApprovalRequirement approvalRequirement;

  @Column(name = "csat_threshold", precision = 3, scale = 2, updatable = false)
  private BigDecimal csatThreshold;

  @Column(name = "auto_release_at")
  private Instant autoReleaseAt;

  @Column(name = "submitted_at", insertable = false)
  private Instant submittedAt;

  @Column(name = "requested_by", insertable = false)
  private String requestedBy;

  @Column(name = "hold_reason", insertable = false, updatable = false)
  private String holdReason;

  @Column(name = "released_at", insertable = false, updatable = false)
  private Instant releasedAt;

  @Column(name = "released_by", insertable = false, updatable = false)
  private String releasedBy;

  @Column(name = "payout_reference", insertable = false, updatable = false)
  private String payoutReference;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected EscrowCheckpoint() {}

  /**
   * A new pending checkpoint.
   *
   * @param csatThreshold the least client satisfaction (0 to 5) a release needs, or null for none
   * @throws IllegalArgumentException if {@code seq} or the amount is not positive
   */
  public EscrowCheckpoint(
      Long escrowId,
      int seq,
      String label,
      Money amount,
      ApprovalRequirement approvalRequirement,
      BigDecimal csatThreshold) {
    if (seq <= 0) {
      throw new IllegalArgumentException("checkpoint numbers start at 1");
    }
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("A checkpoint pays out more than nothing.");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("A checkpoint needs a label.");
    }
    this.escrowId = Objects.requireNonNull(escrowId, "escrowId");
    this.seq = seq;
    this.label = label;
    this.amountMinor = amount.minor();
    this.currency = amount.currency();
    this.approvalRequirement = Objects.requireNonNull(approvalRequirement, "approvalRequirement");
    this.csatThreshold = csatThreshold;
  }

  /**
   * Submits pending work for review, as the marketplace does when the freelancer delivers.
   *
   * @throws dev.arbiter.model.common.IllegalStatusChangeException unless the checkpoint is pending
   */
  public void submit(String requestedBy, Instant when) {
    CheckpointStatus.rules().checkDirectMove(status, CheckpointStatus.SUBMITTED);
    this.status = CheckpointStatus.SUBMITTED;
    this.requestedBy = requestedBy;
    this.submittedAt = Objects.requireNonNull(when, "when");
  }

  /**
   * Cancels a pending checkpoint that will never be delivered.
   *
   * @throws dev.arbiter.model.common.IllegalStatusChangeException unless the checkpoint is pending
   */
  public void cancel() {
    CheckpointStatus.rules().checkDirectMove(status, CheckpointStatus.CANCELLED);
    this.status = CheckpointStatus.CANCELLED;
  }

  public Long getId() {
    return id;
  }

  public Long getEscrowId() {
    return escrowId;
  }

  /** The escrow this checkpoint pays from; lazy, so fetch it with the checkpoint. */
  public Escrow getEscrow() {
    return escrow;
  }

  /** The checkpoint's position in its escrow, from 1. */
  public int getSeq() {
    return seq;
  }

  public String getLabel() {
    return label;
  }

  public Money getAmount() {
    return Money.of(amountMinor, currency);
  }

  public Money getReleased() {
    return Money.of(releasedMinor, currency);
  }

  public CheckpointStatus getStatus() {
    return status;
  }

  public ApprovalRequirement getApprovalRequirement() {
    return approvalRequirement;
  }

  public BigDecimal getCsatThreshold() {
    return csatThreshold;
  }

  /**
   * Whether a contract's satisfaction score passes this checkpoint's threshold. With no threshold
   * the gate is open; with a threshold but no score yet it is shut.
   */
  public boolean csatGatePasses(BigDecimal csatScore) {
    return csatThreshold == null || (csatScore != null && csatScore.compareTo(csatThreshold) >= 0);
  }

  public Instant getAutoReleaseAt() {
    return autoReleaseAt;
  }

  public void setAutoReleaseAt(Instant autoReleaseAt) {
    this.autoReleaseAt = autoReleaseAt;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  /** Who asked for the release (a marketplace user reference or a login). */
  public String getRequestedBy() {
    return requestedBy;
  }

  public String getHoldReason() {
    return holdReason;
  }

  public Instant getReleasedAt() {
    return releasedAt;
  }

  /** The finance login that released the money. */
  public String getReleasedBy() {
    return releasedBy;
  }

  /** The unique reference of the payout, which makes a second payout impossible. */
  public String getPayoutReference() {
    return payoutReference;
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
