package dev.arbiter.persistence.escrow;

import java.time.Instant;

/** One checkpoint in the release queue, with everything its row and badges show. */
public record ReleaseQueueRow(
    long checkpointId,
    int seq,
    String label,
    String contractReference,
    String contractTitle,
    String payee,
    String payer,
    long amountMinor,
    long releasedMinor,
    String currency,
    String status,
    String approvalRequirement,
    Instant submittedAt,
    Instant autoReleaseAt,
    String requestedBy,
    CheckpointGates gates) {

  /** Approved with every gate passing: ready for a release. */
  public boolean releasable() {
    return "approved".equals(status) && gates.allPass();
  }
}
