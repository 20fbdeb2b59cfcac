package dev.arbiter.persistence.audit;

/**
 * One audit_log row as the chain hashes it: text columns (and jsonb as the server's text) as the
 * UTF-8 bytes the server sent, null for NULL; {@code occurred_at} as epoch microseconds; {@code
 * salt} the entry's 16 random bytes, null for entries written before it existed (V88). Bytes rather
 * than strings because decoding and re-encoding every value cost more than hashing it.
 */
record ChainEntry(
    long id,
    long occurredAtMicros,
    byte[] actor,
    byte[] dbUser,
    byte[] action,
    byte[] command,
    byte[] entityType,
    byte[] entityId,
    byte[] oldValues,
    byte[] newValues,
    byte[] requestId,
    byte[] clientInfo,
    byte[] salt,
    byte[] prevHash,
    byte[] hash) {}
