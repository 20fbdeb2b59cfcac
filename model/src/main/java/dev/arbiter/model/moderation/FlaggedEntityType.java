package dev.arbiter.model.moderation;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** The kind of record a moderation flag points at ({@code moderation_flags.entity_type}). */
public enum FlaggedEntityType implements DatabaseValue {
  USER,
  DISPUTE_MESSAGE,
  DISPUTE_EVIDENCE,
  CONTRACT,
  WORKSPACE;

  /** Stores a {@link FlaggedEntityType} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<FlaggedEntityType> {
    public Converter() {
      super(FlaggedEntityType.class);
    }
  }
}
