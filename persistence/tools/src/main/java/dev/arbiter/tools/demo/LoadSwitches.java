package dev.arbiter.tools.demo;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the loader switches off for the length of its transaction, and back on before commit.
 *
 * <p>Always: foreign keys that point at a table loaded later (an executed settlement names the
 * journal written after it). In bulk mode also, for the loaded tables, the per-row audit and notify
 * triggers, every foreign key, and the keys and indexes, which are then rebuilt from sorted data in
 * one pass (possibly by parallel workers) instead of a million single inserts. Ledger entries and
 * wallets keep theirs: the ledger triggers look rows up through them while the load runs; disputes
 * keep their primary key for the same reason.
 *
 * <p>Every definition is read from the catalogue and re-created exactly. Re-adding a key or a
 * foreign key checks every row, so nothing the schema forbids can be committed; CHECKs and the
 * status, version and ledger triggers are never touched.
 */
final class LoadSwitches {

  private record Constraint(String table, String name, String definition) {}

  private record Trigger(String table, String name) {}

  private record Index(String name, String definition) {}

  // Tables whose rows the load's own triggers look up by primary key while it runs: a settlement
  // checks that it fits its dispute (V33). Without the key each lookup scans the table, and a
  // million disputes take minutes instead of seconds.
  private static final Set<String> LOOKED_UP_BY_KEY = Set.of("disputes");

  private final List<Constraint> keys = new ArrayList<>();
  private final List<Index> indexes = new ArrayList<>();
  private final List<Constraint> foreignKeys = new ArrayList<>();
  private final List<Trigger> triggers = new ArrayList<>();

  /** Switches off what the mode needs; undone by {@link #restore}. */
  static LoadSwitches switchOff(Connection c, boolean bulk) throws SQLException {
    Set<String> rebuilt = new HashSet<>();
    if (bulk) {
      for (DemoTable table : DemoTable.values()) {
        if (table != DemoTable.WALLETS && table != DemoTable.LEDGER_ENTRIES) {
          rebuilt.add(table.table());
        }
      }
    }
    LoadSwitches switches = new LoadSwitches();
    switches.findForeignKeys(c, bulk, rebuilt);
    for (DemoTable table : DemoTable.values()) {
      if (bulk) {
        switches.triggers.addAll(changeTriggers(c, table.table()));
      }
      if (rebuilt.contains(table.table())) {
        switches.findKeysAndIndexes(c, table.table());
      }
    }
    try (Statement s = c.createStatement()) {
      for (Constraint fk : switches.foreignKeys) {
        s.execute("ALTER TABLE " + fk.table() + " DROP CONSTRAINT " + quote(fk.name()));
      }
      for (Trigger t : switches.triggers) {
        s.execute("ALTER TABLE " + t.table() + " DISABLE TRIGGER " + quote(t.name()));
      }
      for (Index index : switches.indexes) {
        s.execute("DROP INDEX " + quote(index.name()));
      }
      for (Constraint key : switches.keys) {
        s.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + quote(key.name()));
      }
    }
    return switches;
  }

  /**
   * Re-adds the keys and indexes, then the foreign keys (validating every row), and re-enables the
   * triggers.
   */
  void restore(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (!keys.isEmpty() || !indexes.isEmpty()) {
        s.execute("SET LOCAL maintenance_work_mem = '256MB'");
      }
      for (Constraint key : keys) {
        s.execute(addConstraint(key));
      }
      for (Index index : indexes) {
        s.execute(index.definition());
      }
      for (Constraint fk : foreignKeys) {
        s.execute(addConstraint(fk));
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

  /**
   * Foreign keys of loaded tables (in bulk mode all of them, otherwise those pointing forward in
   * load order) and, from any table, those that rely on a key about to be rebuilt.
   */
  private void findForeignKeys(Connection c, boolean bulk, Set<String> rebuilt)
      throws SQLException {
    String sql =
        "SELECT conrelid::regclass::text AS table_name, conname AS name,"
            + " pg_get_constraintdef(oid) AS definition, confrelid::regclass::text AS referenced"
            + " FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace"
            + " ORDER BY table_name, name";
    Jdbc.forEach(
        c,
        sql,
        0,
        row -> {
          String table = row.text("table_name");
          DemoTable from = loaded(table);
          String referenced = row.text("referenced");
          boolean own = from != null && (bulk || loadedAfter(from, referenced));
          if (own || rebuilt.contains(referenced)) {
            foreignKeys.add(new Constraint(table, row.text("name"), row.text("definition")));
          }
        });
  }

  private void findKeysAndIndexes(Connection c, String table) throws SQLException {
    String keySql =
        "SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint"
            + " WHERE conrelid = ?::regclass AND contype IN ('p', 'u')"
            + (LOOKED_UP_BY_KEY.contains(table) ? " AND contype <> 'p'" : "")
            + " ORDER BY conname";
    keys.addAll(
        Jdbc.list(
            c,
            keySql,
            row -> new Constraint(table, row.text("name"), row.text("definition")),
            table));
    String indexSql =
        "SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition"
            + " FROM pg_index i WHERE i.indrelid = ?::regclass AND NOT EXISTS"
            + " (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
            + " ORDER BY i.indexrelid::regclass::text";
    indexes.addAll(
        Jdbc.list(c, indexSql, row -> new Index(row.text("name"), row.text("definition")), table));
  }

  private static List<Trigger> changeTriggers(Connection c, String table) throws SQLException {
    // Contact notes are audited by their own function, which withholds private bodies (V83).
    String sql =
        "SELECT t.tgname AS name FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid"
            + " WHERE t.tgrelid = ?::regclass AND NOT t.tgisinternal AND t.tgenabled <> 'D'"
            + " AND p.proname IN ('audit_capture', 'audit_capture_contact_note', 'notify_change',"
            + " 'notify_dispute_part_change')"
            + " ORDER BY t.tgname";
    return Jdbc.list(c, sql, row -> new Trigger(table, row.text("name")), table);
  }

  private static DemoTable loaded(String table) {
    for (DemoTable t : DemoTable.values()) {
      if (t.table().equals(table)) {
        return t;
      }
    }
    return null;
  }

  private static boolean loadedAfter(DemoTable table, String referenced) {
    DemoTable target = loaded(referenced);
    return target != null && target.ordinal() > table.ordinal();
  }

  private static String addConstraint(Constraint constraint) {
    return "ALTER TABLE "
        + constraint.table()
        + " ADD CONSTRAINT "
        + quote(constraint.name())
        + " "
        + constraint.definition();
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
