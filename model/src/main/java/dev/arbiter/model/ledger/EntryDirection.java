package dev.arbiter.model.ledger;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/**
 * The side of a ledger entry ({@code ledger_entries.direction}); a wallet's balance is credits
 * minus debits.
 */
public enum EntryDirection implements DatabaseValue {
  DEBIT,
  CREDIT;

  /**
   * The entry's effect on the wallet's balance: {@code +amount} for a credit, else {@code -amount}.
   */
  public long signed(long amountMinor) {
    return this == CREDIT ? amountMinor : Math.negateExact(amountMinor);
  }

  /** Stores a {@link EntryDirection} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<EntryDirection> {
    public Converter() {
      super(EntryDirection.class);
    }
  }
}
