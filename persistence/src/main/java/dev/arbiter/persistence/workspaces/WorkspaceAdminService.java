package dev.arbiter.persistence.workspaces;

import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.MemberStatus;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.workspaces.RequestLog.Answer;
import dev.arbiter.persistence.workspaces.RequestLog.Request;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * The admin actions on a workspace. Each runs in its own transaction under the staff member's
 * login, so the database checks the privilege and the rules (owner protection, contacts on active
 * contracts, ownership transfer, invite states, compliance notes) and audits the change; the
 * action's description is recorded as the audit entry's command. Refusals arrive as {@link
 * WorkspaceActionException} with the database's sentence.
 *
 * <p>Writes that take a version are optimistic: they are refused (40001) when the row changed since
 * it was read. Role, member status and workspace status are edits of the loaded entity ({@link
 * WorkspaceEdits}), whose {@code @Version} Hibernate checks; the database's version guard stays the
 * last word.
 *
 * <p>The console sends each action under a request key ({@link #keyed}), recorded in {@code
 * staff_requests} in the action's transaction (V81). A second send of the same action under its key
 * (its answer was lost, or it went twice) does nothing and answers as the first did, so a retry
 * never adds a note twice; the same key with other arguments is refused.
 */
public final class WorkspaceAdminService implements WorkspaceActions {

  /** How long a re-issued invite stays valid. */
  public static final Duration INVITE_VALIDITY = Duration.ofDays(7);

  private final DataAccess access;
  private final Clock clock;
  private final ActionTransaction transaction;

  public WorkspaceAdminService(DataAccess access) {
    this(access, Clock.systemUTC());
  }

  public WorkspaceAdminService(DataAccess access, Clock clock) {
    this(access, clock, null);
  }

  private WorkspaceAdminService(DataAccess access, Clock clock, String requestKey) {
    this.access = Objects.requireNonNull(access);
    this.clock = Objects.requireNonNull(clock);
    this.transaction = new ActionTransaction(access, requestKey);
  }

  /**
   * The same actions, each recorded under {@code requestKey}: use it for one action the staff
   * member asked for, and again for every retry of that action ({@link #newRequestKey()}).
   */
  public WorkspaceAdminService keyed(String requestKey) {
    return new WorkspaceAdminService(access, clock, Objects.requireNonNull(requestKey));
  }

  /** A fresh request key, e.g. {@code ws-1b4e28ba-2fa1-11d2-883f-0016d3cca427}. */
  public static String newRequestKey() {
    return "ws-" + UUID.randomUUID();
  }

  /**
   * Whether the action sent under {@code requestKey} was committed, for when its answer was lost
   * with the connection.
   *
   * @throws SQLException while the server still cannot be reached
   */
  public boolean committed(String requestKey) throws SQLException {
    return new CommitOutcomes(access).committed(requestKey);
  }

  /**
   * Gives member {@code memberId} another role; ownership moves only by {@link #transferOwnership}.
   */
  public void changeRole(long memberId, int version, MemberRole role) {
    if (role == MemberRole.OWNER) {
      throw new IllegalArgumentException("make someone owner with transferOwnership");
    }
    transaction.run(
        "Could not change the member's role",
        Request.of("workspace.change_role", memberId, version, role.dbValue()),
        "change role of member " + memberId + " to " + role.dbValue(),
        null,
        session -> WorkspaceEdits.member(session, memberId, version, null, m -> m.setRole(role)));
  }

  public void suspendMember(long memberId, int version) {
    moveMember("suspend", memberId, version, MemberStatus.ACTIVE, MemberStatus.SUSPENDED);
  }

  public void reactivateMember(long memberId, int version) {
    moveMember("reactivate", memberId, version, MemberStatus.SUSPENDED, MemberStatus.ACTIVE);
  }

  // A member's move between active and suspended, refused as nothing to change from another state.
  private void moveMember(
      String verb, long memberId, int version, MemberStatus from, MemberStatus to) {
    transaction.run(
        "Could not " + verb + " the member",
        Request.of("workspace." + verb + "_member", memberId, version),
        verb + " member " + memberId,
        null,
        session -> WorkspaceEdits.member(session, memberId, version, from, m -> m.setStatus(to)));
  }

  public void removeMember(long memberId, int version) {
    transaction.run(
        "Could not remove the member",
        Request.of("workspace.remove_member", memberId, version),
        "remove member " + memberId,
        null,
        session ->
            WorkspaceEdits.update(
                session,
                "UPDATE workspace_members SET status = 'removed', removed_at = now(), version = ?"
                    + " WHERE id = ? AND status <> 'removed'",
                version + 1,
                memberId));
  }

  /** Makes {@code newOwnerUserId}, an active admin member, the owner; the old owner stays admin. */
  public void transferOwnership(long workspaceId, long newOwnerUserId) {
    transaction.run(
        "Could not transfer ownership",
        Request.of("workspace.transfer_ownership", workspaceId, newOwnerUserId),
        "transfer workspace " + workspaceId + " to user " + newOwnerUserId,
        null,
        session ->
            WorkspaceEdits.number(
                session,
                "SELECT 1 AS value FROM transfer_workspace_ownership(?, ?)",
                workspaceId,
                newOwnerUserId));
  }

  public void revokeInvite(long inviteId, int version) {
    transaction.run(
        "Could not revoke the invite",
        Request.of("workspace.revoke_invite", inviteId, version),
        "revoke invite " + inviteId,
        null,
        session ->
            WorkspaceEdits.update(
                session,
                "UPDATE workspace_invites SET status = 'revoked', revoked_at = now(), version = ?"
                    + " WHERE id = ?",
                version + 1,
                inviteId));
  }

  /** Replaces invite {@code inviteId} with a new one and a new token, shown to the caller once. */
  public IssuedInvite reissueInvite(long inviteId) {
    return reissueInvite(inviteId, InviteTokens.newToken());
  }

  /**
   * Replaces invite {@code inviteId} with a new one whose token is {@code token} ({@link
   * InviteTokens#newToken()}). A keyed caller keeps the token with the key, so that a retry whose
   * first send was saved can still show it: the database keeps only its hash.
   */
  public IssuedInvite reissueInvite(long inviteId, String token) {
    byte[] hash = InviteTokens.hash(token);
    Instant expires = clock.instant().plus(INVITE_VALIDITY);
    Answer answer =
        transaction.run(
            "Could not re-issue the invite",
            Request.of("workspace.reissue_invite", inviteId, HexFormat.of().formatHex(hash)),
            "re-issue invite " + inviteId,
            expires.toString(),
            session ->
                WorkspaceEdits.number(
                    session,
                    "SELECT reissue_workspace_invite(?, ?, ?) AS value",
                    inviteId,
                    hash,
                    OffsetDateTime.ofInstant(expires, ZoneOffset.UTC)));
    return new IssuedInvite(answer.value(), token, Instant.parse(answer.at()));
  }

  /** Marks every pending invite past its expiry as expired; returns how many. */
  public int expireInvites() {
    return (int)
        transaction
            .run(
                "Could not expire invites",
                Request.of("workspace.expire_invites"),
                "expire invites",
                null,
                session -> WorkspaceEdits.number(session, "SELECT expire_invites() AS value"))
            .value();
  }

  /** Suspends, reactivates or archives a workspace. */
  public void setWorkspaceStatus(long workspaceId, int version, WorkspaceStatus status) {
    transaction.run(
        "Could not change the workspace status",
        Request.of("workspace.set_status", workspaceId, version, status.dbValue()),
        "set workspace " + workspaceId + " " + status.dbValue(),
        null,
        session ->
            WorkspaceEdits.workspace(session, workspaceId, version, w -> w.setStatus(status)));
  }

  /**
   * Adds a contact note, authored by the signed-in login (the database stamps it). A compliance
   * note is never edited: correct one by adding a note that supersedes it.
   *
   * @param subjectUserId the member the note is about, or null
   * @param supersedesId the note this one replaces, or null
   * @return the new note's id
   */
  public long addNote(
      long workspaceId,
      Long subjectUserId,
      String body,
      NoteVisibility visibility,
      Long supersedesId) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("A note needs some text.");
    }
    return transaction
        .run(
            "Could not add the note",
            Request.of(
                "workspace.add_note",
                workspaceId,
                subjectUserId,
                body.strip(),
                visibility.dbValue(),
                supersedesId),
            "add " + visibility.dbValue() + " note to workspace " + workspaceId,
            null,
            session ->
                WorkspaceEdits.note(
                    session, workspaceId, subjectUserId, body.strip(), visibility, supersedesId))
        .value();
  }
}
