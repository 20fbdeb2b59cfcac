package dev.arbiter.app.disputes;

import dev.arbiter.persistence.disputes.QueueCursor;
import dev.arbiter.persistence.disputes.QueuePage;
import dev.arbiter.persistence.disputes.QueueRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The slice of the queue the console holds: a few pages at most, whatever the table's size. Reading
 * on at either end drops as many rows from the other end, so memory stays bounded while the agent
 * scrolls through a million disputes.
 */
public final class QueueWindow {

  private final int capacity;
  private final List<QueueRow> rows = new ArrayList<>();
  private boolean moreBefore;
  private boolean moreAfter;

  public QueueWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** Starts again from the first page. */
  public void reset(QueuePage first) {
    rows.clear();
    rows.addAll(first.rows());
    moreBefore = false;
    moreAfter = first.more();
    trimEnd();
  }

  /**
   * Adds the page that follows the window and returns how many rows were dropped at the top (the
   * index of every row left moved up by that much).
   */
  public int append(QueuePage next) {
    rows.addAll(next.rows());
    moreAfter = next.more();
    int dropped = Math.max(0, rows.size() - capacity);
    if (dropped > 0) {
      rows.subList(0, dropped).clear();
      moreBefore = true;
    }
    return dropped;
  }

  /** Adds the page before the window and returns how many rows it added at the top. */
  public int prepend(QueuePage previous) {
    rows.addAll(0, previous.rows());
    moreBefore = previous.more();
    if (rows.size() > capacity) {
      rows.subList(capacity, rows.size()).clear();
      moreAfter = true;
    }
    return previous.rows().size();
  }

  private void trimEnd() {
    if (rows.size() > capacity) {
      rows.subList(capacity, rows.size()).clear();
      moreAfter = true;
    }
  }

  /**
   * Replaces the rows with {@code fresh}, read again from the window's first row on (a live
   * update): the window keeps its place, and whether more follow is what the fresh read says.
   */
  public void refresh(QueuePage fresh) {
    rows.clear();
    rows.addAll(fresh.rows());
    moreAfter = fresh.more();
    trimEnd();
  }

  /**
   * Where a live re-read of the window starts: just before its first row (so that row is read
   * again), or null when the window starts at the top of the queue.
   */
  public QueueCursor refreshFrom(boolean descending) {
    QueueRow top = first();
    if (!moreBefore || top == null) {
      return null;
    }
    QueueCursor at = top.cursor();
    // Pages start strictly after the cursor, ordered by (sort value, id) in one direction: a cursor
    // one id "before" the first row includes it.
    return new QueueCursor(at.key(), at.value(), descending ? at.id() + 1 : at.id() - 1);
  }

  /** Replaces one row (after an action changed it) if the window holds it. */
  public int replace(QueueRow row) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).id() == row.id()) {
        rows.set(i, row);
        return i;
      }
    }
    return -1;
  }

  public List<QueueRow> rows() {
    return Collections.unmodifiableList(rows);
  }

  public QueueRow first() {
    return rows.isEmpty() ? null : rows.get(0);
  }

  public QueueRow last() {
    return rows.isEmpty() ? null : rows.get(rows.size() - 1);
  }

  public boolean moreBefore() {
    return moreBefore;
  }

  public boolean moreAfter() {
    return moreAfter;
  }

  public int capacity() {
    return capacity;
  }
}
