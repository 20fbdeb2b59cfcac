package dev.arbiter.persistence.workspaces;

import static dev.arbiter.persistence.contract.Fixtures.id;

import dev.arbiter.persistence.contract.Fixtures;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One provider workspace with an owner, an admin, a plain member, a member who is the freelancer on
 * an active contract, a pending invite and an overdue one. Written as the schema owner.
 */
public record WorkspaceFixture(
    long workspace,
    long ownerUser,
    long ownerMember,
    long adminUser,
    long adminMember,
    long plainUser,
    long plainMember,
    long contactUser,
    long contactMember,
    long contract,
    String contractReference,
    long pendingInvite,
    long overdueInvite) {

  public static WorkspaceFixture create(Connection owner) throws SQLException {
    long ownerUser = Fixtures.user(owner, "owner");
    long workspace = Fixtures.workspace(owner, ownerUser);
    Fixtures.update(
        owner,
        "UPDATE workspaces SET settings = '{\"theme\": \"dark\", \"_internal_score\": 7,"
            + " \"billing\": {\"plan\": \"pro\", \"private_note\": \"vip\"}}' WHERE id = ?",
        workspace);
    long ownerMember = member(owner, workspace, ownerUser, "owner", null);
    long adminUser = Fixtures.user(owner, "admin");
    long adminMember = member(owner, workspace, adminUser, "admin", ownerUser);
    long plainUser = Fixtures.user(owner, "member");
    long plainMember = member(owner, workspace, plainUser, "member", ownerUser);
    long contactUser = Fixtures.user(owner, "freelancer");
    long contactMember = member(owner, workspace, contactUser, "member", adminUser);
    long client = Fixtures.user(owner, "client");
    String reference = "WS-" + Fixtures.next();
    long contract =
        id(
            owner,
            "INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, workspace_id,"
                + " currency, value_minor) VALUES (?, 'fixed_price', 'Site build', ?, ?, ?, 'USD',"
                + " 250000)",
            reference,
            client,
            contactUser,
            workspace);
    id(
        owner,
        "INSERT INTO escrows (contract_id, currency, funded_minor, released_minor, status)"
            + " VALUES (?, 'USD', 100000, 25000, 'partially_released')",
        contract);
    long pending =
        id(
            owner,
            "INSERT INTO workspace_invites (workspace_id, email, role, token_hash, expires_at,"
                + " invited_by) VALUES (?, ?, 'member', sha256(convert_to(?, 'UTF8')), now() + interval '7 days',"
                + " ?)",
            workspace,
            "new" + Fixtures.next() + "@example.test",
            "pending-" + Fixtures.next(),
            ownerUser);
    long overdue =
        id(
            owner,
            "INSERT INTO workspace_invites (workspace_id, email, role, token_hash, expires_at,"
                + " invited_by, created_at) VALUES (?, ?, 'viewer', sha256(convert_to(?, 'UTF8')),"
                + " now() - interval '1 day', ?, now() - interval '10 days')",
            workspace,
            "late" + Fixtures.next() + "@example.test",
            "overdue-" + Fixtures.next(),
            ownerUser);
    return new WorkspaceFixture(
        workspace,
        ownerUser,
        ownerMember,
        adminUser,
        adminMember,
        plainUser,
        plainMember,
        contactUser,
        contactMember,
        contract,
        reference,
        pending,
        overdue);
  }

  private static long member(
      Connection owner, long workspace, long user, String role, Long invitedBy)
      throws SQLException {
    return id(
        owner,
        "INSERT INTO workspace_members (workspace_id, user_id, role, invited_by) VALUES (?, ?, ?, ?)",
        workspace,
        user,
        role,
        invitedBy);
  }
}
