package dev.arbiter.persistence.workspaces;

import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workspace actions under a request key (V81): a second send of the same action does nothing and
 * answers as the first did, the key is kept only with its action, and it is nobody else's.
 */
class WorkspaceRequestKeysIT {

  private static TestDatabase db;
  private Connection owner;
  private WorkspaceFixture ws;
  private WorkspaceAdminService admin;
  private WorkspaceAdminService support;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @BeforeEach
  void fixture() throws SQLException {
    owner = db.migrator();
    ws = WorkspaceFixture.create(owner);
    admin = new WorkspaceAdminService(db.access("demo_admin"), Clock.systemUTC());
    support = new WorkspaceAdminService(db.access("demo_support"), Clock.systemUTC());
  }

  @AfterEach
  void close() throws SQLException {
    owner.close();
  }

  @Test
  void aNoteSentTwiceUnderItsKeyIsAddedOnceAndAnswersTheSameId() throws SQLException {
    String key = WorkspaceAdminService.newRequestKey();

    long first = note(support.keyed(key), "Called about the invoice");
    long again = note(support.keyed(key), "Called about the invoice");

    assertThat(again).isEqualTo(first);
    assertThat(notes("Called about the invoice")).isOne();
    assertThat(
            value(
                owner,
                "SELECT staff_login || ' ' || action FROM staff_requests WHERE idempotency_key = ?",
                key))
        .isEqualTo("demo_support workspace.add_note");
    assertThat(support.committed(key)).isTrue();
  }

  @Test
  void theSameKeyWithOtherArgumentsIsRefusedAndAddsNothing() throws SQLException {
    String key = WorkspaceAdminService.newRequestKey();
    note(support.keyed(key), "First text");

    assertThatThrownBy(() -> note(support.keyed(key), "Other text"))
        .isInstanceOf(WorkspaceActionException.class)
        .hasMessageContaining("already used for another action");
    assertThat(notes("Other text")).isZero();
  }

  @Test
  void anotherLoginsKeyIsInvisibleAndRefused() throws SQLException {
    String key = WorkspaceAdminService.newRequestKey();
    note(support.keyed(key), "Support's note");

    assertThat(admin.committed(key)).isFalse();
    try (Connection c = db.as("demo_admin")) {
      assertThat(value(c, "SELECT count(*) FROM staff_requests WHERE idempotency_key = ?", key))
          .isEqualTo(0L);
    }
    assertThatThrownBy(() -> note(admin.keyed(key), "Admin's note"))
        .isInstanceOf(WorkspaceActionException.class)
        .hasMessageContaining("staff_requests_pkey");
    assertThat(notes("Admin's note")).isZero();
  }

  @Test
  void theKeyIsKeptOnlyWithItsAction() throws SQLException {
    String key = WorkspaceAdminService.newRequestKey();
    long compliance = note(admin, "KYC verified", NoteVisibility.COMPLIANCE, null);

    // Refused (a compliance note is superseded only by another): neither the note nor the key.
    assertThatThrownBy(
            () -> note(admin.keyed(key), "Correction", NoteVisibility.WORKSPACE, compliance))
        .isInstanceOf(WorkspaceActionException.class);
    assertThat(keys(key)).isZero();
    assertThat(notes("Correction")).isZero();

    // A stale member change: refused, nothing recorded, and the key is still free.
    int version = version(ws.plainMember());
    admin.changeRole(ws.plainMember(), version, MemberRole.VIEWER);
    assertThatThrownBy(
            () -> admin.keyed(key).changeRole(ws.plainMember(), version, MemberRole.MANAGER))
        .isInstanceOfSatisfying(
            WorkspaceActionException.class, e -> assertThat(e.stale()).isTrue());
    assertThat(keys(key)).isZero();

    admin.keyed(key).changeRole(ws.plainMember(), version + 1, MemberRole.MANAGER);
    assertThat(keys(key)).isOne();
    // Sent again (its answer was lost): done already, so not refused as stale and not re-run.
    admin.keyed(key).changeRole(ws.plainMember(), version + 1, MemberRole.MANAGER);
    assertThat(version(ws.plainMember())).isEqualTo(version + 2);
    assertThat(value(owner, "SELECT role FROM workspace_members WHERE id = ?", ws.plainMember()))
        .isEqualTo("manager");
  }

  @Test
  void aReissuedInviteSentAgainAnswersTheSameInviteTokenAndExpiry() throws SQLException {
    String key = WorkspaceAdminService.newRequestKey();
    String token = InviteTokens.newToken();
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    WorkspaceAdminService early =
        new WorkspaceAdminService(db.access("demo_admin"), Clock.fixed(now, ZoneOffset.UTC))
            .keyed(key);
    WorkspaceAdminService later =
        new WorkspaceAdminService(
                db.access("demo_admin"),
                Clock.fixed(now.plus(Duration.ofMinutes(5)), ZoneOffset.UTC))
            .keyed(key);

    long invitesBefore = invites();
    IssuedInvite first = early.reissueInvite(ws.pendingInvite(), token);
    IssuedInvite again = later.reissueInvite(ws.pendingInvite(), token);

    assertThat(again.inviteId()).isEqualTo(first.inviteId());
    assertThat(again.token()).isEqualTo(token);
    assertThat(again.expiresAt())
        .isEqualTo(first.expiresAt())
        .isEqualTo(now.plus(Duration.ofDays(7)));
    assertThat(invites()).isEqualTo(invitesBefore + 1);
  }

  @Test
  void requestKeysAreAppendOnlyEvenForTheOwner() throws SQLException {
    String key = WorkspaceAdminService.newRequestKey();
    note(support.keyed(key), "Kept as sent");

    assertThatThrownBy(
            () ->
                value(
                    owner,
                    "UPDATE staff_requests SET action = 'workspace.other' WHERE idempotency_key = ?"
                        + " RETURNING 1",
                    key))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                value(
                    owner, "DELETE FROM staff_requests WHERE idempotency_key = ? RETURNING 1", key))
        .hasMessageContaining("append-only");
    assertThat(keys(key)).isOne();
  }

  private long note(WorkspaceAdminService service, String body) {
    return note(service, body, NoteVisibility.WORKSPACE, null);
  }

  private long note(
      WorkspaceAdminService service, String body, NoteVisibility visibility, Long supersedes) {
    return service.addNote(ws.workspace(), null, body, visibility, supersedes);
  }

  private long notes(String body) throws SQLException {
    return (Long)
        value(
            owner,
            "SELECT count(*) FROM contact_notes WHERE workspace_id = ? AND body = ?",
            ws.workspace(),
            body);
  }

  private long invites() throws SQLException {
    return (Long)
        value(
            owner, "SELECT count(*) FROM workspace_invites WHERE workspace_id = ?", ws.workspace());
  }

  private long keys(String key) throws SQLException {
    return (Long)
        value(owner, "SELECT count(*) FROM staff_requests WHERE idempotency_key = ?", key);
  }

  private int version(long member) throws SQLException {
    return (Integer) value(owner, "SELECT version FROM workspace_members WHERE id = ?", member);
  }
}
