package dev.arbiter.persistence.settlements;

import java.time.Instant;

/**
 * A settlement support proposed and finance has not decided, with the dispute it would resolve.
 *
 * @param disputeSummary what the dispute is about in one line (its summary, or its notes)
 * @param heldMinor what the dispute's escrow holds now, or -1 when it names no escrow
 * @param version the settlement row's version, which a decision on it is based on
 */
public record ProposedSettlement(
    long settlementId,
    String outcome,
    long payeeMinor,
    long payerMinor,
    String currency,
    String reason,
    String proposedBy,
    String proposedByName,
    Instant proposedAt,
    long disputeId,
    String disputeReference,
    String disputeStatus,
    String reasonCode,
    long amountDisputedMinor,
    String disputeSummary,
    String contractReference,
    String payer,
    String payee,
    long heldMinor,
    int version) {

  public long totalMinor() {
    return payeeMinor + payerMinor;
  }
}
