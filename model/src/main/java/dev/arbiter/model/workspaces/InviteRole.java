package dev.arbiter.model.workspaces;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/**
 * The role an invite offers ({@code workspace_invites.role}). Ownership is transferred, never
 * offered by invite.
 */
public enum InviteRole implements DatabaseValue {
  ADMIN,
  MANAGER,
  MEMBER,
  VIEWER;

  /** The membership role the invitee gets on accepting. */
  public MemberRole memberRole() {
    return MemberRole.valueOf(name());
  }

  /** Stores a {@link InviteRole} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<InviteRole> {
    public Converter() {
      super(InviteRole.class);
    }
  }
}
