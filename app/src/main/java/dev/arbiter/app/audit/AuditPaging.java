package dev.arbiter.app.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the audit table is among the keyset pages of the applied filter, newest first. Going to an
 * older page remembers where each page started, so "newer" can go back without offsets.
 */
final class AuditPaging {

  // starts.get(i) is the keyset (id < start) of page i of the applied filter.
  private final List<Long> starts = new ArrayList<>(List.of(Long.MAX_VALUE));
  private boolean jumped;

  /** Back to the newest page (a new filter). */
  void reset() {
    starts.clear();
    starts.add(Long.MAX_VALUE);
    jumped = false;
  }

  /** The page that starts at entry {@code id}; "newer" then leads back to the newest page. */
  void jumpTo(long id) {
    reset();
    starts.add(id + 1);
    jumped = true;
  }

  /** The page after this one, which starts below {@code lastId}, the oldest entry shown. */
  void older(long lastId) {
    starts.add(lastId);
  }

  /** The page before this one; false when this is the first page. */
  boolean newer() {
    if (starts.size() < 2) {
      return false;
    }
    starts.remove(starts.size() - 1);
    return true;
  }

  /** The current page holds the entries with ids below this. */
  long before() {
    return starts.get(starts.size() - 1);
  }

  /** The current page's number, 0 for the first. */
  int index() {
    return starts.size() - 1;
  }

  /** Whether the newest entries are shown, so new ones belong on this page. */
  boolean onNewest() {
    return starts.size() == 1 && !jumped;
  }

  /** Which entries page {@code pageIndex} shows, for the line under the table. */
  String position(int pageIndex, List<AuditViewModel.Row> rows, boolean hasOlder) {
    if (rows.isEmpty()) {
      return pageIndex == 0 ? "No entries match" : "No more entries";
    }
    if (jumped && pageIndex > 0) {
      // Reached by jumpTo: how many entries are newer is not known, the ids are.
      return "Entries #"
          + rows.get(0).id()
          + " to #"
          + rows.get(rows.size() - 1).id()
          + " · newest first";
    }
    long first = (long) pageIndex * AuditViewModel.PAGE_SIZE + 1;
    return "Entries "
        + first
        + "–"
        + (first + rows.size() - 1)
        + (hasOlder ? " of more" : "")
        + " · newest first";
  }
}
