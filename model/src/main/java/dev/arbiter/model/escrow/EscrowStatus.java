package dev.arbiter.model.escrow;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** Where the money of an escrow stands ({@code escrows.status}); only money functions change it. */
public enum EscrowStatus implements DatabaseValue {
  FUNDING,
  HELD,
  PARTIALLY_RELEASED,
  RELEASED,
  REFUNDED,
  CLOSED;

  /** Stores a {@link EscrowStatus} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<EscrowStatus> {
    public Converter() {
      super(EscrowStatus.class);
    }
  }
}
