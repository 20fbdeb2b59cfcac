package dev.arbiter.persistence.audit;

/**
 * The first bad entry of the audit chain.
 *
 * @param entryId the id of the bad (or first missing) entry
 * @param kind how the chain is broken there
 * @param detail a sentence for the operator, naming what did not match
 */
public record ChainBreak(long entryId, ChainBreakKind kind, String detail) {}
