package dev.arbiter.persistence.audit;

import static dev.arbiter.persistence.escrow.RawMoney.call;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A chain in which support may not read many entries (row policies, V88), laid out so that every
 * way a hidden entry can fall is there: a block of 2,100 wallets in a row (longer than two ranges
 * of 1,024, so one whole range is hidden), 300 wallets each between two users (single gaps), the
 * ledger entries of a release by finance, an admin's request key and private saved view, and a
 * wallet as the newest entry (a hidden tail).
 */
final class HiddenEntriesChain {

  /** Entries per range in the parallel walks of the tests. */
  static final int RANGE = 1_024;

  private HiddenEntriesChain() {}

  static TestDatabase build() throws SQLException {
    TestDatabase db = TestDatabase.fresh();
    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      s.execute(
          "INSERT INTO users (email, display_name, kind) SELECT 'h' || g || '@example.test',"
              + " 'Holder ' || g, 'client' FROM generate_series(1, 2400) g");
      s.execute(
          "INSERT INTO wallets (owner_user_id, kind, currency) SELECT id, 'user', 'USD'"
              + " FROM users WHERE email LIKE 'h%@example.test' ORDER BY id LIMIT 2100");
      s.execute(
          """
          DO $$
          DECLARE
            v bigint;
          BEGIN
            FOR i IN 1..300 LOOP
              INSERT INTO users (email, display_name, kind)
              VALUES ('a' || i || '@example.test', 'Alternating ' || i, 'client') RETURNING id INTO v;
              INSERT INTO wallets (owner_user_id, kind, currency) VALUES (v, 'user', 'EUR');
            END LOOP;
          END $$""");
      Deal deal = MoneyFixture.deal(owner, "USD", 20_000);
      long approved = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      try (Connection fran = db.as("demo_finance")) {
        if (!call(fran, "release_checkpoint", approved, null, "hidden-" + Fixtures.next()).ok()) {
          throw new IllegalStateException("the release was refused");
        }
      }
      try (Connection admin = db.as("demo_admin")) {
        Fixtures.update(
            admin,
            "INSERT INTO staff_requests (idempotency_key, action, fingerprint, result)"
                + " VALUES (?, 'workspace.note', 'fp', '{\"note_id\": 1}')",
            "admin-key-" + Fixtures.next());
      }
      s.execute(
          "INSERT INTO dispute_saved_views (owner_login, name, definition)"
              + " VALUES ('demo_admin', 'Admin private queue', '{\"status\": [\"open\"]}')");
      s.execute(
          "INSERT INTO users (email, display_name, kind)"
              + " VALUES ('tail@example.test', 'Tail', 'client')");
      s.execute(
          "INSERT INTO wallets (owner_user_id, kind, currency)"
              + " SELECT id, 'user', 'GBP' FROM users WHERE email = 'tail@example.test'");
    }
    return db;
  }

  /** Ids of the entries {@code login} may not read, in order. */
  static List<Long> hiddenFrom(TestDatabase db, String login) throws SQLException {
    TreeSet<Long> all = ids(db.superuser());
    all.removeAll(ids(db.as(login)));
    return new ArrayList<>(all);
  }

  /** The newest entry, as the superuser reads it. */
  static long lastId(TestDatabase db) throws SQLException {
    return ids(db.superuser()).last();
  }

  private static TreeSet<Long> ids(Connection c) throws SQLException {
    TreeSet<Long> ids = new TreeSet<>();
    try (c;
        PreparedStatement ps = c.prepareStatement("SELECT id FROM audit_log");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
