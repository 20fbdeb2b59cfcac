package dev.arbiter.app.workspaces;

import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;

/**
 * The database's rule for a workspace's owner (workspace_members' guard): never demoted, suspended
 * or removed, only replaced by a transfer. Said before any confirmation, on the buttons it rules
 * out.
 */
final class OwnerRule {

  private OwnerRule() {}

  /** Why {@code member} cannot be demoted, suspended or removed; empty when it can (or is none). */
  static String refusal(Member member) {
    if (member == null || !MemberRole.OWNER.dbValue().equalsIgnoreCase(member.role())) {
      return "";
    }
    return member.name()
        + " owns the workspace: transfer ownership to another admin first, then change, suspend"
        + " or remove them.";
  }
}
