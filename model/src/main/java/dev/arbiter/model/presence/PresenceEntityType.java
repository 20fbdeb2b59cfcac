package dev.arbiter.model.presence;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** The kind of record a console is showing ({@code console_presence.entity_type}). */
public enum PresenceEntityType implements DatabaseValue {
  DISPUTE,
  CHECKPOINT,
  SETTLEMENT,
  FLAG,
  WORKSPACE,
  USER,
  AUDIT;

  /** Stores a {@link PresenceEntityType} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<PresenceEntityType> {
    public Converter() {
      super(PresenceEntityType.class);
    }
  }
}
