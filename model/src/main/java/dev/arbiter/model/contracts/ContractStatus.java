package dev.arbiter.model.contracts;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** A contract's state as the marketplace reports it ({@code contracts.status}). */
public enum ContractStatus implements DatabaseValue {
  DRAFT,
  ACTIVE,
  PAUSED,
  COMPLETED,
  CANCELLED;

  /** Stores a {@link ContractStatus} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<ContractStatus> {
    public Converter() {
      super(ContractStatus.class);
    }
  }
}
