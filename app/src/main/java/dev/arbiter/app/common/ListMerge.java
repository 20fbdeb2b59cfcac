package dev.arbiter.app.common;

import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableList;

/**
 * Brings a list a table shows up to date in place: rows that did not change are left alone, a
 * changed row is replaced where it stands, and only the tail grows or shrinks. Unlike {@code
 * setAll}, this keeps the table's scroll position and does not flash the whole table; callers
 * restore the selection by key afterwards.
 */
public final class ListMerge {

  private ListMerge() {}

  /** Makes {@code shown} equal to {@code fresh}; returns whether anything changed. */
  public static <T> boolean update(ObservableList<T> shown, List<? extends T> fresh) {
    boolean changed = false;
    int common = Math.min(shown.size(), fresh.size());
    for (int i = 0; i < common; i++) {
      T now = fresh.get(i);
      if (!Objects.equals(shown.get(i), now)) {
        shown.set(i, now);
        changed = true;
      }
    }
    if (shown.size() > fresh.size()) {
      shown.remove(fresh.size(), shown.size());
      changed = true;
    } else if (fresh.size() > shown.size()) {
      shown.addAll(fresh.subList(shown.size(), fresh.size()));
      changed = true;
    }
    return changed;
  }
}
