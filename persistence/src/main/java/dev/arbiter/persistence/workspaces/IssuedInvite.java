package dev.arbiter.persistence.workspaces;

import java.time.Instant;

/**
 * A freshly issued invite. {@code token} exists only here: the database keeps its SHA-256, so the
 * console shows it once and then forgets it.
 */
public record IssuedInvite(long inviteId, String token, Instant expiresAt) {

  @Override
  public String toString() {
    return "IssuedInvite[inviteId=" + inviteId + ", expiresAt=" + expiresAt + "]";
  }
}
