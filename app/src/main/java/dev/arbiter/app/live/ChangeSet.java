package dev.arbiter.app.live;

import dev.arbiter.persistence.live.TableChange;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The changes of one coalescing interval: which rows of which tables changed, however often. A
 * resync set stands for "anything may have changed" (the feed reconnected, or the view was hidden
 * while changes went by), so views re-read all they show.
 */
public final class ChangeSet {

  private static final ChangeSet EVERYTHING =
      new ChangeSet(Map.of(), Set.of(), Map.of(), Set.of(), true);

  private final Map<String, Set<String>> idsByTable;
  // Tables announced without an id (a statement-level notice): any of their rows may have changed.
  private final Set<String> everyRow;
  // The records ("disputes:7") that changed rows belong to, per table of the changed rows.
  private final Map<String, Set<String>> parentsByTable;
  // Tables with a change that named no parent: it may belong to any record.
  private final Set<String> anyParent;
  private final boolean resync;

  private ChangeSet(
      Map<String, Set<String>> idsByTable,
      Set<String> everyRow,
      Map<String, Set<String>> parentsByTable,
      Set<String> anyParent,
      boolean resync) {
    this.idsByTable = idsByTable;
    this.everyRow = everyRow;
    this.parentsByTable = parentsByTable;
    this.anyParent = anyParent;
    this.resync = resync;
  }

  public static ChangeSet everything() {
    return EVERYTHING;
  }

  public static ChangeSet of(Collection<TableChange> changes) {
    Map<String, Set<String>> ids = new HashMap<>();
    Set<String> everyRow = new HashSet<>();
    Map<String, Set<String>> parents = new HashMap<>();
    Set<String> anyParent = new HashSet<>();
    for (TableChange c : changes) {
      Set<String> rows = ids.computeIfAbsent(c.table(), t -> new HashSet<>());
      if (c.id() != null) {
        rows.add(c.id());
      } else {
        everyRow.add(c.table());
      }
      if (c.parent() != null) {
        parents.computeIfAbsent(c.table(), t -> new HashSet<>()).add(c.parent());
      } else {
        anyParent.add(c.table());
      }
    }
    return new ChangeSet(
        frozen(ids), Set.copyOf(everyRow), frozen(parents), Set.copyOf(anyParent), false);
  }

  /** Both sets in one, for a view that missed several. */
  public ChangeSet plus(ChangeSet other) {
    if (resync || other.resync) {
      return EVERYTHING;
    }
    Set<String> every = new HashSet<>(everyRow);
    every.addAll(other.everyRow);
    Set<String> anyParents = new HashSet<>(anyParent);
    anyParents.addAll(other.anyParent);
    return new ChangeSet(
        merged(idsByTable, other.idsByTable),
        Set.copyOf(every),
        merged(parentsByTable, other.parentsByTable),
        Set.copyOf(anyParents),
        false);
  }

  private static Map<String, Set<String>> merged(
      Map<String, Set<String>> a, Map<String, Set<String>> b) {
    Map<String, Set<String>> all = new HashMap<>();
    a.forEach((t, values) -> all.computeIfAbsent(t, k -> new HashSet<>()).addAll(values));
    b.forEach((t, values) -> all.computeIfAbsent(t, k -> new HashSet<>()).addAll(values));
    return frozen(all);
  }

  private static Map<String, Set<String>> frozen(Map<String, Set<String>> byTable) {
    byTable.replaceAll((table, values) -> Set.copyOf(values));
    return Map.copyOf(byTable);
  }

  /** Whether {@code table} was announced without ids, so any of its rows may have changed. */
  public boolean everyRow(String table) {
    return resync || everyRow.contains(table);
  }

  /** True after a reconnect: re-read everything, the ids are not known. */
  public boolean resync() {
    return resync;
  }

  /** Whether any of {@code tables} changed (always true for a resync). */
  public boolean touches(String... tables) {
    if (resync) {
      return true;
    }
    for (String t : tables) {
      if (idsByTable.containsKey(t)) {
        return true;
      }
    }
    return false;
  }

  /** Whether this row may have changed (always true for a resync). */
  public boolean touches(String table, long id) {
    return resync
        || everyRow.contains(table)
        || idsByTable.getOrDefault(table, Set.of()).contains(Long.toString(id));
  }

  /**
   * Whether a row of {@code partTables} that belongs to {@code parentTable}'s row {@code id} (a
   * dispute's messages, say) may have changed: a change named that row as its parent, or a change
   * to one of those tables named no parent, so it could belong to any. Always true for a resync.
   */
  public boolean touchesPartOf(String parentTable, long id, String... partTables) {
    if (resync) {
      return true;
    }
    String parent = parentTable + ":" + id;
    for (String t : partTables) {
      if (anyParent.contains(t) && idsByTable.containsKey(t)) {
        return true;
      }
      if (parentsByTable.getOrDefault(t, Set.of()).contains(parent)) {
        return true;
      }
    }
    return false;
  }

  /** The ids that changed in {@code table}, as the notification spelled them. */
  public Set<String> ids(String table) {
    return idsByTable.getOrDefault(table, Set.of());
  }

  public boolean isEmpty() {
    return !resync && idsByTable.isEmpty();
  }

  @Override
  public String toString() {
    return resync
        ? "ChangeSet[everything]"
        : "ChangeSet" + idsByTable + " every row of " + everyRow;
  }
}
