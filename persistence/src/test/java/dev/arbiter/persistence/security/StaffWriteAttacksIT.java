package dev.arbiter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Staff writing straight into the columns their logins were granted (GrantReviewIT lists them), and
 * into the ones next to them, aiming at what the console never lets them do: a decision taken
 * without the functions, a record rewritten after it settled, a row in a colleague's name. Each is
 * refused and leaves its row and the audit chain as they were.
 */
class StaffWriteAttacksIT {

  private static TestDatabase db;
  private static WriteTargets targets;

  @BeforeAll
  static void rows() throws SQLException {
    db = TestDatabase.fresh();
    targets = WriteTargets.create(db);
  }

  @AfterAll
  static void ledgerStaysClean() throws SQLException {
    Insider.assertLedgerClean(db);
  }

  @ParameterizedTest(name = "{0}: {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # Support: case handling, never the outcome or the money.
          demo_support | disputes:{settling} | 42501 | UPDATE disputes SET status = 'resolved' WHERE id = {settling}
          demo_support | disputes:{resolved} | 23514 | UPDATE disputes SET priority = 'urgent' WHERE id = {resolved}
          demo_support | disputes:{resolved} | 23514 | UPDATE disputes SET resolution_notes = 'Rewritten afterwards' WHERE id = {resolved}
          demo_support | disputes:{resolved} | 23514 | UPDATE disputes SET status = 'settling' WHERE id = {resolved}
          demo_support | disputes:{dispute}  | 23503 | UPDATE disputes SET assigned_to = 'nobody_at_all' WHERE id = {dispute}
          demo_support | disputes:{dispute}  | 40001 | UPDATE disputes SET priority = 'high', version = version + 5 WHERE id = {dispute}
          demo_support | disputes:{dispute}  | 42501 | UPDATE disputes SET amount_disputed_minor = 1 WHERE id = {dispute}
          demo_support | disputes:{dispute}  | 42501 | UPDATE disputes SET outcome = 'split', payee_share_minor = 1 WHERE id = {dispute}
          demo_support | settlements:{settlement} | 42501 | UPDATE settlements SET payer_minor = 1 WHERE id = {settlement}
          demo_support | settlements:{settlement} | 42501 | UPDATE settlements SET status = 'withdrawn', decided_at = now() WHERE id = {settlement}
          demo_support | - | 23505 | INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason) VALUES ({settling}, 'refund_to_payer', 0, 5000, 'USD', 'Second proposal')
          demo_support | - | 23514 | INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason) VALUES ({dispute}, 'refund_to_payer', 0, 5001, 'USD', 'More than disputed')
          demo_support | - | 23514 | INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason) VALUES ({dispute}, 'split', 1000, 1000, 'USD', 'A split that does not add up')
          demo_support | - | 42501 | INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason, proposed_by) VALUES ({dispute}, 'dismissed', 0, 0, 'USD', 'In a colleague''s name', 'demo_finance')
          demo_support | - | 42501 | INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason, status) VALUES ({dispute}, 'dismissed', 0, 0, 'USD', 'Born executed', 'executed')
          demo_support | - | 42501 | INSERT INTO dispute_messages (dispute_id, visibility, body, author_staff) VALUES ({dispute}, 'internal', 'As the admin', 'demo_admin')
          demo_support | - | 42501 | INSERT INTO dispute_messages (dispute_id, visibility, body, author_user_id) VALUES ({dispute}, 'parties', 'As the client', {client})
          demo_support | - | 42501 | INSERT INTO dispute_evidence (dispute_id, file_name, mime_type, size_bytes, sha256, uploaded_by) VALUES ({dispute}, 'x.txt', 'text/plain', 1, decode(repeat('00', 32), 'hex'), {client})
          demo_support | - | 23514 | INSERT INTO dispute_evidence (dispute_id, file_name, mime_type, size_bytes, sha256, content) VALUES ({dispute}, 'x.txt', 'text/plain', 99, decode(repeat('00', 32), 'hex'), decode('00', 'hex'))
          demo_support | - | 42501 | INSERT INTO contact_notes (workspace_id, body, visibility, author) VALUES ({workspace}, 'Signed as the admin', 'workspace', 'demo_admin')
          demo_support | - | 23514 | INSERT INTO contact_notes (workspace_id, body, visibility, supersedes_id) VALUES ({workspace}, 'Replaces a note elsewhere', 'workspace', {note})
          demo_support | - | 42501 | INSERT INTO dispute_commands (idempotency_key, command, dispute_id, fingerprint, description, staff_login) VALUES ('cmd-key-0001', 'dispute.assign', {dispute}, 'fp', 'Assign', 'demo_admin')
          demo_support | - | 42501 | INSERT INTO dispute_saved_views (name, definition, owner_login) VALUES ('Theirs', '{}', 'demo_admin')
          demo_support | - | 42501 | INSERT INTO staff_requests (idempotency_key, action, fingerprint, result) VALUES ('req-key-0001', 'moderation.decide', 'fp', '{}')
          demo_support | - | 42501 | INSERT INTO staff_requests (idempotency_key, action, fingerprint, staff_login) VALUES ('req-key-0002', 'workspace.note', 'fp', 'demo_admin')
          # Moderators and finance decide through functions only.
          demo_moderator | moderation_flags:{flag} | 42501 | UPDATE moderation_flags SET status = 'dismissed', decision = 'dismiss', decided_by = 'demo_moderator', decided_at = now() WHERE id = {flag}
          demo_moderator | dispute_messages:{internalNote} | 42501 | UPDATE dispute_messages SET hidden_at = now() WHERE id = {internalNote}
          demo_finance | escrow_checkpoints:{approved} | 42501 | UPDATE escrow_checkpoints SET status = 'released' WHERE id = {approved}
          demo_finance | - | 42501 | INSERT INTO release_approvals (checkpoint_id, reviewer, decision) VALUES ({submitted}, 'demo_finance2', 'approve')
          # Admins: staff accounts only through the staff functions; workspaces by their rules.
          demo_admin | - | 42501 | INSERT INTO staff_accounts (login_role, display_name) VALUES ('demo_backend', 'Backend posing as staff')
          demo_admin | staff_accounts:{financeAccount} | 42501 | UPDATE staff_accounts SET active = false, deactivated_at = now() WHERE id = {financeAccount}
          demo_admin | staff_accounts:{financeAccount} | 42501 | UPDATE staff_accounts SET created_by = 'demo_admin' WHERE id = {financeAccount}
          demo_admin | staff_accounts:{financeAccount} | 42501 | UPDATE staff_accounts SET login_role = 'demo_finance' WHERE id = {financeAccount}
          demo_admin | workspaces:{workspace} | 42501 | UPDATE workspaces SET owner_id = {stranger} WHERE id = {workspace}
          demo_admin | workspaces:{archived} | 23514 | UPDATE workspaces SET status = 'active' WHERE id = {archived}
          demo_admin | workspaces:{workspace} | 23503 | UPDATE workspaces SET id = id + 1000000 WHERE id = {workspace}
          demo_admin | workspace_members:{member} | 42501 | UPDATE workspace_members SET role = 'owner' WHERE id = {member}
          demo_admin | workspace_members:{ownerMember} | 23514 | UPDATE workspace_members SET role = 'admin' WHERE id = {ownerMember}
          demo_admin | workspace_members:{member} | 42501 | UPDATE workspace_members SET user_id = {freelancer} WHERE id = {member}
          demo_admin | - | 42501 | INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ({workspace}, {freelancer}, 'owner')
          demo_admin | workspace_invites:{acceptedInvite} | 23514 | UPDATE workspace_invites SET status = 'revoked', revoked_at = now() WHERE id = {acceptedInvite}
          demo_admin | workspace_invites:{acceptedInvite} | 23514 | UPDATE workspace_invites SET token_hash = decode(repeat('ff', 32), 'hex') WHERE id = {acceptedInvite}
          demo_admin | - | 23514 | UPDATE moderation_settings SET claim_ttl = interval '0' WHERE id = 1
          """)
  void aStaffWriteAroundTheRulesIsRefusedAndChangesNothing(
      String login, String target, String sqlState, String sql) throws SQLException {
    targets.attack(db, login, target, sqlState, sql);
  }

  @Test
  void anotherLoginsSavedViewCannotBeRenamedOrDeleted() throws SQLException {
    long view = targets.get("adminView");
    String before = Insider.row(db, "dispute_saved_views", view);
    try (Connection support = db.as("demo_support")) {
      assertThat(
              Fixtures.update(
                  support, "UPDATE dispute_saved_views SET name = 'Hijacked' WHERE id = ?", view))
          .isZero();
      assertThat(Fixtures.update(support, "DELETE FROM dispute_saved_views WHERE id = ?", view))
          .isZero();
    }
    assertThat(Insider.row(db, "dispute_saved_views", view)).isEqualTo(before);
  }

  @Test
  void presencePlantedUnderAnotherConsolesIdDoesNotStopThatConsolesOwnUpsert() throws SQLException {
    String console = "7b0e9c38-0b6c-4a0e-9d38-2f6d9c1f0a11";
    long checkpoint = targets.get("approved");
    String upsert =
        "INSERT INTO console_presence (console_id, entity_type, entity_id, mode)"
            + " VALUES (CAST(? AS uuid), 'checkpoint', ?, ?)"
            + " ON CONFLICT (staff_login, console_id, entity_type, entity_id)"
            + " DO UPDATE SET mode = EXCLUDED.mode, heartbeat_at = now()";
    try (Connection support = db.as("demo_support");
        Connection fran = db.as("demo_finance")) {
      Fixtures.update(support, upsert, console, checkpoint, "editing");
      assertThat(
              Insider.refused(
                      support,
                      "INSERT INTO console_presence (staff_login, console_id, entity_type,"
                          + " entity_id, mode) VALUES ('demo_finance', CAST(? AS uuid),"
                          + " 'checkpoint', ?, 'editing')",
                      console,
                      checkpoint)
                  .getSQLState())
          .isEqualTo("42501");

      assertThat(Fixtures.update(fran, upsert, console, checkpoint, "viewing")).isOne();
      assertThat(Fixtures.update(fran, upsert, console, checkpoint, "editing")).isOne();
    }
    assertThat(
            Insider.count(
                db,
                "SELECT count(*) FROM console_presence WHERE console_id = CAST(? AS uuid)"
                    + " AND entity_id = ? AND staff_login = 'demo_finance' AND mode = 'editing'",
                console,
                checkpoint))
        .isOne();
  }

  @Test
  void aHeartbeatDatedIntoTheFutureIsStampedWithTheDatabaseClock() throws SQLException {
    long dispute = targets.get("dispute");
    try (Connection moderator = db.as("demo_moderator")) {
      Fixtures.update(
          moderator,
          "INSERT INTO console_presence (entity_type, entity_id, mode, heartbeat_at)"
              + " VALUES ('dispute', ?, 'viewing', now() + interval '10 years')",
          dispute);
      Fixtures.update(
          moderator,
          "UPDATE console_presence SET heartbeat_at = 'infinity' WHERE staff_login ="
              + " 'demo_moderator' AND entity_id = ?",
          dispute);
    }
    assertThat(
            Insider.count(
                db,
                "SELECT count(*) FROM console_presence WHERE staff_login = 'demo_moderator'"
                    + " AND entity_id = ? AND heartbeat_at <= now()",
                dispute))
        .isOne();
  }
}
