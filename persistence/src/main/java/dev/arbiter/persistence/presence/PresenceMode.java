package dev.arbiter.persistence.presence;

import java.util.Locale;

/** What a staff member is doing with a record: looking at it, or typing a change to it. */
public enum PresenceMode {
  VIEWING,
  EDITING;

  /** The spelling in {@code console_presence.mode}. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static PresenceMode fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
