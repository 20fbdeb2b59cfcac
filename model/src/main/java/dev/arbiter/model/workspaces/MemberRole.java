package dev.arbiter.model.workspaces;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/**
 * A member's role in a workspace, most powerful first ({@code workspace_members.role}). A workspace
 * has at most one current owner.
 */
public enum MemberRole implements DatabaseValue {
  OWNER,
  ADMIN,
  MANAGER,
  MEMBER,
  VIEWER;

  /** Stores a {@link MemberRole} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<MemberRole> {
    public Converter() {
      super(MemberRole.class);
    }
  }
}
