package dev.arbiter.app.releases;

/**
 * A gate as a pass/fail badge.
 *
 * @param text the full words, shown in the checkpoint view and as the queue badge's tooltip
 * @param brief the few words that fit a queue row
 * @param pass whether the gate passes
 */
public record Badge(String text, String brief, boolean pass) {}
