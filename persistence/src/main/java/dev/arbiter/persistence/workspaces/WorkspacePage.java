package dev.arbiter.persistence.workspaces;

import java.util.List;

/** A page of the workspace list; {@code next} is null on the last page. */
public record WorkspacePage(List<WorkspaceRow> rows, WorkspaceCursor next) {

  public WorkspacePage {
    rows = List.copyOf(rows);
  }

  public boolean hasMore() {
    return next != null;
  }
}
