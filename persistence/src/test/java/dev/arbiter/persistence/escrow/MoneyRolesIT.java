package dev.arbiter.persistence.escrow;

import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only Finance moves money: support, moderators, admins without Finance and the backend cannot call
 * the money functions, and nobody (Finance included) writes the ledger or money columns directly.
 */
class MoneyRolesIT {

  private static TestDatabase db;
  private static Deal deal;
  private static long approved;
  private static long holding;
  private static long journal;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      deal = MoneyFixture.deal(owner, "USD", 50_000);
      approved = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      holding =
          MoneyFixture.longValue(owner, "SELECT id FROM wallets WHERE kind = 'escrow_holding'");
      journal = MoneyFixture.longValue(owner, "SELECT min(id) FROM journals");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo_support", "demo_moderator", "demo_admin", "demo_backend"})
  void rolesWithoutFinanceCannotCallTheMoneyFunctions(String login) throws Exception {
    try (Connection c = db.as(login)) {
      assertRefused(() -> call(c, "release_checkpoint", approved, null, "k-" + login + "-1"));
      assertRefused(() -> call(c, "approve_checkpoint", approved, null, null, "k-" + login + "-2"));
      assertRefused(() -> call(c, "refund_checkpoint", approved, "x", "k-" + login + "-3"));
      assertRefused(() -> call(c, "hold_checkpoint", approved, "x", "k-" + login + "-4"));
      assertRefused(() -> call(c, "execute_settlement", 1L, null, "k-" + login + "-5"));
      assertRefused(
          () -> Fixtures.value(c, "SELECT money_post(?, ?, 'credit', 1)", journal, holding));
    }
    try (Connection owner = db.migrator()) {
      assertThat(
              Fixtures.value(owner, "SELECT status FROM escrow_checkpoints WHERE id = ?", approved))
          .isEqualTo("approved");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"demo_support", "demo_moderator", "demo_admin", "demo_backend", "demo_finance"})
  void nobodyWritesTheLedgerOrMoneyColumnsDirectly(String login) throws Exception {
    try (Connection c = db.as(login)) {
      assertRefused(
          () ->
              Fixtures.update(
                  c,
                  "INSERT INTO journals (idempotency_key, request_fingerprint, kind, description)"
                      + " VALUES ('direct-"
                      + login
                      + "', 'x', 'correction', 'direct')"));
      assertRefused(
          () ->
              Fixtures.update(
                  c,
                  "INSERT INTO ledger_entries (journal_id, wallet_id, direction, amount_minor,"
                      + " currency, balance_after) VALUES (?, ?, 'credit', 1, 'USD', 1)",
                  journal,
                  holding));
      assertRefused(
          () -> Fixtures.update(c, "UPDATE wallets SET balance_minor = balance_minor + 1"));
      assertRefused(
          () -> Fixtures.update(c, "UPDATE escrows SET released_minor = released_minor + 1"));
      assertRefused(
          () ->
              Fixtures.update(
                  c, "UPDATE escrow_checkpoints SET status = 'released' WHERE id = ?", approved));
      assertRefused(
          () ->
              Fixtures.update(
                  c,
                  "INSERT INTO release_approvals (checkpoint_id, reviewer, decision)"
                      + " VALUES (?, 'someone', 'approve')",
                  approved));
      assertRefused(
          () ->
              Fixtures.update(
                  c,
                  "INSERT INTO money_requests (idempotency_key, action, fingerprint, actor,"
                      + " outcome, result) VALUES ('forged-key', 'release', 'x', 'x', 'ok', '{}')"));
    }
  }

  @FunctionalInterface
  private interface Sql {
    Object run() throws SQLException;
  }

  private static void assertRefused(Sql sql) {
    assertThatThrownBy(sql::run)
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
  }
}
