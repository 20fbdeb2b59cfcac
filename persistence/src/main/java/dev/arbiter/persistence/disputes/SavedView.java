package dev.arbiter.persistence.disputes;

/**
 * A named queue view: a filter and a sort, kept per staff member and optionally shared with the
 * team.
 *
 * @param mine whether the signed-in member owns it (only the owner may change or delete it)
 */
public record SavedView(
    long id,
    String name,
    String owner,
    boolean shared,
    boolean mine,
    QueueFilter filter,
    QueueSort sort) {}
