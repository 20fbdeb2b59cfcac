package dev.arbiter.persistence.workspaces;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceAdminIT {

  private static TestDatabase db;
  private Connection owner;
  private WorkspaceFixture ws;
  private WorkspaceAdminService admin;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @BeforeEach
  void fixture() throws SQLException {
    owner = db.migrator();
    ws = WorkspaceFixture.create(owner);
    admin = new WorkspaceAdminService(db.access("demo_admin"), Clock.systemUTC());
  }

  @AfterEach
  void close() throws SQLException {
    owner.close();
  }

  private Object member(String column, long memberId) throws SQLException {
    return value(owner, "SELECT " + column + " FROM workspace_members WHERE id = ?", memberId);
  }

  private int version(String table, long id) throws SQLException {
    return (Integer) value(owner, "SELECT version FROM " + table + " WHERE id = ?", id);
  }

  private Object lastAudit(String column, String entityType, long entityId) throws SQLException {
    return value(
        owner,
        "SELECT "
            + column
            + " FROM audit_log WHERE entity_type = ? AND entity_id = ?"
            + " ORDER BY id DESC LIMIT 1",
        entityType,
        Long.toString(entityId));
  }

  @Test
  void changeRoleIsAuditedUnderTheAdminsLoginWithTheActionAsCommand() throws SQLException {
    admin.changeRole(
        ws.plainMember(), version("workspace_members", ws.plainMember()), MemberRole.MANAGER);

    assertThat(member("role", ws.plainMember())).isEqualTo("manager");
    assertThat(lastAudit("actor", "workspace_members", ws.plainMember())).isEqualTo("demo_admin");
    assertThat(lastAudit("command", "workspace_members", ws.plainMember()))
        .isEqualTo("change role of member " + ws.plainMember() + " to manager");
    assertThat(lastAudit("old_values ->> 'role'", "workspace_members", ws.plainMember()))
        .isEqualTo("member");
  }

  @Test
  void staleVersionIsRefusedAndChangesNothing() throws SQLException {
    int read = version("workspace_members", ws.plainMember());
    admin.changeRole(ws.plainMember(), read, MemberRole.VIEWER);

    assertThatThrownBy(() -> admin.changeRole(ws.plainMember(), read, MemberRole.ADMIN))
        .isInstanceOfSatisfying(
            WorkspaceActionException.class, e -> assertThat(e.stale()).isTrue());
    assertThat(member("role", ws.plainMember())).isEqualTo("viewer");
  }

  @Test
  void settingWhatTheRowHoldsStillMovesItsVersionOnSoAColleaguesViewGoesStale()
      throws SQLException {
    int read = version("workspace_members", ws.adminMember());
    admin.changeRole(ws.adminMember(), read, MemberRole.ADMIN);
    assertThat(version("workspace_members", ws.adminMember())).isEqualTo(read + 1);
    assertThatThrownBy(() -> admin.changeRole(ws.adminMember(), read, MemberRole.MANAGER))
        .isInstanceOfSatisfying(
            WorkspaceActionException.class, e -> assertThat(e.stale()).isTrue());

    int status = version("workspaces", ws.workspace());
    admin.setWorkspaceStatus(ws.workspace(), status, WorkspaceStatus.ACTIVE);
    assertThat(version("workspaces", ws.workspace())).isEqualTo(status + 1);
    assertThat(lastAudit("command", "workspaces", ws.workspace()))
        .isEqualTo("set workspace " + ws.workspace() + " active");
  }

  @Test
  void ownerCannotBeRemovedSuspendedOrDemoted() throws SQLException {
    int v = version("workspace_members", ws.ownerMember());
    assertThatThrownBy(() -> admin.removeMember(ws.ownerMember(), v))
        .isInstanceOfSatisfying(
            WorkspaceActionException.class,
            e -> {
              assertThat(e.constraint()).isEqualTo("workspace_members_owner");
              assertThat(e.getMessage()).contains("transfer ownership first");
            });
    assertThatThrownBy(() -> admin.suspendMember(ws.ownerMember(), v))
        .isInstanceOf(WorkspaceActionException.class);
    assertThatThrownBy(() -> admin.changeRole(ws.ownerMember(), v, MemberRole.ADMIN))
        .isInstanceOf(WorkspaceActionException.class);
    assertThat(member("role || '/' || status", ws.ownerMember())).isEqualTo("owner/active");
  }

  @Test
  void ownerRemovalAsRawSqlByAnAdminIsRefusedByTheDatabase() throws SQLException {
    try (Connection c = db.as("demo_admin")) {
      assertThatThrownBy(
              () ->
                  update(
                      c,
                      "UPDATE workspace_members SET status = 'removed', removed_at = now()"
                          + " WHERE id = ?",
                      ws.ownerMember()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("cannot be demoted, suspended or removed");
      assertThatThrownBy(
              () ->
                  update(
                      c,
                      "UPDATE workspace_members SET role = 'owner' WHERE id = ?",
                      ws.adminMember()))
          .hasMessageContaining("moves only through transfer_workspace_ownership");
      assertThatThrownBy(
              () ->
                  update(
                      c,
                      "UPDATE workspaces SET owner_id = ? WHERE id = ?",
                      ws.adminUser(),
                      ws.workspace()))
          .hasMessageContaining("moves only through transfer_workspace_ownership");
    }
  }

  @Test
  void memberWhoIsContactOnAnActiveContractCannotBeRemovedAndTheContractIsNamed()
      throws SQLException {
    int v = version("workspace_members", ws.contactMember());
    assertThatThrownBy(() -> admin.removeMember(ws.contactMember(), v))
        .isInstanceOfSatisfying(
            WorkspaceActionException.class,
            e -> {
              assertThat(e.constraint()).isEqualTo("workspace_members_active_contact");
              assertThat(e.getMessage()).contains(ws.contractReference());
            });
    assertThatThrownBy(() -> admin.suspendMember(ws.contactMember(), v))
        .hasMessageContaining(ws.contractReference());
    assertThat(member("status", ws.contactMember())).isEqualTo("active");
  }

  @Test
  void contactBecomesRemovableOnceTheContractEnds() throws SQLException {
    update(owner, "UPDATE contracts SET status = 'completed' WHERE id = ?", ws.contract());

    admin.removeMember(ws.contactMember(), version("workspace_members", ws.contactMember()));

    assertThat(member("status", ws.contactMember())).isEqualTo("removed");
    assertThat(member("removed_at IS NOT NULL", ws.contactMember())).isEqualTo(true);
  }

  @Test
  void suspendedMemberCanBeReactivated() throws SQLException {
    admin.suspendMember(ws.plainMember(), version("workspace_members", ws.plainMember()));
    assertThat(member("status", ws.plainMember())).isEqualTo("suspended");

    admin.reactivateMember(ws.plainMember(), version("workspace_members", ws.plainMember()));

    assertThat(member("status", ws.plainMember())).isEqualTo("active");
  }

  @Test
  void duplicateMembershipIsRefused() throws SQLException {
    try (Connection c = db.as("demo_admin")) {
      assertThatThrownBy(
              () ->
                  update(
                      c,
                      "INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (?, ?,"
                          + " 'viewer')",
                      ws.workspace(),
                      ws.plainUser()))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"))
          .hasMessageContaining("workspace_members_workspace_user_key");
    }
  }

  @Test
  void transferOwnershipMovesTheRoleAndTheOwnerIdTogether() throws SQLException {
    admin.transferOwnership(ws.workspace(), ws.adminUser());

    assertThat(value(owner, "SELECT owner_id FROM workspaces WHERE id = ?", ws.workspace()))
        .isEqualTo(ws.adminUser());
    assertThat(member("role", ws.adminMember())).isEqualTo("owner");
    assertThat(member("role", ws.ownerMember())).isEqualTo("admin");
    assertThat(lastAudit("actor", "workspaces", ws.workspace())).isEqualTo("demo_admin");
  }

  @Test
  void transferOwnershipRefusesANewOwnerWhoIsNotAnActiveAdminMember() throws SQLException {
    assertThatThrownBy(() -> admin.transferOwnership(ws.workspace(), ws.plainUser()))
        .isInstanceOfSatisfying(
            WorkspaceActionException.class,
            e -> assertThat(e.getMessage()).contains("must be an active admin member"));
    long stranger = Fixtures.user(owner, "stranger");
    assertThatThrownBy(() -> admin.transferOwnership(ws.workspace(), stranger))
        .hasMessageContaining("not a member");
    assertThat(value(owner, "SELECT owner_id FROM workspaces WHERE id = ?", ws.workspace()))
        .isEqualTo(ws.ownerUser());
  }

  @Test
  void revokeInviteIsAuditedAndASecondRevokeIsRefused() throws SQLException {
    admin.revokeInvite(ws.pendingInvite(), version("workspace_invites", ws.pendingInvite()));

    assertThat(
            value(owner, "SELECT status FROM workspace_invites WHERE id = ?", ws.pendingInvite()))
        .isEqualTo("revoked");
    assertThat(lastAudit("actor", "workspace_invites", ws.pendingInvite())).isEqualTo("demo_admin");
    assertThatThrownBy(
            () ->
                admin.revokeInvite(
                    ws.pendingInvite(), version("workspace_invites", ws.pendingInvite())))
        .hasMessageContaining("already revoked");
  }

  @Test
  void reissuedInviteStoresOnlyTheTokensHashAndRevokesTheOriginal() throws SQLException {
    IssuedInvite issued = admin.reissueInvite(ws.pendingInvite());

    byte[] stored =
        (byte[])
            value(
                owner, "SELECT token_hash FROM workspace_invites WHERE id = ?", issued.inviteId());
    assertThat(stored).isEqualTo(InviteTokens.hash(issued.token()));
    assertThat(HexFormat.of().formatHex(stored)).doesNotContain(issued.token());
    assertThat(
            value(owner, "SELECT status FROM workspace_invites WHERE id = ?", ws.pendingInvite()))
        .isEqualTo("revoked");
    assertThat(value(owner, "SELECT status FROM workspace_invites WHERE id = ?", issued.inviteId()))
        .isEqualTo("pending");
    assertThat(
            value(
                owner,
                "SELECT count(*) FROM audit_log WHERE entity_type = 'workspace_invites'"
                    + " AND ((new_values -> 'token_hash') IS NOT NULL OR (old_values -> 'token_hash') IS NOT NULL)"))
        .isEqualTo(0L);
  }

  @Test
  void expiredInviteCannotBeAcceptedAndIsExpiredByTheFunction() throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      assertThatThrownBy(
              () ->
                  update(
                      backend,
                      "UPDATE workspace_invites SET status = 'accepted', accepted_at = now()"
                          + " WHERE id = ?",
                      ws.overdueInvite()))
          .hasMessageContaining("cannot be accepted");
    }
    int expired = admin.expireInvites();

    assertThat(expired).isGreaterThanOrEqualTo(1);
    assertThat(
            value(owner, "SELECT status FROM workspace_invites WHERE id = ?", ws.overdueInvite()))
        .isEqualTo("expired");
  }

  @Test
  void workspaceCanBeSuspendedAndReactivatedButNotReopenedOnceArchived() throws SQLException {
    admin.setWorkspaceStatus(
        ws.workspace(), version("workspaces", ws.workspace()), WorkspaceStatus.SUSPENDED);
    assertThat(value(owner, "SELECT status FROM workspaces WHERE id = ?", ws.workspace()))
        .isEqualTo("suspended");
    admin.setWorkspaceStatus(
        ws.workspace(), version("workspaces", ws.workspace()), WorkspaceStatus.ACTIVE);
    admin.setWorkspaceStatus(
        ws.workspace(), version("workspaces", ws.workspace()), WorkspaceStatus.ARCHIVED);

    assertThatThrownBy(
            () ->
                admin.setWorkspaceStatus(
                    ws.workspace(), version("workspaces", ws.workspace()), WorkspaceStatus.ACTIVE))
        .hasMessageContaining("archived and cannot be reopened");
  }
}
