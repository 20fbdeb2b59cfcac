package dev.arbiter.model.moderation;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;
import dev.arbiter.model.common.TransitionTable;
import java.util.Set;

/**
 * A moderation flag's state ({@code moderation_flags.status}). A decision closes it as dismissed or
 * actioned; a closed flag can be reopened if the decision was wrong.
 */
public enum FlagStatus implements DatabaseValue {
  OPEN,
  DISMISSED,
  ACTIONED;

  private static final TransitionTable<FlagStatus> RULES =
      TransitionTable.builder("flag", FlagStatus.class, OPEN)
          .direct(OPEN, DISMISSED)
          .direct(OPEN, ACTIONED)
          .direct(DISMISSED, OPEN)
          .direct(ACTIONED, OPEN)
          .build();

  /** The legal changes, mirroring the {@code flag} rows of {@code status_transitions}. */
  public static TransitionTable<FlagStatus> rules() {
    return RULES;
  }

  /** Whether {@code next} is one legal move away. */
  public boolean canMoveTo(FlagStatus next) {
    return RULES.allows(this, next);
  }

  /** Whether the move to {@code next} is legal but reserved to a money function (never, today). */
  public boolean requiresMoneyFunction(FlagStatus next) {
    return RULES.requiresMoneyFunction(this, next);
  }

  /** The statuses one legal move away. */
  public Set<FlagStatus> nextStatuses() {
    return RULES.targets(this);
  }

  /** Stores a {@link FlagStatus} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<FlagStatus> {
    public Converter() {
      super(FlagStatus.class);
    }
  }
}
