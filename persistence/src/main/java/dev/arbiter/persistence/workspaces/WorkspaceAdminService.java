package dev.arbiter.persistence.workspaces;

import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.session.StaffDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The admin actions on a workspace. Each runs in its own transaction under the staff member's
 * login, so the database checks the privilege and the rules (owner protection, contacts on active
 * contracts, ownership transfer, invite states, compliance notes) and audits the change; the
 * action's description is recorded as the audit entry's command. Refusals arrive as {@link
 * WorkspaceActionException} with the database's sentence.
 *
 * <p>Writes that take a version are optimistic: they are refused (40001) when the row changed since
 * it was read.
 */
public final class WorkspaceAdminService {

  /** How long a re-issued invite stays valid. */
  public static final Duration INVITE_VALIDITY = Duration.ofDays(7);

  private final DataSource dataSource;
  private final Clock clock;

  public WorkspaceAdminService(StaffDatabase database) {
    this(database.dataSource(), Clock.systemUTC());
  }

  public WorkspaceAdminService(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Gives member {@code memberId} another role; ownership moves only by {@link #transferOwnership}.
   */
  public void changeRole(long memberId, int version, MemberRole role) {
    if (role == MemberRole.OWNER) {
      throw new IllegalArgumentException("make someone owner with transferOwnership");
    }
    update(
        "Could not change the member's role",
        "change role of member " + memberId + " to " + role.dbValue(),
        "UPDATE workspace_members SET role = ?, version = ? WHERE id = ?",
        role.dbValue(),
        version + 1,
        memberId);
  }

  public void suspendMember(long memberId, int version) {
    update(
        "Could not suspend the member",
        "suspend member " + memberId,
        "UPDATE workspace_members SET status = 'suspended', removed_at = NULL, version = ?"
            + " WHERE id = ? AND status = 'active'",
        version + 1,
        memberId);
  }

  public void reactivateMember(long memberId, int version) {
    update(
        "Could not reactivate the member",
        "reactivate member " + memberId,
        "UPDATE workspace_members SET status = 'active', removed_at = NULL, version = ?"
            + " WHERE id = ? AND status = 'suspended'",
        version + 1,
        memberId);
  }

  public void removeMember(long memberId, int version) {
    update(
        "Could not remove the member",
        "remove member " + memberId,
        "UPDATE workspace_members SET status = 'removed', removed_at = now(), version = ?"
            + " WHERE id = ? AND status <> 'removed'",
        version + 1,
        memberId);
  }

  /** Makes {@code newOwnerUserId}, an active admin member, the owner; the old owner stays admin. */
  public void transferOwnership(long workspaceId, long newOwnerUserId) {
    run(
        "Could not transfer ownership",
        "transfer workspace " + workspaceId + " to user " + newOwnerUserId,
        c ->
            call(
                c,
                "SELECT 1 FROM transfer_workspace_ownership(?, ?)",
                workspaceId,
                newOwnerUserId));
  }

  public void revokeInvite(long inviteId, int version) {
    update(
        "Could not revoke the invite",
        "revoke invite " + inviteId,
        "UPDATE workspace_invites SET status = 'revoked', revoked_at = now(), version = ?"
            + " WHERE id = ?",
        version + 1,
        inviteId);
  }

  /** Replaces invite {@code inviteId} with a new one and a new token, shown to the caller once. */
  public IssuedInvite reissueInvite(long inviteId) {
    String token = InviteTokens.newToken();
    Instant expires = clock.instant().plus(INVITE_VALIDITY);
    long id =
        run(
            "Could not re-issue the invite",
            "re-issue invite " + inviteId,
            c ->
                call(
                    c,
                    "SELECT reissue_workspace_invite(?, ?, ?)",
                    inviteId,
                    InviteTokens.hash(token),
                    OffsetDateTime.ofInstant(expires, ZoneOffset.UTC)));
    return new IssuedInvite(id, token, expires);
  }

  /** Marks every pending invite past its expiry as expired; returns how many. */
  public int expireInvites() {
    return (int)
        run("Could not expire invites", "expire invites", c -> call(c, "SELECT expire_invites()"));
  }

  /** Suspends, reactivates or archives a workspace. */
  public void setWorkspaceStatus(long workspaceId, int version, WorkspaceStatus status) {
    update(
        "Could not change the workspace status",
        "set workspace " + workspaceId + " " + status.dbValue(),
        "UPDATE workspaces SET status = ?, version = ? WHERE id = ?",
        status.dbValue(),
        version + 1,
        workspaceId);
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
    return run(
        "Could not add the note",
        "add " + visibility.dbValue() + " note to workspace " + workspaceId,
        c ->
            call(
                c,
                "INSERT INTO contact_notes (workspace_id, subject_user_id, body, visibility,"
                    + " supersedes_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
                workspaceId,
                subjectUserId,
                body.strip(),
                visibility.dbValue(),
                supersedesId));
  }

  /** Work on a connection inside the action's transaction. */
  interface Work {
    long apply(Connection c) throws SQLException;
  }

  private void update(String what, String command, String sql, Object... args) {
    run(
        what,
        command,
        c -> {
          try (PreparedStatement ps = prepare(c, sql, args)) {
            int changed = ps.executeUpdate();
            if (changed != 1) {
              throw new SQLException(
                  "nothing to change: the record is gone or already in that state", "P0002");
            }
            return changed;
          }
        });
  }

  private long run(String what, String command, Work work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT set_config('arbiter.command', ?, true)")) {
          ps.setString(1, command);
          ps.execute();
        }
        long result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new WorkspaceActionException(what, e);
    }
  }

  private static long call(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }
}
