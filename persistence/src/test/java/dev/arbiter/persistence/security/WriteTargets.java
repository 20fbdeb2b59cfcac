package dev.arbiter.persistence.security;

import static dev.arbiter.persistence.contract.Fixtures.id;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Transactions;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows the write attacks aim at, each in the state that makes its rule bite (a resolved case, a
 * refunded milestone, an archived workspace...), made by the owner and named for the attack SQL:
 * {@code {resolved}} in an attack becomes that dispute's id.
 */
final class WriteTargets {

  private final Map<String, Long> ids = new TreeMap<>();

  private WriteTargets() {}

  static WriteTargets create(TestDatabase db) throws SQLException {
    WriteTargets t = new WriteTargets();
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 100_000);
      t.put("client", deal.client());
      t.put("freelancer", deal.freelancer());
      t.put("contract", deal.contract());
      t.put("escrow", deal.escrow());
      t.put("stranger", Fixtures.user(owner, "client"));
      t.put(
          "pending",
          id(
              owner,
              "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency)"
                  + " VALUES (?, 1, 'Design', 10000, 'USD')",
              deal.escrow()));
      t.put("submitted", MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7"));
      t.put("approved", MoneyFixture.approved(owner, deal, 10_000, "demo_finance2"));
      t.put("refunded", refunded(owner, deal));
      t.put("dispute", MoneyFixture.dispute(owner, deal, null, "open", 5_000));
      t.put("settling", MoneyFixture.dispute(owner, deal, null, "settling", 5_000));
      t.put(
          "settlement",
          MoneyFixture.settlement(
              owner, t.get("settling"), "refund_to_payer", 0, 5_000, "USD", "demo_support"));
      t.put(
          "resolved",
          id(
              owner,
              "INSERT INTO disputes (reference, contract_id, opened_by, reason_code,"
                  + " amount_disputed_minor, currency, status, outcome, resolved_at, resolved_by)"
                  + " VALUES (?, ?, ?, 'quality', 5000, 'USD', 'resolved', 'dismissed', now(),"
                  + " 'demo_finance')",
              Fixtures.disputeReference(),
              deal.contract(),
              deal.client()));
      t.put(
          "internalNote",
          id(
              owner,
              "INSERT INTO dispute_messages (dispute_id, author_staff, visibility, body)"
                  + " VALUES (?, 'demo_support', 'internal', 'Staff only')",
              t.get("dispute")));
      t.put("flag", Fixtures.flag(owner, t.get("stranger")));
      t.put(
          "suspended",
          id(
              owner,
              "INSERT INTO users (email, display_name, kind, status, suspended_until)"
                  + " VALUES (?, 'Suspended User', 'client', 'suspended', now() + interval '30"
                  + " days')",
              "suspended" + Fixtures.next() + "@example.test"));
      t.put(
          "financeAccount",
          MoneyFixture.longValue(
              owner, "SELECT id FROM staff_accounts WHERE login_role = 'demo_finance2'"));
      workspaces(owner, t);
      t.put(
          "adminView",
          id(
              owner,
              "INSERT INTO dispute_saved_views (owner_login, name, shared, definition)"
                  + " VALUES ('demo_admin', 'Mine', false, '{}')"));
    }
    return t;
  }

  private static long refunded(Connection owner, Deal deal) throws SQLException {
    return id(
        owner,
        "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency, status,"
            + " refunded_minor) VALUES (?, 3, 'Refunded', 10000, 'USD', 'refunded', 10000)",
        deal.escrow());
  }

  private static void workspaces(Connection owner, WriteTargets t) throws SQLException {
    long ownerUser = t.get("client");
    long workspace = Fixtures.workspace(owner, ownerUser);
    t.put("workspace", workspace);
    t.put(
        "ownerMember",
        id(
            owner,
            "INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (?, ?, 'owner')",
            workspace,
            ownerUser));
    t.put(
        "member",
        id(
            owner,
            "INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (?, ?, 'member')",
            workspace,
            t.get("stranger")));
    long archived = Fixtures.workspace(owner, ownerUser);
    Insider.exec(owner, "UPDATE workspaces SET status = 'archived' WHERE id = ?", archived);
    t.put("archived", archived);
    t.put(
        "acceptedInvite",
        id(
            owner,
            "INSERT INTO workspace_invites (workspace_id, email, role, status, token_hash,"
                + " expires_at, accepted_at) VALUES (?, 'taken@example.test', 'member', 'accepted',"
                + " decode(repeat('a1', 32), 'hex'), now() + interval '7 days', now())",
            workspace));
    t.put(
        "lapsedInvite",
        id(
            owner,
            "INSERT INTO workspace_invites (workspace_id, email, role, token_hash, expires_at,"
                + " created_at) VALUES (?, 'late@example.test', 'member', decode(repeat('b2', 32),"
                + " 'hex'), now() - interval '1 day', now() - interval '8 days')",
            workspace));
    t.put(
        "note",
        id(
            owner,
            "INSERT INTO contact_notes (workspace_id, author, body, visibility)"
                + " VALUES (?, 'demo_admin', 'Other workspace', 'workspace')",
            archived));
  }

  private void put(String name, long id) {
    ids.put(name, id);
  }

  long get(String name) {
    return ids.get(name);
  }

  /**
   * Runs {@code sql} (with its names filled in) as {@code login}, expects the database to refuse it
   * with {@code sqlState}, and checks that the row named by {@code target} ("table:name", or "-")
   * and the audit chain are as they were.
   */
  void attack(TestDatabase db, String login, String target, String sqlState, String sql)
      throws SQLException {
    String statement = fill(sql);
    String table = target.equals("-") ? null : target.substring(0, target.indexOf(':'));
    long row =
        table == null
            ? 0
            : get(target.substring(target.indexOf(':') + 1).replace("{", "").replace("}", ""));
    String before = table == null ? null : Insider.row(db, table, row);
    try (Connection c = db.as(login)) {
      Transactions.refusedLeavingNothing(db, c, sqlState, null, x -> Insider.exec(x, statement));
    }
    if (table != null) {
      org.assertj.core.api.Assertions.assertThat(Insider.row(db, table, row))
          .as(table + " " + row + " after " + statement)
          .isEqualTo(before);
    }
  }

  /** {@code sql} with every {name} replaced by its row's id. */
  String fill(String sql) {
    String filled = sql.replace("{reference}", "'" + Fixtures.disputeReference() + "'");
    for (Map.Entry<String, Long> e : ids.entrySet()) {
      filled = filled.replace("{" + e.getKey() + "}", e.getValue().toString());
    }
    if (filled.contains("{") && !filled.contains("'{}'")) {
      throw new IllegalArgumentException("unknown name in " + sql);
    }
    return filled;
  }
}
