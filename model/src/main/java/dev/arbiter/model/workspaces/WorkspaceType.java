package dev.arbiter.model.workspaces;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** The kind of provider organisation a workspace is ({@code workspaces.type}). */
public enum WorkspaceType implements DatabaseValue {
  AGENCY,
  COMPANY,
  STUDIO,
  COLLECTIVE;

  /** Stores a {@link WorkspaceType} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<WorkspaceType> {
    public Converter() {
      super(WorkspaceType.class);
    }
  }
}
