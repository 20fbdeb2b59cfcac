package dev.arbiter.persistence.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the loader switches off for the length of its transaction, and back on before commit.
 *
 * <p>Always: foreign keys that point at a table loaded later (an executed settlement names the
 * journal written after it). In bulk mode also every foreign key and plain (non-unique) index of
 * the loaded tables, and their per-row audit and notify triggers. Re-adding a foreign key checks
 * every row, so nothing the constraints forbid can be committed; CHECKs, unique keys and the
 * status, version and ledger triggers are never touched.
 */
final class LoadSwitches {

  private record ForeignKey(String table, String name, String definition) {}

  private record Trigger(String table, String name) {}

  private record Index(String name, String definition) {}

  private final List<ForeignKey> foreignKeys = new ArrayList<>();
  private final List<Trigger> triggers = new ArrayList<>();
  private final List<Index> indexes = new ArrayList<>();

  /** Switches off what the mode needs; undone by {@link #restore}. */
  static LoadSwitches switchOff(Connection c, boolean bulk) throws SQLException {
    LoadSwitches switches = new LoadSwitches();
    DemoTable[] tables = DemoTable.values();
    for (DemoTable table : tables) {
      String sql =
          "SELECT c.conname, pg_get_constraintdef(c.oid), c.confrelid::regclass::text"
              + " FROM pg_constraint c WHERE c.conrelid = ?::regclass AND c.contype = 'f'"
              + " ORDER BY c.conname";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, table.table());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (bulk || loadedAfter(table, rs.getString(3))) {
              switches.foreignKeys.add(
                  new ForeignKey(table.table(), rs.getString(1), rs.getString(2)));
            }
          }
        }
      }
      if (bulk) {
        switches.triggers.addAll(changeTriggers(c, table.table()));
        // The balanced-journal check looks entries up by journal while the load runs.
        if (table != DemoTable.LEDGER_ENTRIES) {
          switches.indexes.addAll(secondaryIndexes(c, table.table()));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (ForeignKey fk : switches.foreignKeys) {
        s.execute("ALTER TABLE " + fk.table() + " DROP CONSTRAINT " + quote(fk.name()));
      }
      for (Trigger t : switches.triggers) {
        s.execute("ALTER TABLE " + t.table() + " DISABLE TRIGGER " + quote(t.name()));
      }
      for (Index index : switches.indexes) {
        s.execute("DROP INDEX " + quote(index.name()));
      }
    }
    return switches;
  }

  /**
   * Rebuilds the indexes (a sorted build beats a million single inserts, and may use parallel
   * workers), re-adds the foreign keys (validating every row) and re-enables the triggers.
   */
  void restore(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (!indexes.isEmpty()) {
        s.execute("SET LOCAL maintenance_work_mem = '256MB'");
      }
      for (Index index : indexes) {
        s.execute(index.definition());
      }
      for (ForeignKey fk : foreignKeys) {
        s.execute(
            "ALTER TABLE "
                + fk.table()
                + " ADD CONSTRAINT "
                + quote(fk.name())
                + " "
                + fk.definition());
      }
      for (Trigger t : triggers) {
        s.execute("ALTER TABLE " + t.table() + " ENABLE TRIGGER " + quote(t.name()));
      }
    }
  }

  /** The audit and notify triggers switched off, as table.trigger names. */
  List<String> disabledTriggers() {
    return triggers.stream().map(t -> t.table() + "." + t.name()).toList();
  }

  private static List<Trigger> changeTriggers(Connection c, String table) throws SQLException {
    List<Trigger> found = new ArrayList<>();
    String sql =
        "SELECT t.tgname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid"
            + " WHERE t.tgrelid = ?::regclass AND NOT t.tgisinternal AND t.tgenabled <> 'D'"
            + " AND p.proname IN ('audit_capture', 'notify_change') ORDER BY t.tgname";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(new Trigger(table, rs.getString(1)));
        }
      }
    }
    return found;
  }

  /** Plain indexes: not unique, not backing a constraint. */
  private static List<Index> secondaryIndexes(Connection c, String table) throws SQLException {
    List<Index> found = new ArrayList<>();
    String sql =
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            + " WHERE i.indrelid = ?::regclass AND NOT i.indisunique AND NOT EXISTS"
            + " (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
            + " ORDER BY i.indexrelid::regclass::text";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(new Index(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return found;
  }

  private static boolean loadedAfter(DemoTable table, String referenced) {
    for (DemoTable later : DemoTable.values()) {
      if (later.ordinal() > table.ordinal() && later.table().equals(referenced)) {
        return true;
      }
    }
    return false;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
