package dev.arbiter.persistence.presence;

import java.time.Instant;

/**
 * Someone else on a record, as their console last reported.
 *
 * @param login their PostgreSQL login
 * @param displayName their name from {@code staff_accounts} (the login when they have none)
 */
public record Presence(
    String login, String displayName, PresenceKey key, PresenceMode mode, Instant heartbeatAt) {}
