package dev.arbiter.persistence.disputes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a live change costs the queue: nothing, the changed rows put in place, or a re-read
 * of the window. Judged from the changed disputes that match the filter now (one lookup each) and
 * the window as it was, so that a change elsewhere in a large queue reads no page at all. The
 * console's queue ({@code DisputeQueueViewModel}) and the headless consoles of {@code bench --only
 * consoles} judge with it.
 */
public final class LiveChangeJudge {

  /** What to do. {@code rows} are the rows to put in place for {@link Kind#IN_PLACE}. */
  public record Verdict(Kind kind, List<QueueRow> rows) {
    public static final Verdict NOTHING = new Verdict(Kind.NOTHING, List.of());
    public static final Verdict REREAD = new Verdict(Kind.REREAD, List.of());
  }

  public enum Kind {
    /** No changed row is on screen or belongs there. */
    NOTHING,
    /** Rows on screen changed without moving: replace them where they are. */
    IN_PLACE,
    /** A row entered, left or moved within the window: read the window again. */
    REREAD
  }

  /** The window as the judge needs it: its rows in display order and whether more lie beyond. */
  public record Window(
      List<QueueRow> rows, boolean moreBefore, boolean moreAfter, boolean descending) {}

  private LiveChangeJudge() {}

  public static Verdict judge(Window window, Collection<Long> changed, List<QueueRow> matching) {
    Map<Long, QueueRow> shown = new HashMap<>();
    for (QueueRow row : window.rows()) {
      shown.put(row.id(), row);
    }
    Map<Long, QueueRow> now = new HashMap<>();
    for (QueueRow row : matching) {
      now.put(row.id(), row);
    }
    List<QueueRow> inPlace = new ArrayList<>();
    for (long id : Set.copyOf(changed)) {
      QueueRow was = shown.get(id);
      QueueRow is = now.get(id);
      if (was != null) {
        // On screen: it left the filter, or its sort value moved it, or it only changed.
        if (is == null || !is.cursor().value().equals(was.cursor().value())) {
          return Verdict.REREAD;
        }
        inPlace.add(is);
      } else if (is != null && belongsInWindow(window, is.cursor())) {
        return Verdict.REREAD;
      }
    }
    return inPlace.isEmpty() ? Verdict.NOTHING : new Verdict(Kind.IN_PLACE, inPlace);
  }

  // Whether a row not on screen now sorts into the window: between its first and last rows, or past
  // an end the window reaches (the top of the queue, or its bottom).
  private static boolean belongsInWindow(Window window, QueueCursor at) {
    if (window.rows().isEmpty()) {
      return true;
    }
    if (at.value() instanceof String) {
      // Text sorts follow the database's collation, which Java's order need not match.
      return true;
    }
    QueueCursor first = window.rows().get(0).cursor();
    QueueCursor last = window.rows().get(window.rows().size() - 1).cursor();
    if (compare(at, first, window.descending()) < 0) {
      return !window.moreBefore();
    }
    if (compare(at, last, window.descending()) > 0) {
      return !window.moreAfter();
    }
    return true;
  }

  /** Queue order: by sort value, then id, both reversed for a descending sort (as QueueSql). */
  @SuppressWarnings("unchecked")
  static int compare(QueueCursor a, QueueCursor b, boolean descending) {
    int byValue = ((Comparable<Object>) a.value()).compareTo(b.value());
    int order = byValue != 0 ? byValue : Long.compare(a.id(), b.id());
    return descending ? -order : order;
  }
}
