package dev.arbiter.persistence.workspaces;

/** The orders the workspace list offers; each is a column of the list query plus the id. */
public enum WorkspaceSort {
  NAME("name_key"),
  SLUG("slug"),
  STATUS("status"),
  MEMBERS("members"),
  OPEN_CONTRACTS("open_contracts"),
  ESCROW_HELD("escrow_held"),
  CREATED("created_at");

  private final String column;

  WorkspaceSort(String column) {
    this.column = column;
  }

  String column() {
    return column;
  }
}
