package dev.arbiter.persistence.escrow;

import dev.arbiter.persistence.timeline.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything the checkpoint view shows, read in one snapshot: the checkpoint with its contract,
 * parties, escrow and gates, the escrow's other checkpoints, the approvals, the ledger entries
 * posted for it and its audit timeline.
 */
public record CheckpointDetail(
    Checkpoint checkpoint,
    Contract contract,
    Party payer,
    Party payee,
    EscrowTotals escrow,
    CheckpointGates gates,
    List<CheckpointLine> escrowCheckpoints,
    List<Approval> approvals,
    List<Entry> ledger,
    List<TimelineEntry> timeline) {

  public CheckpointDetail {
    escrowCheckpoints = List.copyOf(escrowCheckpoints);
    approvals = List.copyOf(approvals);
    ledger = List.copyOf(ledger);
    timeline = List.copyOf(timeline);
  }

  /** What a decision taken on this snapshot is based on; the database refuses it once stale. */
  public CheckpointBasis basis() {
    return new CheckpointBasis(
        checkpoint.version(),
        CheckpointBasis.decisionsMark(approvals.stream().map(Approval::at).toList()));
  }

  /** The checkpoint itself. */
  public record Checkpoint(
      long id,
      int seq,
      String label,
      long amountMinor,
      long releasedMinor,
      String currency,
      String status,
      String approvalRequirement,
      BigDecimal csatThreshold,
      Instant submittedAt,
      Instant autoReleaseAt,
      String requestedBy,
      String holdReason,
      Instant releasedAt,
      String releasedBy,
      String payoutReference,
      int version) {

    public long remainingMinor() {
      return amountMinor - releasedMinor;
    }
  }

  public record Contract(
      long id, String reference, String title, String kind, String status, BigDecimal csatScore) {}

  public record Party(long id, String name, String email, String status) {}

  public record EscrowTotals(
      long id,
      String currency,
      String status,
      long fundedMinor,
      long releasedMinor,
      long refundedMinor) {

    public long heldMinor() {
      return fundedMinor - releasedMinor - refundedMinor;
    }
  }

  /** A checkpoint of the same escrow. */
  public record CheckpointLine(
      long id, int seq, String label, long amountMinor, long releasedMinor, String status) {}

  /** A reviewer's decision, with the name staff know them by. */
  public record Approval(
      String reviewer,
      String reviewerName,
      String decision,
      String note,
      String overrideReason,
      Instant at) {}

  /** One ledger entry of a journal posted for the checkpoint. */
  public record Entry(
      long journalId,
      String journalKind,
      String description,
      String postedBy,
      Instant postedAt,
      long entryId,
      String account,
      String direction,
      long amountMinor,
      String currency,
      long balanceAfter) {}
}
