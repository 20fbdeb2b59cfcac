package dev.arbiter.persistence.disputes;

import dev.arbiter.model.disputes.DeadlineAction;
import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;

/**
 * Everything a support agent reads about one dispute, fully fetched in one snapshot: the case, both
 * parties with their dispute history, the contract, escrow and checkpoints, the message thread,
 * evidence, settlement proposals and the audit timeline. Metadata is already sanitised for the
 * viewer.
 */
public record DisputeCase(
    Header header,
    Party client,
    Party freelancer,
    ContractInfo contract,
    EscrowInfo escrow,
    List<CheckpointInfo> checkpoints,
    List<MessageInfo> messages,
    List<EvidenceInfo> evidence,
    List<SettlementInfo> settlements,
    List<TimelineEntry> timeline,
    List<MetadataEntry> metadata) {

  public DisputeCase {
    checkpoints = List.copyOf(checkpoints);
    messages = List.copyOf(messages);
    evidence = List.copyOf(evidence);
    settlements = List.copyOf(settlements);
    timeline = List.copyOf(timeline);
    metadata = List.copyOf(metadata);
  }

  /** The state the agent saw, for optimistic locking of the actions they take. */
  public DisputeSnapshot snapshot() {
    Header h = header;
    return new DisputeSnapshot(
        h.id(),
        h.reference(),
        h.version(),
        h.status(),
        h.priority(),
        h.assignedTo(),
        h.responseDueAt(),
        h.deadlineAction(),
        h.amountMinor(),
        h.currency());
  }

  /**
   * The dispute itself.
   *
   * @param heldMinor what the escrow (or the disputed checkpoint) still holds, or null when the
   *     dispute is not tied to an escrow
   */
  public record Header(
      long id,
      String reference,
      DisputeStatus status,
      DisputePriority priority,
      ReasonCode reason,
      String assignedTo,
      String assigneeName,
      long amountMinor,
      String currency,
      Instant openedAt,
      Instant responseDueAt,
      DeadlineAction deadlineAction,
      Instant deadlineActedAt,
      DisputeOutcome outcome,
      String resolutionNotes,
      Long checkpointId,
      Long heldMinor,
      int version) {}

  /** A party to the contract, with their other disputes (newest first, at most ten). */
  public record Party(
      long id,
      String name,
      String email,
      String kind,
      String status,
      String country,
      List<PastDispute> history,
      List<MetadataEntry> metadata) {}

  /** Another dispute a party was involved in, and on which side. */
  public record PastDispute(
      long id,
      String reference,
      DisputeStatus status,
      DisputeOutcome outcome,
      String side,
      long amountMinor,
      String currency,
      Instant openedAt) {}

  public record ContractInfo(
      long id,
      String reference,
      String kind,
      String title,
      String status,
      long valueMinor,
      String currency,
      String csatScore,
      List<MetadataEntry> metadata) {}

  /** An escrow's money: held = funded - released - refunded. */
  public record EscrowInfo(
      long id,
      String status,
      String currency,
      long fundedMinor,
      long releasedMinor,
      long refundedMinor,
      long heldMinor) {}

  /**
   * A checkpoint of the escrow.
   *
   * @param heldMinor the part still held: the amount less what was released, or nothing once
   *     refunded or cancelled
   * @param disputed whether this dispute is about this checkpoint
   */
  public record CheckpointInfo(
      long id,
      int seq,
      String label,
      long amountMinor,
      long releasedMinor,
      long heldMinor,
      String currency,
      String status,
      String approvalRequirement,
      Instant autoReleaseAt,
      boolean disputed) {}

  /** A message of the thread; internal notes are staff-only. */
  public record MessageInfo(
      long id,
      String author,
      boolean fromStaff,
      MessageVisibility visibility,
      String body,
      Instant createdAt,
      boolean hidden) {}

  /** A file attached to the dispute; {@code stored} says whether its bytes are in the database. */
  public record EvidenceInfo(
      long id,
      String fileName,
      String mimeType,
      long sizeBytes,
      String sha256Hex,
      boolean stored,
      String uploadedBy,
      Instant createdAt) {}

  public record SettlementInfo(
      long id,
      DisputeOutcome outcome,
      long payeeMinor,
      long payerMinor,
      String currency,
      String reason,
      String status,
      String proposedBy,
      Instant proposedAt,
      String decidedBy,
      String decisionNote) {}

  /** One metadata value, by its dotted path ({@code shipping.city}). */
  public record MetadataEntry(String path, String value) {}
}
