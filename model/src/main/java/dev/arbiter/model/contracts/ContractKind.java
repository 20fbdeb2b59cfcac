package dev.arbiter.model.contracts;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/**
 * The commercial shape of a contract ({@code contracts.kind}), from the source marketplaces' order,
 * fixed-price, hourly and project-stage models.
 */
public enum ContractKind implements DatabaseValue {
  GIG_ORDER,
  FIXED_PRICE,
  HOURLY,
  PROJECT_STAGE;

  /** Stores a {@link ContractKind} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<ContractKind> {
    public Converter() {
      super(ContractKind.class);
    }
  }
}
