package dev.arbiter.persistence.presence;

import java.util.Objects;
import java.util.Set;

/**
 * A record staff can be present on.
 *
 * @param entityType one of {@code console_presence.entity_type}'s values, e.g. {@code dispute}
 * @param entityId the record's id
 */
public record PresenceKey(String entityType, long entityId) {

  /** The CHECK list of {@code console_presence.entity_type} (V2). */
  public static final Set<String> TYPES =
      Set.of("dispute", "checkpoint", "settlement", "flag", "workspace", "user", "audit");

  public PresenceKey {
    Objects.requireNonNull(entityType, "entityType");
    if (!TYPES.contains(entityType)) {
      throw new IllegalArgumentException("not a presence entity type: " + entityType);
    }
  }

  public static PresenceKey dispute(long id) {
    return new PresenceKey("dispute", id);
  }

  public static PresenceKey checkpoint(long id) {
    return new PresenceKey("checkpoint", id);
  }

  public static PresenceKey flag(long id) {
    return new PresenceKey("flag", id);
  }

  public static PresenceKey workspace(long id) {
    return new PresenceKey("workspace", id);
  }
}
