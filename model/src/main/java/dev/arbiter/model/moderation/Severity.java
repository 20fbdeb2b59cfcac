package dev.arbiter.model.moderation;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** How serious a flag is ({@code moderation_flags.severity}), least serious first. */
public enum Severity implements DatabaseValue {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The value of the generated {@code severity_rank} column: 1 for low up to 4 for critical. */
  public int rank() {
    return ordinal() + 1;
  }

  /** Stores a {@link Severity} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<Severity> {
    public Converter() {
      super(Severity.class);
    }
  }
}
