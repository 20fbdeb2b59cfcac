package dev.arbiter.tools.demo;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
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
    try (Connection c = db.superuser()) {
      for (String table : TABLES) {
        String sql =
            "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '')"
                + " AS fingerprint FROM "
                + table
                + " t";
        out.put(table, Jdbc.list(c, sql, row -> row.text("fingerprint")).get(0));
      }
    }
    return out;
  }

  /**
   * Every trigger with its enabled state, every foreign key and every index with its definition.
   */
  static Map<String, String> catalog(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    Jdbc.forEach(
        c,
        "SELECT 'trigger ' || tgrelid::regclass || '.' || tgname AS item, tgenabled::text AS state"
            + " FROM pg_trigger WHERE NOT tgisinternal"
            + " UNION ALL SELECT 'constraint ' || conrelid::regclass || '.' || conname,"
            + " pg_get_constraintdef(oid) || convalidated FROM pg_constraint"
            + " WHERE connamespace = 'public'::regnamespace"
            + " UNION ALL SELECT 'index ' || indexrelid::regclass, pg_get_indexdef(indexrelid)"
            + " FROM pg_index WHERE indrelid::regclass::text IN (SELECT tablename"
            + " FROM pg_tables WHERE schemaname = 'public') ORDER BY item",
        0,
        row -> out.put(row.text("item"), row.text("state")));
    return out;
  }

  /** The values of a one-column query, whatever its column is called. */
  static Set<String> values(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.superuser()) {
      return new TreeSet<>(
          Jdbc.list(c, "SELECT q.value FROM (" + sql + ") AS q(value)", row -> row.text("value")));
    }
  }

  static long number(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.superuser()) {
      return count(c, sql);
    }
  }

  /** The one number a one-row, one-column query answers, whatever its column is called. */
  static long count(Connection c, String sql) throws SQLException {
    return Jdbc.list(c, "SELECT (" + sql + ") AS n", row -> row.getLong("n")).get(0);
  }
}
