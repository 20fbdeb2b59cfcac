package dev.arbiter.persistence.workspaces;

import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.model.workspaces.WorkspaceStatus;

/**
 * The admin actions on a workspace, as the console's detail sends them: {@link
 * WorkspaceAdminService#keyed} gives them under one request key, so that a retry is done once.
 */
public interface WorkspaceActions {
  void changeRole(long memberId, int version, MemberRole role);

  void suspendMember(long memberId, int version);

  void reactivateMember(long memberId, int version);

  void removeMember(long memberId, int version);

  void transferOwnership(long workspaceId, long newOwnerUserId);

  void revokeInvite(long inviteId, int version);

  /** The new invite with {@code token}, which the database keeps only as a hash. */
  IssuedInvite reissueInvite(long inviteId, String token);

  /** Returns how many invites expired. */
  int expireInvites();

  void setWorkspaceStatus(long workspaceId, int version, WorkspaceStatus status);

  /** Returns the new note's id. */
  long addNote(
      long workspaceId,
      Long subjectUserId,
      String body,
      NoteVisibility visibility,
      Long supersedesId);
}
