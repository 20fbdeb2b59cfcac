package dev.arbiter.model.presence;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** Whether a console is only viewing a record or editing it ({@code console_presence.mode}). */
public enum PresenceMode implements DatabaseValue {
  VIEWING,
  EDITING;

  /** Stores a {@link PresenceMode} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<PresenceMode> {
    public Converter() {
      super(PresenceMode.class);
    }
  }
}
