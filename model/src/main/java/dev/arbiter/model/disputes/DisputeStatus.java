package dev.arbiter.model.disputes;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;
import dev.arbiter.model.common.TransitionTable;
import java.util.Set;

/**
 * Where a dispute is in its handling ({@code disputes.status}). A case is opened, reviewed, may
 * wait on the parties, is escalated to reach a settlement, and is resolved only when finance
 * executes that settlement; a resolved case is then closed for good.
 */
public enum DisputeStatus implements DatabaseValue {
  OPEN,
  UNDER_REVIEW,
  AWAITING_PARTIES,
  ESCALATED,
  SETTLING,
  RESOLVED,
  CLOSED;

  private static final TransitionTable<DisputeStatus> RULES =
      TransitionTable.builder("dispute", DisputeStatus.class, OPEN)
          .direct(OPEN, UNDER_REVIEW)
          .direct(UNDER_REVIEW, AWAITING_PARTIES)
          .direct(AWAITING_PARTIES, UNDER_REVIEW)
          .direct(UNDER_REVIEW, ESCALATED)
          .direct(AWAITING_PARTIES, ESCALATED)
          .direct(ESCALATED, SETTLING)
          .direct(SETTLING, ESCALATED)
          .moneyFunction(SETTLING, RESOLVED)
          .direct(RESOLVED, CLOSED)
          .build();

  /** The legal changes, mirroring the {@code dispute} rows of {@code status_transitions}. */
  public static TransitionTable<DisputeStatus> rules() {
    return RULES;
  }

  /** Whether {@code next} is one legal move away, directly or through a money function. */
  public boolean canMoveTo(DisputeStatus next) {
    return RULES.allows(this, next);
  }

  /** Whether the move to {@code next} is legal but made only by executing a settlement. */
  public boolean requiresMoneyFunction(DisputeStatus next) {
    return RULES.requiresMoneyFunction(this, next);
  }

  /** The statuses one legal move away. */
  public Set<DisputeStatus> nextStatuses() {
    return RULES.targets(this);
  }

  /** Whether the case is still being worked on (the queue shows only these). */
  public boolean isOpen() {
    return this != RESOLVED && this != CLOSED;
  }

  /** Stores a {@link DisputeStatus} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<DisputeStatus> {
    public Converter() {
      super(DisputeStatus.class);
    }
  }
}
