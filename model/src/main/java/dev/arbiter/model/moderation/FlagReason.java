package dev.arbiter.model.moderation;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** Why a reporter flagged something ({@code moderation_flags.reason}). */
public enum FlagReason implements DatabaseValue {
  SPAM,
  HARASSMENT,
  FRAUD,
  OFF_PLATFORM_PAYMENT,
  INAPPROPRIATE,
  IMPERSONATION,
  OTHER;

  /** Stores a {@link FlagReason} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<FlagReason> {
    public Converter() {
      super(FlagReason.class);
    }
  }
}
