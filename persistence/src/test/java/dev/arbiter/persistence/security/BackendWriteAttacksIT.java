package dev.arbiter.persistence.security;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The marketplace backend writing straight into what it was granted (GrantReviewIT lists it): it
 * keeps the marketplace's own records, but never moves money, never decides for staff, never
 * suspends or clears a user, never writes as a non-party or as staff, and moves a case only when
 * the parties answered. Each attempt is refused and leaves its row and the audit chain as they
 * were.
 */
class BackendWriteAttacksIT {

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

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # Users: sign-ups and profiles, never a moderation decision.
          users:{stranger}   | 23514 | INSERT INTO users (email, display_name, kind, status) VALUES ('pre1@example.test', 'Pre-suspended', 'client', 'suspended')
          users:{stranger}   | 23514 | INSERT INTO users (email, display_name, kind, suspended_until) VALUES ('pre2@example.test', 'Pre-suspended', 'client', now() + interval '1 day')
          users:{suspended}  | 42501 | UPDATE users SET status = 'active', suspended_until = NULL WHERE id = {suspended}
          users:{suspended}  | 42501 | UPDATE users SET suspended_until = now() WHERE id = {suspended}
          users:{stranger}   | 42501 | UPDATE users SET status = 'suspended' WHERE id = {stranger}
          users:{stranger}   | 42501 | UPDATE users SET status = 'warned' WHERE id = {stranger}
          users:{client}     | 23503 | UPDATE users SET id = id + 1000000 WHERE id = {client}
          # Contracts: never the parties, the currency or the value of one that exists.
          contracts:{contract} | 42501 | UPDATE contracts SET freelancer_id = {stranger} WHERE id = {contract}
          contracts:{contract} | 42501 | UPDATE contracts SET currency = 'EUR' WHERE id = {contract}
          contracts:{contract} | 42501 | UPDATE contracts SET value_minor = 1 WHERE id = {contract}
          contracts:{contract} | 23514 | INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, currency, value_minor) VALUES ('GO-990001', 'gig_order', 'Self deal', {client}, {client}, 'USD', 100)
          # Money: an escrow starts empty, a milestone pending; only the money functions move either.
          escrows:{escrow} | 42501 | INSERT INTO escrows (contract_id, currency, funded_minor) VALUES ({contract}, 'USD', 1000000)
          escrows:{escrow} | 42501 | UPDATE escrows SET funded_minor = funded_minor + 1 WHERE id = {escrow}
          escrow_checkpoints:{pending} | 42501 | INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency, status) VALUES ({escrow}, 90, 'Born approved', 100, 'USD', 'approved')
          escrow_checkpoints:{pending} | 42501 | INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency, refunded_minor) VALUES ({escrow}, 91, 'Born refunded', 100, 'USD', 0)
          escrow_checkpoints:{pending} | 42501 | INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency, requested_by, submitted_at) VALUES ({escrow}, 92, 'Backdated', 100, 'USD', 'user:1', now() - interval '9 days')
          escrow_checkpoints:{approved}  | 42501 | UPDATE escrow_checkpoints SET status = 'released' WHERE id = {approved}
          escrow_checkpoints:{submitted} | 42501 | UPDATE escrow_checkpoints SET status = 'approved' WHERE id = {submitted}
          escrow_checkpoints:{submitted} | 42501 | UPDATE escrow_checkpoints SET status = 'pending' WHERE id = {submitted}
          escrow_checkpoints:{refunded}  | 23514 | UPDATE escrow_checkpoints SET status = 'pending' WHERE id = {refunded}
          escrow_checkpoints:{approved}  | 23514 | UPDATE escrow_checkpoints SET auto_release_at = now() WHERE id = {approved}
          escrow_checkpoints:{pending}   | 42501 | UPDATE escrow_checkpoints SET requested_by = 'user:1' WHERE id = {pending}
          escrow_checkpoints:{pending}   | 42501 | UPDATE escrow_checkpoints SET amount_minor = 1 WHERE id = {pending}
          escrow_checkpoints:{pending}   | 42501 | UPDATE escrow_checkpoints SET submission_round = 7 WHERE id = {pending}
          escrow_checkpoints:{pending}   | 40001 | UPDATE escrow_checkpoints SET auto_release_at = now(), version = version + 3 WHERE id = {pending}
          # Disputes: a party opens a case; the backend moves it only when the parties answered.
          disputes:{dispute}  | 23514 | INSERT INTO disputes (reference, contract_id, opened_by, reason_code, amount_disputed_minor, currency) VALUES ({reference}, {contract}, {stranger}, 'fraud', 100, 'USD')
          disputes:{dispute}  | 42501 | INSERT INTO disputes (reference, contract_id, opened_by, reason_code, amount_disputed_minor, currency, status) VALUES ({reference}, {contract}, {client}, 'fraud', 100, 'USD', 'settling')
          disputes:{dispute}  | 42501 | UPDATE disputes SET status = 'under_review' WHERE id = {dispute}
          disputes:{resolved} | 42501 | UPDATE disputes SET status = 'closed' WHERE id = {resolved}
          disputes:{settling} | 42501 | UPDATE disputes SET status = 'escalated' WHERE id = {settling}
          disputes:{dispute}  | 42501 | UPDATE disputes SET amount_disputed_minor = 1 WHERE id = {dispute}
          # Messages and evidence: by a party, for the parties, never as staff.
          disputes:{dispute} | 23514 | INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body) VALUES ({dispute}, {stranger}, 'parties', 'Not my case')
          disputes:{dispute} | 42501 | INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body) VALUES ({dispute}, {client}, 'internal', 'Hidden from the other party')
          disputes:{dispute} | 42501 | INSERT INTO dispute_messages (dispute_id, author_staff, visibility, body) VALUES ({dispute}, 'demo_support', 'parties', 'Support says pay up')
          disputes:{dispute} | 23514 | INSERT INTO dispute_evidence (dispute_id, uploaded_by, file_name, mime_type, size_bytes, sha256) VALUES ({dispute}, {stranger}, 'fake.pdf', 'application/pdf', 10, decode(repeat('00', 32), 'hex'))
          disputes:{dispute} | 42501 | INSERT INTO dispute_evidence (dispute_id, uploaded_by_staff, file_name, mime_type, size_bytes, sha256) VALUES ({dispute}, 'demo_support', 'staff.pdf', 'application/pdf', 10, decode(repeat('00', 32), 'hex'))
          # Flags: a report on something that exists, open and unclaimed.
          moderation_flags:{flag} | 23503 | INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity) VALUES ('contract', 999999999, {client}, 'fraud', 'high')
          moderation_flags:{flag} | 42501 | INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity, status, decision, decided_by, decided_at) VALUES ('user', {stranger}, {client}, 'spam', 'low', 'actioned', 'suspend_user', 'demo_moderator', now())
          moderation_flags:{flag} | 42501 | INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity, assigned_to, claimed_at) VALUES ('user', {stranger}, {client}, 'spam', 'low', 'demo_moderator', now())
          # Workspaces: ownership only by transfer, archived stays archived, invites by their rules.
          workspaces:{workspace}             | 42501 | UPDATE workspaces SET owner_id = {stranger} WHERE id = {workspace}
          workspaces:{archived}              | 23514 | UPDATE workspaces SET status = 'active' WHERE id = {archived}
          workspace_members:{member}         | 42501 | UPDATE workspace_members SET role = 'owner' WHERE id = {member}
          workspace_invites:{lapsedInvite}   | 23514 | UPDATE workspace_invites SET status = 'accepted', accepted_at = now() WHERE id = {lapsedInvite}
          workspace_invites:{acceptedInvite} | 23514 | UPDATE workspace_invites SET accepted_at = now() - interval '1 day' WHERE id = {acceptedInvite}
          """)
  void aBackendWriteAroundTheRulesIsRefusedAndChangesNothing(
      String target, String sqlState, String sql) throws SQLException {
    targets.attack(db, "demo_backend", target, sqlState, sql);
  }
}
