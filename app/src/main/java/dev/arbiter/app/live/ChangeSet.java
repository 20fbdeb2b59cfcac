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

  private static final ChangeSet EVERYTHING = new ChangeSet(Map.of(), Set.of(), true);

  private final Map<String, Set<String>> idsByTable;
  // Tables announced without an id (a statement-level notice): any of their rows may have changed.
  private final Set<String> everyRow;
  private final boolean resync;

  private ChangeSet(Map<String, Set<String>> idsByTable, Set<String> everyRow, boolean resync) {
    this.idsByTable = idsByTable;
    this.everyRow = everyRow;
    this.resync = resync;
  }

  public static ChangeSet everything() {
    return EVERYTHING;
  }

  public static ChangeSet of(Collection<TableChange> changes) {
    Map<String, Set<String>> ids = new HashMap<>();
    Set<String> everyRow = new HashSet<>();
    for (TableChange c : changes) {
      Set<String> rows = ids.computeIfAbsent(c.table(), t -> new HashSet<>());
      if (c.id() != null) {
        rows.add(c.id());
      } else {
        everyRow.add(c.table());
      }
    }
    ids.replaceAll((table, rows) -> Set.copyOf(rows));
    return new ChangeSet(Map.copyOf(ids), Set.copyOf(everyRow), false);
  }

  /** Both sets in one, for a view that missed several. */
  public ChangeSet plus(ChangeSet other) {
    if (resync || other.resync) {
      return EVERYTHING;
    }
    Map<String, Set<String>> ids = new HashMap<>();
    idsByTable.forEach((t, rows) -> ids.computeIfAbsent(t, k -> new HashSet<>()).addAll(rows));
    other.idsByTable.forEach(
        (t, rows) -> ids.computeIfAbsent(t, k -> new HashSet<>()).addAll(rows));
    ids.replaceAll((table, rows) -> Set.copyOf(rows));
    Set<String> every = new HashSet<>(everyRow);
    every.addAll(other.everyRow);
    return new ChangeSet(Map.copyOf(ids), Set.copyOf(every), false);
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
