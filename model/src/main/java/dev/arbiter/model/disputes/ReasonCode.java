package dev.arbiter.model.disputes;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** Why a party opened a dispute ({@code disputes.reason_code}). */
public enum ReasonCode implements DatabaseValue {
  NOT_DELIVERED,
  QUALITY,
  SCOPE,
  LATE_DELIVERY,
  UNRESPONSIVE,
  FRAUD,
  PAYMENT_ISSUE,
  OTHER;

  /** Stores a {@link ReasonCode} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<ReasonCode> {
    public Converter() {
      super(ReasonCode.class);
    }
  }
}
