package dev.arbiter.model.disputes;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;
import dev.arbiter.model.common.TransitionTable;
import java.util.Set;

/**
 * A settlement proposal's state ({@code settlements.status}). Support proposes and may withdraw;
 * finance executes it (moving money) or sends it back, both through the finance functions.
 */
public enum SettlementStatus implements DatabaseValue {
  PROPOSED,
  EXECUTED,
  SENT_BACK,
  WITHDRAWN;

  private static final TransitionTable<SettlementStatus> RULES =
      TransitionTable.builder("settlement", SettlementStatus.class, PROPOSED)
          .moneyFunction(PROPOSED, EXECUTED)
          .moneyFunction(PROPOSED, SENT_BACK)
          .direct(PROPOSED, WITHDRAWN)
          .build();

  /** The legal changes, mirroring the {@code settlement} rows of {@code status_transitions}. */
  public static TransitionTable<SettlementStatus> rules() {
    return RULES;
  }

  /** Whether {@code next} is one legal move away, directly or through a finance function. */
  public boolean canMoveTo(SettlementStatus next) {
    return RULES.allows(this, next);
  }

  /** Whether the move to {@code next} is legal but made only by a finance function. */
  public boolean requiresMoneyFunction(SettlementStatus next) {
    return RULES.requiresMoneyFunction(this, next);
  }

  /** The statuses one legal move away. */
  public Set<SettlementStatus> nextStatuses() {
    return RULES.targets(this);
  }

  /** Stores a {@link SettlementStatus} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<SettlementStatus> {
    public Converter() {
      super(SettlementStatus.class);
    }
  }
}
