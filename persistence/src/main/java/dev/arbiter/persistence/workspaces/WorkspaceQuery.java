package dev.arbiter.persistence.workspaces;

import java.util.Objects;

/**
 * One page request of the workspace list. Filters are optional (null or blank means any).
 *
 * @param text matched against the name and the slug, case-insensitively
 * @param status a {@code workspaces.status} spelling
 * @param type a {@code workspaces.type} spelling
 * @param after the cursor of the previous page, or null for the first page
 */
public record WorkspaceQuery(
    String text,
    String status,
    String type,
    WorkspaceSort sort,
    boolean descending,
    int pageSize,
    WorkspaceCursor after) {

  public WorkspaceQuery {
    Objects.requireNonNull(sort, "sort");
    if (pageSize < 1 || pageSize > 500) {
      throw new IllegalArgumentException("page size must be 1..500, not " + pageSize);
    }
  }

  /** The first page of everything, by name. */
  public static WorkspaceQuery firstPage(int pageSize) {
    return new WorkspaceQuery(null, null, null, WorkspaceSort.NAME, false, pageSize, null);
  }

  /** The same query, continued after {@code cursor}. */
  public WorkspaceQuery next(WorkspaceCursor cursor) {
    return new WorkspaceQuery(text, status, type, sort, descending, pageSize, cursor);
  }
}
