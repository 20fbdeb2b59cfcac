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

/**
 * A proposal to end a dispute ({@code settlements}): support proposes an outcome and shares, and
 * finance executes it (which posts the journal and resolves the dispute) or sends it back. The
 * amounts never change after the proposal; the proposer is stamped by the database.
 */
@Entity
@Table(name = "settlements")
public class Settlement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "dispute_id", nullable = false, updatable = false)
  private Long disputeId;

  @Convert(converter = DisputeOutcome.Converter.class)
  @Column(name = "outcome", nullable = false, updatable = false)
  private DisputeOutcome outcome;

  @Column(name = "payee_minor", nullable = false, updatable = false)
  private long payeeMinor;

  @Column(name = "payer_minor", nullable = false, updatable = false)
  private long payerMinor;

  @Column(name = "currency", nullable = false, updatable = false)
  private String currency;

  @Column(name = "reason", nullable = false, updatable = false)
  private String reason;

  @Convert(converter = SettlementStatus.Converter.class)
  @Column(name = "status", nullable = false, insertable = false)
  private SettlementStatus status = SettlementStatus.PROPOSED;

  @Column(name = "proposed_by", nullable = false, insertable = false, updatable = false)
  private String proposedBy;

  @Column(name = "proposed_at", nullable = false, insertable = false, updatable = false)
  private Instant proposedAt;

  @Column(name = "decided_by", insertable = false)
  private String decidedBy;

  @Column(name = "decided_at", insertable = false)
  private Instant decidedAt;

  @Column(name = "decision_note", insertable = false)
  private String decisionNote;

  @Column(name = "journal_id", insertable = false, updatable = false)
  private Long journalId;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected Settlement() {}

  /**
   * A proposal to settle the dispute {@code disputeId} over {@code disputed}, paid in its currency.
   *
   * @throws IllegalArgumentException if the reason is blank, a share is in another currency, or the
   *     shares do not fit the outcome and the disputed amount
   */
  public static Settlement propose(
      long disputeId,
      Money disputed,
      DisputeOutcome outcome,
      Money payee,
      Money payer,
      String reason) {
    Objects.requireNonNull(outcome, "outcome");
    if (!payee.currency().equals(disputed.currency())
        || !payer.currency().equals(disputed.currency())) {
      throw new IllegalArgumentException(
          "A settlement pays out in the dispute's currency, " + disputed.currency() + ".");
    }
    outcome
        .sharesProblem(payee.minor(), payer.minor(), disputed.minor())
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A settlement needs a reason.");
    }
    Settlement s = new Settlement();
    s.disputeId = disputeId;
    s.outcome = outcome;
    s.payeeMinor = payee.minor();
    s.payerMinor = payer.minor();
    s.currency = disputed.currency();
    s.reason = reason;
    return s;
  }

  public Long getId() {
    return id;
  }

  public Long getDisputeId() {
    return disputeId;
  }

  public DisputeOutcome getOutcome() {
    return outcome;
  }

  /** What the payee (freelancer) receives. */
  public Money getPayee() {
    return Money.of(payeeMinor, currency);
  }

  /** What the payer (client) gets back. */
  public Money getPayer() {
    return Money.of(payerMinor, currency);
  }

  public String getCurrency() {
    return currency;
  }

  public String getReason() {
    return reason;
  }

  public SettlementStatus getStatus() {
    return status;
  }

  /** The support login that proposed it; stamped by the database, so null until reloaded. */
  public String getProposedBy() {
    return proposedBy;
  }

  public Instant getProposedAt() {
    return proposedAt;
  }

  /** The login that executed, sent back or withdrew the proposal. */
  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionNote() {
    return decisionNote;
  }

  /** The journal that moved the money, once executed. */
  public Long getJournalId() {
    return journalId;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
