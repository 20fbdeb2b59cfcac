package dev.arbiter.persistence.workspaces;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Raw SQL from staff who are not admins: every workspace admin action is refused (42501). */
class WorkspaceNonAdminIT {

  private static TestDatabase db;
  private static WorkspaceFixture ws;

  @BeforeAll
  static void database() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      ws = WorkspaceFixture.create(owner);
    }
  }

  private static List<String> statements() {
    return List.of(
        "UPDATE workspace_members SET role = 'viewer' WHERE id = " + ws.plainMember(),
        "UPDATE workspace_members SET status = 'removed', removed_at = now() WHERE id = "
            + ws.plainMember(),
        "UPDATE workspaces SET status = 'suspended' WHERE id = " + ws.workspace(),
        "UPDATE workspace_invites SET status = 'revoked', revoked_at = now() WHERE id = "
            + ws.pendingInvite(),
        "SELECT transfer_workspace_ownership(" + ws.workspace() + ", " + ws.adminUser() + ")",
        "SELECT reissue_workspace_invite("
            + ws.pendingInvite()
            + ", sha256('x'::bytea), now() + interval '1 day')",
        "SELECT expire_invites()",
        "SELECT grant_staff_role('demo_support', 'arbiter_admin')",
        "SELECT revoke_staff_role('demo_admin', 'arbiter_admin')",
        "SELECT deactivate_staff('demo_admin')",
        "SELECT create_staff_login('mallory', 'Mallory', 'password123')",
        "SELECT token_hash FROM workspace_invites");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo_support", "demo_finance", "demo_moderator"})
  void nonAdminsCannotRunAnyWorkspaceOrStaffAdminAction(String login) throws SQLException {
    try (Connection c = db.as(login)) {
      for (String sql : statements()) {
        assertThatThrownBy(() -> update(c, sql))
            .as(login + ": " + sql)
            .isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      }
    }
    try (Connection owner = db.migrator()) {
      assertThat(value(owner, "SELECT role FROM workspace_members WHERE id = ?", ws.plainMember()))
          .isEqualTo("member");
      assertThat(value(owner, "SELECT owner_id FROM workspaces WHERE id = ?", ws.workspace()))
          .isEqualTo(ws.ownerUser());
      assertThat(value(owner, "SELECT count(*) FROM pg_roles WHERE rolname = 'mallory'"))
          .isEqualTo(0L);
    }
  }

  @Test
  void theBackendCannotTransferOwnershipEither() throws SQLException {
    try (Connection c = db.as("demo_backend")) {
      assertThatThrownBy(
              () ->
                  update(
                      c,
                      "SELECT transfer_workspace_ownership(?, ?)",
                      ws.workspace(),
                      ws.adminUser()))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      assertThatThrownBy(
              () ->
                  update(
                      c,
                      "UPDATE workspaces SET owner_id = ? WHERE id = ?",
                      ws.adminUser(),
                      ws.workspace()))
          .hasMessageContaining("transfer_workspace_ownership");
    }
  }
}
