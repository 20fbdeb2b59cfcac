package dev.arbiter.model.moderation;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** What a moderator decided about a flag ({@code moderation_flags.decision}). */
public enum FlagDecision implements DatabaseValue {
  DISMISS,
  HIDE_CONTENT,
  WARN_USER,
  SUSPEND_USER;

  /** The flag status this decision leaves: dismissed for a dismissal, actioned for the rest. */
  public FlagStatus resultingStatus() {
    return this == DISMISS ? FlagStatus.DISMISSED : FlagStatus.ACTIONED;
  }

  /** Stores a {@link FlagDecision} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<FlagDecision> {
    public Converter() {
      super(FlagDecision.class);
    }
  }
}
