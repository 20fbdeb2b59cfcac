package dev.arbiter.model.workspaces;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** Whether a workspace is in use ({@code workspaces.status}). */
public enum WorkspaceStatus implements DatabaseValue {
  ACTIVE,
  SUSPENDED,
  ARCHIVED;

  /** Stores a {@link WorkspaceStatus} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<WorkspaceStatus> {
    public Converter() {
      super(WorkspaceStatus.class);
    }
  }
}
