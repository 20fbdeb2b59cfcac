package dev.arbiter.model.disputes;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** How urgent a dispute is ({@code disputes.priority}), least urgent first. */
public enum DisputePriority implements DatabaseValue {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  /** The value of the generated {@code priority_rank} column: 1 for low up to 4 for urgent. */
  public int rank() {
    return ordinal() + 1;
  }

  /** Stores a {@link DisputePriority} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<DisputePriority> {
    public Converter() {
      super(DisputePriority.class);
    }
  }
}
