package dev.arbiter.model.ledger;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/**
 * What a wallet holds ({@code wallets.kind}). Only the external clearing account, money outside the
 * platform, may go below zero.
 */
public enum WalletKind implements DatabaseValue {
  USER,
  ESCROW_HOLDING,
  PLATFORM_FEE,
  EXTERNAL_CLEARING;

  /** Whether the database lets a wallet of this kind have a negative balance. */
  public boolean mayGoNegative() {
    return this == EXTERNAL_CLEARING;
  }

  /** Stores a {@link WalletKind} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<WalletKind> {
    public Converter() {
      super(WalletKind.class);
    }
  }
}
