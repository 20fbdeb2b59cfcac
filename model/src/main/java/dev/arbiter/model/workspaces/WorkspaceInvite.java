package dev.arbiter.model.workspaces;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * An invitation to join a workspace ({@code workspace_invites}). Only the SHA-256 of the invite
 * token is stored, and staff may not even read that (a column grant), so {@code token_hash} is left
 * unmapped: Hibernate would select it on every load. Invites are therefore created and re-issued
 * with SQL, which hashes the token; the entity reads them and revokes or extends them.
 */
@Entity
@Table(name = "workspace_invites")
public class WorkspaceInvite {

  @Id
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "workspace_id", nullable = false, insertable = false, updatable = false)
  private Long workspaceId;

  @Column(name = "email", nullable = false, insertable = false, updatable = false)
  private String email;

  @Convert(converter = InviteRole.Converter.class)
  @Column(name = "role", nullable = false, insertable = false, updatable = false)
  private InviteRole role;

  @Convert(converter = InviteStatus.Converter.class)
  @Column(name = "status", nullable = false, insertable = false)
  private InviteStatus status;

  @Column(name = "expires_at", nullable = false, insertable = false)
  private Instant expiresAt;

  @Column(name = "invited_by", insertable = false, updatable = false)
  private Long invitedBy;

  @Column(name = "accepted_at", insertable = false)
  private Instant acceptedAt;

  @Column(name = "revoked_at", insertable = false)
  private Instant revokedAt;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected WorkspaceInvite() {}

  public Long getId() {
    return id;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public String getEmail() {
    return email;
  }

  public InviteRole getRole() {
    return role;
  }

  public InviteStatus getStatus() {
    return status;
  }

  /** Whether the invite can still be accepted at {@code now}. */
  public boolean isUsableAt(Instant now) {
    return status == InviteStatus.PENDING && now.isBefore(expiresAt);
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  /**
   * Moves the expiry of a pending invite.
   *
   * @throws IllegalStateException if the invite is no longer pending
   * @throws IllegalArgumentException if {@code expiresAt} is not after the invite was created
   */
  public void extendTo(Instant expiresAt) {
    requirePending("extend");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (createdAt != null && !expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("An invite must expire after it was sent.");
    }
    this.expiresAt = expiresAt;
  }

  /**
   * Revokes a pending invite at {@code when}.
   *
   * @throws IllegalStateException if the invite is no longer pending
   */
  public void revoke(Instant when) {
    requirePending("revoke");
    this.status = InviteStatus.REVOKED;
    this.revokedAt = Objects.requireNonNull(when, "when");
  }

  private void requirePending(String action) {
    if (status != InviteStatus.PENDING) {
      throw new IllegalStateException(
          "Only a pending invite can be changed; cannot " + action + " one that is " + status);
    }
  }

  public Long getInvitedBy() {
    return invitedBy;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
