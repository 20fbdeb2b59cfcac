package dev.arbiter.persistence.moderation;

/** Where the next page starts: the last row's sort value (as text) and id. */
public record QueueCursor(String sortValue, long id) {}
