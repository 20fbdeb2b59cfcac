package dev.arbiter.model.disputes;

import dev.arbiter.model.money.Money;
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
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A party's dispute over a contract, its escrow or one checkpoint ({@code disputes}). The
 * marketplace opens it; support works the case (status, priority, assignee, deadline, notes); the
 * outcome, the shares and the resolution are written only when finance executes a settlement, so
 * those columns, like the disputed amount, are read-only here. The {@code metadata} column is
 * unmapped.
 */
@Entity
@Table(name = "disputes")
public class Dispute {

  private static final Pattern REFERENCE = Pattern.compile("^DSP-[0-9]{6,}$");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "reference", nullable = false, updatable = false)
  private String reference;

  @Column(name = "contract_id", nullable = false, updatable = false)
  private Long contractId;

  @Column(name = "escrow_id", updatable = false)
  private Long escrowId;

  @Column(name = "checkpoint_id", updatable = false)
  private Long checkpointId;

  @Column(name = "opened_by", nullable = false, updatable = false)
  private Long openedBy;

  @Convert(converter = ReasonCode.Converter.class)
  @Column(name = "reason_code", nullable = false, updatable = false)
  private ReasonCode reasonCode;

  @Convert(converter = DisputePriority.Converter.class)
  @Column(name = "priority", nullable = false)
  private DisputePriority priority = DisputePriority.NORMAL;

  @Column(name = "priority_rank", insertable = false, updatable = false)
  private short priorityRank;

  @Convert(converter = DisputeStatus.Converter.class)
  @Column(name = "status", nullable = false, insertable = false)
  private DisputeStatus status = DisputeStatus.OPEN;

  @Column(name = "assigned_to", insertable = false)
  private String assignedTo;

  @Column(name = "amount_disputed_minor", nullable = false, updatable = false)
  private long amountDisputedMinor;

  @Column(name = "currency", nullable = false, updatable = false)
  private String currency;

  @Column(name = "response_due_at")
  private Instant responseDueAt;

  @Convert(converter = DeadlineAction.Converter.class)
  @Column(name = "deadline_action")
  private DeadlineAction deadlineAction;

  @Column(name = "deadline_acted_at", insertable = false, updatable = false)
  private Instant deadlineActedAt;

  @Convert(converter = DisputeOutcome.Converter.class)
  @Column(name = "outcome", insertable = false, updatable = false)
  private DisputeOutcome outcome;

  @Column(name = "payee_share_minor", insertable = false, updatable = false)
  private Long payeeShareMinor;

  @Column(name = "payer_share_minor", insertable = false, updatable = false)
  private Long payerShareMinor;

  @Column(name = "resolution_notes", insertable = false)
  private String resolutionNotes;

  @Column(name = "resolved_by", insertable = false, updatable = false)
  private String resolvedBy;

  @Column(name = "resolved_at", insertable = false, updatable = false)
  private Instant resolvedAt;

  @Column(name = "opened_at", insertable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected Dispute() {}

  /**
   * A new open dispute, as the marketplace files one.
   *
   * @param escrowId the escrow in dispute, or null
   * @param checkpointId the checkpoint in dispute, or null
   * @param openedBy the user who opened it
   * @throws IllegalArgumentException if the reference is malformed or the amount is not positive
   */
  public Dispute(
      String reference,
      Long contractId,
      Long escrowId,
      Long checkpointId,
      Long openedBy,
      ReasonCode reasonCode,
      DisputePriority priority,
      Money amountDisputed) {
    if (reference == null || !REFERENCE.matcher(reference).matches()) {
      throw new IllegalArgumentException("not a dispute reference: " + reference);
    }
    if (!amountDisputed.isPositive()) {
      throw new IllegalArgumentException("A dispute is about more than nothing.");
    }
    this.reference = reference;
    this.contractId = Objects.requireNonNull(contractId, "contractId");
    this.escrowId = escrowId;
    this.checkpointId = checkpointId;
    this.openedBy = Objects.requireNonNull(openedBy, "openedBy");
    this.reasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
    this.priority = Objects.requireNonNull(priority, "priority");
    this.amountDisputedMinor = amountDisputed.minor();
    this.currency = amountDisputed.currency();
  }

  /**
   * Changes the status as support (or the backend) may, by writing the column.
   *
   * @throws dev.arbiter.model.common.IllegalStatusChangeException if the move is illegal, or made
   *     only by executing a settlement (settling to resolved)
   */
  public void moveTo(DisputeStatus next) {
    DisputeStatus.rules().checkDirectMove(status, next);
    this.status = next;
  }

  public Long getId() {
    return id;
  }

  /** The human reference, e.g. {@code DSP-004211}. */
  public String getReference() {
    return reference;
  }

  public Long getContractId() {
    return contractId;
  }

  public Long getEscrowId() {
    return escrowId;
  }

  public Long getCheckpointId() {
    return checkpointId;
  }

  public Long getOpenedBy() {
    return openedBy;
  }

  public ReasonCode getReasonCode() {
    return reasonCode;
  }

  public DisputePriority getPriority() {
    return priority;
  }

  public void setPriority(DisputePriority priority) {
    this.priority = Objects.requireNonNull(priority, "priority");
  }

  /**
   * The database's sort key for the priority, as of the last load: a generated column, so it
   * follows a priority change only once the dispute is read again.
   */
  public int getPriorityRank() {
    return priorityRank;
  }

  public DisputeStatus getStatus() {
    return status;
  }

  /** The staff login working the case, or null if nobody has claimed it. */
  public String getAssignedTo() {
    return assignedTo;
  }

  /** Gives the case to the staff login {@code login}, or to nobody when null. */
  public void assignTo(String login) {
    this.assignedTo = login;
  }

  public Money getAmountDisputed() {
    return Money.of(amountDisputedMinor, currency);
  }

  public String getCurrency() {
    return currency;
  }

  /** When the next response is due (the SLA clock), or null. */
  public Instant getResponseDueAt() {
    return responseDueAt;
  }

  public void setResponseDueAt(Instant responseDueAt) {
    this.responseDueAt = responseDueAt;
  }

  public DeadlineAction getDeadlineAction() {
    return deadlineAction;
  }

  public void setDeadlineAction(DeadlineAction deadlineAction) {
    this.deadlineAction = deadlineAction;
  }

  /**
   * When the automation acted on the deadline (escalated the case or proposed its settlement), or
   * null. Only the automation sets it; the database clears it when the deadline changes.
   */
  public Instant getDeadlineActedAt() {
    return deadlineActedAt;
  }

  public DisputeOutcome getOutcome() {
    return outcome;
  }

  /** What the payee (freelancer) was awarded, once resolved. */
  public Optional<Money> getPayeeShare() {
    return Optional.ofNullable(payeeShareMinor).map(m -> Money.of(m, currency));
  }

  /** What the payer (client) was awarded, once resolved. */
  public Optional<Money> getPayerShare() {
    return Optional.ofNullable(payerShareMinor).map(m -> Money.of(m, currency));
  }

  public String getResolutionNotes() {
    return resolutionNotes;
  }

  public void setResolutionNotes(String resolutionNotes) {
    this.resolutionNotes = resolutionNotes;
  }

  /** The finance login whose settlement resolved the case. */
  public String getResolvedBy() {
    return resolvedBy;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
