package dev.arbiter.model.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * That a staff login is viewing or editing a record right now ({@code console_presence}), kept
 * alive by a heartbeat. Everyone reads every row; row-level security lets a login write only its
 * own, so the key's login must be the session's.
 */
@Entity
@Table(name = "console_presence")
public class ConsolePresence {

  @EmbeddedId private PresenceKey key;

  @Convert(converter = PresenceMode.Converter.class)
  @Column(name = "mode", nullable = false)
  private PresenceMode mode;

  @Column(name = "heartbeat_at", nullable = false)
  private Instant heartbeatAt;

  protected ConsolePresence() {}

  public ConsolePresence(PresenceKey key, PresenceMode mode, Instant heartbeatAt) {
    this.key = Objects.requireNonNull(key, "key");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.heartbeatAt = Objects.requireNonNull(heartbeatAt, "heartbeatAt");
  }

  /** Records another heartbeat, possibly switching between viewing and editing. */
  public void beat(PresenceMode mode, Instant when) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.heartbeatAt = Objects.requireNonNull(when, "when");
  }

  /** Whether the last heartbeat is older than {@code timeout} at {@code now}. */
  public boolean isStaleAt(Instant now, Duration timeout) {
    return heartbeatAt.plus(timeout).isBefore(now);
  }

  public PresenceKey getKey() {
    return key;
  }

  public PresenceMode getMode() {
    return mode;
  }

  public Instant getHeartbeatAt() {
    return heartbeatAt;
  }
}
