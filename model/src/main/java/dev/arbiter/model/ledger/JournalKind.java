package dev.arbiter.model.ledger;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** Why a journal was posted ({@code journals.kind}). */
public enum JournalKind implements DatabaseValue {
  FUNDING,
  RELEASE,
  REFUND,
  SETTLEMENT,
  CORRECTION;

  /** Stores a {@link JournalKind} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<JournalKind> {
    public Converter() {
      super(JournalKind.class);
    }
  }
}
