package dev.arbiter.persistence.disputes;

/**
 * What an accepted action did.
 *
 * @param message a sentence for the status line
 * @param version the dispute's version afterwards, to act on it again without reloading
 * @param replayed true when the idempotency key had already been used for this very action, so
 *     nothing was done twice
 */
public record ActionResult(String message, int version, boolean replayed) {}
