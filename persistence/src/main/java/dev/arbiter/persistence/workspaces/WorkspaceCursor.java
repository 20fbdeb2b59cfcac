package dev.arbiter.persistence.workspaces;

/**
 * Where a keyset page ended: the sort key and id of its last row. Only meaningful with the query
 * (same sort and direction) that produced it.
 */
public record WorkspaceCursor(Object key, long id) {}
