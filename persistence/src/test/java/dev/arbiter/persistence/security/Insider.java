package dev.arbiter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Transactions;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.ledger.LedgerVerifier;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every attack in this package checks: that the database refused it the way it says it does,
 * and that nothing was left behind (the row as before, no new journal, no audit entry, a clean
 * ledger). Everything is read back as the superuser, who sees every row whatever the attacker may.
 */
final class Insider {

  /** SQLSTATE classes of a clean refusal: bad data, a broken rule. */
  static final Set<String> CLEAN_REFUSAL_CLASSES = Set.of("22", "23");

  private Insider() {}

  /**
   * True for a SQLSTATE the database uses to refuse on purpose (bad data, a broken rule, no
   * privilege, no such row, a stale read, a moderation refusal), not for a crash.
   */
  static boolean cleanRefusal(String sqlState) {
    return sqlState != null
        && (CLEAN_REFUSAL_CLASSES.contains(sqlState.substring(0, 2))
            || sqlState.equals("42501")
            || sqlState.equals("40001")
            || sqlState.equals("P0002")
            || sqlState.startsWith("MD0"));
  }

  /** Runs {@code sql} as one transaction, expects a refusal, rolls back and returns it. */
  static SQLException refused(Connection c, String sql, Object... params) throws SQLException {
    return Transactions.refused(c, x -> exec(x, sql, params));
  }

  /** A login name nobody on this server has used: roles are shared by every test database. */
  static String freshLogin(String prefix) {
    return prefix + "_" + ProcessHandle.current().pid() + "_" + Fixtures.next();
  }

  static Connection login(TestDatabase db, String login, String password) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), login, password);
  }

  /** The whole row as jsonb text, or null when there is none. */
  static String row(TestDatabase db, String table, long id) throws SQLException {
    try (Connection su = db.superuser()) {
      return (String)
          Fixtures.value(su, "SELECT to_jsonb(t)::text FROM " + table + " t WHERE id = ?", id);
    }
  }

  static long count(TestDatabase db, String sql, Object... params) throws SQLException {
    try (Connection su = db.superuser()) {
      return MoneyFixture.longValue(su, sql, params);
    }
  }

  static long journals(TestDatabase db) throws SQLException {
    return count(db, "SELECT count(*) FROM journals");
  }

  static long auditHead(TestDatabase db) throws SQLException {
    return Transactions.auditHead(db);
  }

  /** "actor / db_user: action entity_type" of every audit entry after {@code afterId}. */
  static List<String> auditSince(TestDatabase db, long afterId) throws SQLException {
    List<String> entries = new ArrayList<>();
    try (Connection su = db.superuser();
        PreparedStatement ps =
            su.prepareStatement(
                "SELECT actor || ' / ' || db_user || ': ' || action || ' ' || entity_type"
                    + " FROM audit_log WHERE id > ? ORDER BY id")) {
      ps.setLong(1, afterId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(rs.getString(1));
        }
      }
    }
    return entries;
  }

  /** Every check of {@code ledger verify}, run by the owner, finds nothing. */
  static void assertLedgerClean(TestDatabase db) throws SQLException {
    try (Connection owner = db.migrator()) {
      assertThat(LedgerVerifier.verify(owner).findings()).as("ledger verify").isEmpty();
    }
  }

  /** Runs one statement of any kind (a SELECT of a function included) and drops its result. */
  static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.execute();
    }
  }

  /** Java-style escapes written in the CSV (\n, \r, \t, \\uXXXX) to the characters. */
  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != '\\' || i + 1 == s.length()) {
        out.append(ch);
        continue;
      }
      char next = s.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append('\\').append(next);
      }
    }
    return out.toString();
  }
}
