package dev.arbiter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.security.FunctionSamples.Samples;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edges of the functions' arguments besides NULL: zero, negative and overflowing amounts, keys
 * and reasons of the wrong size, stale bases, durations that cannot be, names that are not logins
 * or roles. Each call runs in a transaction that is rolled back and must be refused the way the
 * line says (a money answer's outcome, or a SQLSTATE), without posting a journal.
 */
class EdgeValuesIT {

  private static TestDatabase db;
  private static Samples samples;

  @BeforeAll
  static void rows() throws SQLException {
    db = TestDatabase.fresh();
    samples = FunctionSamples.create(db);
  }

  @AfterAll
  static void ledgerStaysClean() throws SQLException {
    Insider.assertLedgerClean(db);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # Amounts: zero, negative, more than remains, the ends of bigint.
          demo_finance | invalid_amount | SELECT release_checkpoint({approved}, 0, {key})
          demo_finance | invalid_amount | SELECT release_checkpoint({approved}, -1, {key})
          demo_finance | invalid_amount | SELECT release_checkpoint({approved}, -9223372036854775808, {key})
          demo_finance | amount_exceeds_remaining | SELECT release_checkpoint({approved}, 10001, {key})
          demo_finance | amount_exceeds_remaining | SELECT release_checkpoint({approved}, 9223372036854775807, {key})
          demo_backend | invalid_amount | SELECT fund_escrow({escrow}, 0, {key})
          demo_backend | invalid_amount | SELECT fund_escrow({escrow}, -5000, {key})
          demo_backend | 22003 | SELECT fund_escrow({escrow}, 9223372036854775807, {key})
          # Idempotency keys of the wrong size.
          demo_finance | invalid_key | SELECT approve_checkpoint({submitted}, 'ok', NULL, 'k234567')
          demo_finance | invalid_key | SELECT approve_checkpoint({submitted}, 'ok', NULL, '')
          demo_finance | invalid_key | SELECT approve_checkpoint({submitted}, 'ok', NULL, repeat('k', 201))
          demo_moderator | 22023 | SELECT moderation_decide_keyed('k234567', 'user', {claimed}, ARRAY[{claimedFlag}]::bigint[], 'dismiss', 'spam', NULL)
          # Reasons that are only blanks.
          demo_finance | reason_required | SELECT reject_checkpoint({submitted}, '   ', {key})
          demo_finance | reason_required | SELECT hold_checkpoint({submitted}, '', {key})
          demo_finance | reason_required | SELECT refund_checkpoint({submitted}, '  ', {key})
          demo_finance | reason_required | SELECT send_back_settlement({settlement}, ' ', {key})
          # Actions and bases that are not quite right.
          demo_finance | 22023 | SELECT checkpoint_action_at('APPROVE', {submitted}, {version}, {decisions}, 'ok', NULL, NULL, {key})
          demo_finance | 22023 | SELECT checkpoint_action_at('release ', {submitted}, {version}, {decisions}, NULL, NULL, NULL, {key})
          demo_finance | stale | SELECT checkpoint_action_at('approve', {submitted}, -1, {decisions}, 'ok', NULL, NULL, {key})
          demo_finance | stale | SELECT checkpoint_action_at('approve', {submitted}, 2147483647, {decisions}, 'ok', NULL, NULL, {key})
          demo_finance | stale | SELECT checkpoint_action_at('approve', {submitted}, {version}, -2147483648, 'ok', NULL, NULL, {key})
          demo_finance | 22023 | SELECT settlement_action_at('execute', {settlement}, {settlementVersion}, NULL, {key})
          demo_finance | stale | SELECT settlement_action_at('execute_settlement', {settlement}, -1, NULL, {key})
          # Durations that cannot be.
          demo_moderator | 22023 | SELECT moderation_decide('user', {claimed}, 'suspend_user', 'spam', NULL, interval '-1 day')
          demo_moderator | 22023 | SELECT moderation_decide('user', {claimed}, 'suspend_user', 'spam', NULL, interval '0')
          demo_moderator | 22008 | SELECT moderation_decide('user', {claimed}, 'suspend_user', 'spam', NULL, interval '300000 years')
          demo_moderator | 22023 | SELECT moderation_decide('user', {claimed}, 'dismiss', 'spam', NULL, interval '1 day')
          demo_moderator | 22023 | SELECT moderation_decide('user', {claimed}, 'DISMISS', 'spam', NULL)
          # Names that are not staff logins, or roles that are not staff roles.
          demo_admin | 22023 | SELECT create_staff_login('pg_monitor2', 'Name', 'long-enough-pass')
          demo_admin | 22023 | SELECT create_staff_login('arbiter_shadow', 'Name', 'long-enough-pass')
          demo_admin | 22023 | SELECT create_staff_login('Evil', 'Name', 'long-enough-pass')
          demo_admin | 22023 | SELECT create_staff_login('x; DROP ROLE demo_admin; --', 'Name', 'long-enough-pass')
          demo_admin | 22023 | SELECT create_staff_login('rt_short_pass', 'Name', 'seven77')
          demo_admin | 23505 | SELECT create_staff_login('demo_finance', 'Name', 'long-enough-pass')
          demo_admin | 22023 | SELECT grant_staff_role('{grantee}', 'marketplace_backend')
          demo_admin | 22023 | SELECT grant_staff_role('{grantee}', 'pg_read_all_data')
          demo_admin | 22023 | SELECT grant_staff_role('{grantee}', 'arbiter_staff')
          demo_admin | P0002 | SELECT grant_staff_role('demo_backend', 'arbiter_admin')
          demo_admin | P0002 | SELECT grant_staff_role('arbiter_migrator', 'arbiter_admin')
          demo_admin | P0002 | SELECT deactivate_staff('postgres')
          demo_admin | 42501 | SELECT deactivate_staff('demo_admin')
          # Workspaces and invites.
          demo_admin | 23514 | SELECT transfer_workspace_ownership({workspace}, {claimed})
          demo_admin | 23514 | SELECT transfer_workspace_ownership({workspace}, {wsOwner})
          demo_admin | 23514 | SELECT reissue_workspace_invite({invite}, decode(repeat('cd', 31), 'hex'), now() + interval '1 day')
          demo_admin | 23514 | SELECT reissue_workspace_invite({invite}, decode(repeat('cd', 32), 'hex'), now() - interval '1 second')
          """)
  void anEdgeValueIsRefusedAsTheLineSays(String login, String expected, String sql)
      throws SQLException {
    refusedAsExpected(login, expected, sql);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          SELECT refund_checkpoint({submitted}, E'\\t\\n', {key})
          SELECT reject_checkpoint({submitted}, E'\\n', {key})
          SELECT hold_checkpoint({submitted}, E'\\t', {key})
          SELECT send_back_settlement({settlement}, E'\\r\\n', {key})
          """)
  void aReasonOfOnlyTabsAndLineBreaksIsNoReason(String sql) throws SQLException {
    refusedAsExpected("demo_finance", "reason_required", sql);
  }

  private static void refusedAsExpected(String login, String expected, String sql)
      throws SQLException {
    String statement = samples.fill(sql);
    boolean readsJournals = !login.equals("demo_moderator") && !login.equals("demo_support");
    try (Connection c = db.as(login)) {
      c.setAutoCommit(false);
      try {
        long journals =
            readsJournals ? MoneyFixture.longValue(c, "SELECT count(*) FROM journals") : 0;
        String answer;
        try {
          answer =
              String.valueOf(Fixtures.value(c, "SELECT (" + statement.substring(7) + ")::text"));
        } catch (SQLException refusal) {
          assertThat(refusal.getSQLState()).as(refusal.getMessage()).isEqualTo(expected);
          return;
        }
        assertThat(MoneyResult.parse(answer).outcome()).as(answer).isEqualTo(expected);
        if (readsJournals) {
          assertThat(MoneyFixture.longValue(c, "SELECT count(*) FROM journals"))
              .isEqualTo(journals);
        }
      } finally {
        c.rollback();
      }
    }
  }
}
