package dev.arbiter.persistence.audit;

import java.time.Instant;

/**
 * The newest entry of the chain, as {@code audit anchor} exports it.
 *
 * @param anchor the entry's id and hash (genesis when the log is empty)
 * @param occurredAt when the entry was written; null for genesis, and when the login that read the
 *     head may not read the entry itself (row policies, V88)
 */
public record ChainHead(ChainAnchor anchor, Instant occurredAt) {}
