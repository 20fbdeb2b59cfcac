package dev.arbiter.persistence.escrow;

import java.util.Objects;

/**
 * A finance reviewer's action on one checkpoint, as a command: what it does in words (for the
 * confirmation and the log) and the idempotency key that makes a retry harmless.
 */
public sealed interface CheckpointAction {

  long checkpointId();

  String idempotencyKey();

  /** What the action does, in one sentence. */
  String description();

  /** Approve; an override reason is needed when the contract's CSAT is below the threshold. */
  record Approve(long checkpointId, String note, String overrideReason, String idempotencyKey)
      implements CheckpointAction {
    public Approve {
      Objects.requireNonNull(idempotencyKey);
    }

    @Override
    public String description() {
      return "Approve checkpoint " + checkpointId;
    }
  }

  /** Reject and send back to the requester; the reason is required. */
  record Reject(long checkpointId, String reason, String idempotencyKey)
      implements CheckpointAction {
    public Reject {
      Objects.requireNonNull(idempotencyKey);
    }

    @Override
    public String description() {
      return "Reject checkpoint " + checkpointId + ": " + reason;
    }
  }

  /** Put on hold; the reason is required. */
  record Hold(long checkpointId, String reason, String idempotencyKey) implements CheckpointAction {
    public Hold {
      Objects.requireNonNull(idempotencyKey);
    }

    @Override
    public String description() {
      return "Hold checkpoint " + checkpointId + ": " + reason;
    }
  }

  /** Lift a hold. */
  record Unhold(long checkpointId, String note, String idempotencyKey) implements CheckpointAction {
    public Unhold {
      Objects.requireNonNull(idempotencyKey);
    }

    @Override
    public String description() {
      return "Lift the hold on checkpoint " + checkpointId;
    }
  }

  /** Release {@code amountMinor}, or everything left when it is null. */
  record Release(long checkpointId, Long amountMinor, String idempotencyKey)
      implements CheckpointAction {
    public Release {
      Objects.requireNonNull(idempotencyKey);
    }

    @Override
    public String description() {
      return amountMinor == null
          ? "Release what is left of checkpoint " + checkpointId
          : "Release " + amountMinor + " minor units of checkpoint " + checkpointId;
    }
  }

  /** Refund what is left to the payer; the reason is required. */
  record Refund(long checkpointId, String reason, String idempotencyKey)
      implements CheckpointAction {
    public Refund {
      Objects.requireNonNull(idempotencyKey);
    }

    @Override
    public String description() {
      return "Refund what is left of checkpoint " + checkpointId + " to the payer: " + reason;
    }
  }
}
