package dev.arbiter.app.moderation;

import dev.arbiter.app.common.PagedList;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.model.moderation.FlagReason;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.model.moderation.Severity;
import dev.arbiter.persistence.moderation.ClaimFilter;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.QueueCursor;
import dev.arbiter.persistence.moderation.QueueFilter;
import dev.arbiter.persistence.moderation.QueuePage;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.moderation.QueueSort;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The grouped flag queue: filters and sort (applied in SQL), keyset pages appended as the moderator
 * moves down, and the selected row. Next/previous move the selection and fetch the next page when
 * the end of the loaded rows is reached. Changes in the database re-read the loaded rows in place
 * ({@link #changed}), keeping the selection and the scroll position.
 */
public final class ModerationQueueViewModel {

  /** What the queue reads; the area implements it over the persistence services. */
  public interface Port {
    QueuePage page(QueueFilter filter, QueueSort sort, QueueCursor cursor, int limit);

    long count(QueueFilter filter);
  }

  static final int PAGE_SIZE = 50;

  private final Port port;
  private final PagedList<QueueRow, ItemKey> list;

  private final ObjectProperty<FlagStatus> status = new SimpleObjectProperty<>(FlagStatus.OPEN);
  private final ObjectProperty<FlaggedEntityType> type = new SimpleObjectProperty<>();
  private final ObjectProperty<FlagReason> reason = new SimpleObjectProperty<>();
  private final ObjectProperty<Severity> minSeverity = new SimpleObjectProperty<>();
  private final ObjectProperty<ClaimFilter> claim = new SimpleObjectProperty<>(ClaimFilter.ANY);
  private final ObjectProperty<AgeFilter> age = new SimpleObjectProperty<>(AgeFilter.ANY);
  private final ObjectProperty<QueueSort> sort = new SimpleObjectProperty<>(QueueSort.PRIORITY);
  private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
  private final ReadOnlyObjectWrapper<QueueRow> selected = new ReadOnlyObjectWrapper<>();
  private QueueCursor next;
  private boolean applying;
  private boolean applyingLive;
  // Where the selected item stood when a live update took it out of the queue: J goes on there.
  private int gap = -1;

  public ModerationQueueViewModel(Port port, TaskRunner tasks) {
    this.port = port;
    this.list =
        new PagedList<QueueRow, ItemKey>(tasks, QueueRow::key, "Not loaded yet")
            .describeFailures(
                Refusals::describe,
                f -> "The queue could not be brought up to date: " + Refusals.describe(f));
    list.followLive(this::liveRead, this::applyLive);
    selectedIndex.addListener(
        (obs, old, index) -> {
          // While rows are replaced the table moves its selection about; only the final one counts.
          if (!applying) {
            selected.set(rowAt(index.intValue()));
          }
        });
    for (ObjectProperty<?> p : List.of(status, type, reason, minSeverity, claim, age)) {
      p.addListener((obs, old, value) -> refresh());
    }
    sort.addListener((obs, old, value) -> refresh());
  }

  private QueueRow rowAt(int index) {
    List<QueueRow> rows = list.rows();
    return index >= 0 && index < rows.size() ? rows.get(index) : null;
  }

  /** The filter the queue shows, as the persistence layer takes it. */
  public QueueFilter filter() {
    return new QueueFilter(
        status.get(), type.get(), reason.get(), minSeverity.get(), claim.get(), age.get().minAge());
  }

  /** Reloads from the first page, keeping the selection on the same item when it is still there. */
  public void refresh() {
    ItemKey keep = selected.get() == null ? null : selected.get().key();
    int keepIndex = selectedIndex.get();
    QueueFilter filter = filter();
    QueueSort order = sort.get();
    gap = -1;
    list.read(
        () -> new Loaded(port.page(filter, order, null, PAGE_SIZE), port.count(filter)),
        loaded -> {
          applying = true;
          list.replace(loaded.page().rows());
          show(loaded);
          reselect(keep, keepIndex);
        });
  }

  private record Loaded(QueuePage page, long count) {}

  private void show(Loaded loaded) {
    next = loaded.page().next();
    list.setHasMore(next != null);
    list.setSummary(loaded.count() + (loaded.count() == 1 ? " item" : " items"));
  }

  private void reselect(ItemKey keep, int keepIndex) {
    List<QueueRow> rows = list.rows();
    int index = keep == null ? -1 : indexOf(keep);
    if (index < 0 && !rows.isEmpty()) {
      // The item left the queue (decided): the one that took its place is next in line.
      index = Math.max(0, Math.min(keepIndex, rows.size() - 1));
    }
    // -1 first, so that the table re-selects even when the index is unchanged.
    selectedIndex.set(-1);
    applying = false;
    selectedIndex.set(index);
    selected.set(rowAt(index));
  }

  /** Appends the next page; ignored when there is none or a load is running. */
  public void loadMore() {
    if (next == null || list.loadingProperty().get()) {
      return;
    }
    QueueCursor cursor = next;
    QueueFilter filter = filter();
    QueueSort order = sort.get();
    list.read(
        () -> port.page(filter, order, cursor, PAGE_SIZE),
        page -> {
          applying = true;
          list.append(page.rows());
          applying = false;
          next = page.next();
          list.setHasMore(next != null);
        });
  }

  /**
   * Rows, or the item shown, changed in the database: re-reads the loaded rows when {@code changes}
   * concern the queue. At most one re-read runs at a time. FX thread.
   */
  public void changed(ChangeSet changes) {
    if (changes.touches(LiveTables.ITEMS, "moderation_flags")
        || list.rows().stream().anyMatch(r -> LiveTables.touches(changes, r))) {
      list.changed();
    }
  }

  // Re-reads as many rows as are loaded (at least a page), to merge them in place.
  private Callable<Loaded> liveRead() {
    QueueFilter filter = filter();
    QueueSort order = sort.get();
    int limit = Math.max(PAGE_SIZE, list.rows().size());
    return () -> new Loaded(port.page(filter, order, null, limit), port.count(filter));
  }

  private void applyLive(Loaded loaded) {
    QueueRow keep = selected.get();
    int was = selectedIndex.get();
    applyingLive = true;
    applying = true;
    try {
      list.merge(loaded.page().rows());
      show(loaded);
      int index = keep == null ? -1 : indexOf(keep.key());
      if (index >= 0) {
        selectedIndex.set(index);
        applying = false;
        selected.set(list.rows().get(index));
      } else if (keep != null) {
        // The item left the queue (decided elsewhere): the item view keeps showing it, so the
        // moderator sees what happened; the table just has no selection until J / K.
        if (was >= 0) {
          gap = was;
        }
        selectedIndex.set(-1);
      }
    } finally {
      applying = false;
      applyingLive = false;
    }
  }

  private int indexOf(ItemKey key) {
    List<QueueRow> rows = list.rows();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** True while a live update re-selects rows; the table then keeps its scroll position. */
  boolean applyingLive() {
    return applyingLive;
  }

  /** Selects the next row, loading the next page when the last loaded row is selected. */
  public void selectNext() {
    List<QueueRow> rows = list.rows();
    if (selectedIndex.get() < 0 && gap >= 0 && !rows.isEmpty()) {
      int index = Math.min(gap, rows.size() - 1);
      gap = -1;
      selectedIndex.set(index);
      return;
    }
    int index = selectedIndex.get();
    if (index + 1 < rows.size()) {
      selectedIndex.set(index + 1);
    }
    if (index + 2 >= rows.size()) {
      loadMore();
    }
  }

  public void selectPrevious() {
    if (selectedIndex.get() > 0) {
      selectedIndex.set(selectedIndex.get() - 1);
    }
  }

  public ObservableList<QueueRow> rows() {
    return list.rows();
  }

  /** Loading, more rows, error and summary, and the selection keeper for the table. */
  public PagedList<QueueRow, ItemKey> list() {
    return list;
  }

  public IntegerProperty selectedIndexProperty() {
    return selectedIndex;
  }

  public ReadOnlyObjectProperty<QueueRow> selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  public ObjectProperty<FlagStatus> statusProperty() {
    return status;
  }

  public ObjectProperty<FlaggedEntityType> typeProperty() {
    return type;
  }

  public ObjectProperty<FlagReason> reasonProperty() {
    return reason;
  }

  public ObjectProperty<Severity> minSeverityProperty() {
    return minSeverity;
  }

  public ObjectProperty<ClaimFilter> claimProperty() {
    return claim;
  }

  public ObjectProperty<AgeFilter> ageProperty() {
    return age;
  }

  public ObjectProperty<QueueSort> sortProperty() {
    return sort;
  }
}
