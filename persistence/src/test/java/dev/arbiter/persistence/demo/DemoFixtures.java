package dev.arbiter.persistence.demo;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Loads and inspects demo databases for the demo data tests. */
final class DemoFixtures {

  static final long SEED = 20240611L;
  static final Instant BASE = Instant.parse("2024-06-11T09:00:00Z");
  static final List<String> TABLES =
      List.of(
          "users",
          "workspaces",
          "workspace_members",
          "workspace_invites",
          "contact_notes",
          "contracts",
          "escrows",
          "escrow_checkpoints",
          "release_approvals",
          "disputes",
          "settlements",
          "journals",
          "dispute_messages",
          "dispute_evidence",
          "moderation_flags",
          "wallets",
          "ledger_entries");

  private DemoFixtures() {}

  static DemoDataLoader loader() {
    return new DemoDataLoader(Clock.fixed(BASE, ZoneOffset.UTC));
  }

  static DemoLoadSummary load(TestDatabase db, DemoScale scale, long seed) throws SQLException {
    try (Connection c = db.migrator()) {
      return loader().load(c, scale, seed, BASE, ProgressListener.NONE);
    }
  }

  /** Row count and an md5 of every row, in id order, per demo table. */
  static Map<String, String> fingerprints(TestDatabase db) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = db.superuser();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)),"
                    + " '') FROM "
                    + table
                    + " t")) {
          rs.next();
          out.put(table, rs.getString(1));
        }
      }
    }
    return out;
  }

  /**
   * Every trigger with its enabled state, every foreign key and every index with its definition.
   */
  static Map<String, String> catalog(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT 'trigger ' || tgrelid::regclass || '.' || tgname, tgenabled::text FROM pg_trigger"
                    + " WHERE NOT tgisinternal"
                    + " UNION ALL SELECT 'constraint ' || conrelid::regclass || '.' || conname,"
                    + " pg_get_constraintdef(oid) || convalidated FROM pg_constraint"
                    + " WHERE connamespace = 'public'::regnamespace"
                    + " UNION ALL SELECT 'index ' || indexrelid::regclass, pg_get_indexdef(indexrelid)"
                    + " FROM pg_index WHERE indrelid::regclass::text IN (SELECT tablename"
                    + " FROM pg_tables WHERE schemaname = 'public') ORDER BY 1")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  static Set<String> values(TestDatabase db, String sql) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Connection c = db.superuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static long number(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.superuser()) {
      return count(c, sql);
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
