package dev.arbiter.model.escrow;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;
import dev.arbiter.model.common.TransitionTable;
import java.util.Set;

/**
 * Where an escrow checkpoint is on its way to payout ({@code escrow_checkpoints.status}). The
 * marketplace submits or cancels a pending checkpoint; every later move (approval, hold, release,
 * refund) carries money or gates it, so only the finance functions make it.
 */
public enum CheckpointStatus implements DatabaseValue {
  PENDING,
  SUBMITTED,
  APPROVED,
  RELEASED,
  ON_HOLD,
  REFUNDED,
  CANCELLED;

  private static final TransitionTable<CheckpointStatus> RULES =
      TransitionTable.builder("checkpoint", CheckpointStatus.class, PENDING)
          .direct(PENDING, SUBMITTED)
          .direct(PENDING, CANCELLED)
          .moneyFunction(SUBMITTED, PENDING)
          .moneyFunction(SUBMITTED, APPROVED)
          .moneyFunction(SUBMITTED, ON_HOLD)
          .moneyFunction(SUBMITTED, REFUNDED)
          .moneyFunction(APPROVED, RELEASED)
          .moneyFunction(APPROVED, ON_HOLD)
          .moneyFunction(APPROVED, REFUNDED)
          .moneyFunction(ON_HOLD, SUBMITTED)
          .moneyFunction(ON_HOLD, APPROVED)
          .moneyFunction(ON_HOLD, REFUNDED)
          .moneyFunction(PENDING, REFUNDED)
          .build();

  /** The legal changes, mirroring the {@code checkpoint} rows of {@code status_transitions}. */
  public static TransitionTable<CheckpointStatus> rules() {
    return RULES;
  }

  /** Whether {@code next} is one legal move away, directly or through a money function. */
  public boolean canMoveTo(CheckpointStatus next) {
    return RULES.allows(this, next);
  }

  /** Whether the move to {@code next} is legal but made only by a finance function. */
  public boolean requiresMoneyFunction(CheckpointStatus next) {
    return RULES.requiresMoneyFunction(this, next);
  }

  /** The statuses one legal move away. */
  public Set<CheckpointStatus> nextStatuses() {
    return RULES.targets(this);
  }

  /** Whether the checkpoint waits in the finance release queue. */
  public boolean isAwaitingReview() {
    return this == SUBMITTED || this == APPROVED || this == ON_HOLD;
  }

  /** Stores a {@link CheckpointStatus} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<CheckpointStatus> {
    public Converter() {
      super(CheckpointStatus.class);
    }
  }
}
