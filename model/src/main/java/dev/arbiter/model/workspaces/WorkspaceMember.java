package dev.arbiter.model.workspaces;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's membership of a workspace ({@code workspace_members}), one row per workspace and user.
 * Removal keeps the row, so who was a member when stays answerable.
 */
@Entity
@Table(name = "workspace_members")
public class WorkspaceMember {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private Long workspaceId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private Long userId;

  @Convert(converter = MemberRole.Converter.class)
  @Column(name = "role", nullable = false)
  private MemberRole role;

  @Convert(converter = MemberStatus.Converter.class)
  @Column(name = "status", nullable = false)
  private MemberStatus status = MemberStatus.ACTIVE;

  @Column(name = "invited_by")
  private Long invitedBy;

  @Column(name = "joined_at", insertable = false, updatable = false)
  private Instant joinedAt;

  @Column(name = "removed_at")
  private Instant removedAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected WorkspaceMember() {}

  /** A new active membership; {@code invitedBy} is the inviting user, or null. */
  public WorkspaceMember(Long workspaceId, Long userId, MemberRole role, Long invitedBy) {
    this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.role = Objects.requireNonNull(role, "role");
    this.invitedBy = invitedBy;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public Long getUserId() {
    return userId;
  }

  public MemberRole getRole() {
    return role;
  }

  public void setRole(MemberRole role) {
    this.role = Objects.requireNonNull(role, "role");
  }

  public MemberStatus getStatus() {
    return status;
  }

  /** Suspends or reinstates the member; use {@link #remove} to remove one. */
  public void setStatus(MemberStatus status) {
    if (Objects.requireNonNull(status, "status") == MemberStatus.REMOVED) {
      throw new IllegalArgumentException("remove a member with remove(when)");
    }
    this.status = status;
    this.removedAt = null;
  }

  /** Removes the member at {@code when}; the database requires both to change together. */
  public void remove(Instant when) {
    this.status = MemberStatus.REMOVED;
    this.removedAt = Objects.requireNonNull(when, "when");
  }

  public Long getInvitedBy() {
    return invitedBy;
  }

  public Instant getJoinedAt() {
    return joinedAt;
  }

  public Instant getRemovedAt() {
    return removedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
