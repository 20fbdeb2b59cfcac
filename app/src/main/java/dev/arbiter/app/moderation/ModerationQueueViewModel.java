package dev.arbiter.app.moderation;

import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.RefreshGate;
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
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The grouped flag queue: filters and sort (applied in SQL), keyset pages appended as the moderator
 * moves down, and the selected row. Next/previous move the selection and fetch the next page when
 * the end of the loaded rows is reached. Changes in the database re-read the loaded rows in place
 * ({@link #changed}), keeping the selection and the scroll position.
 */
public final class ModerationQueueViewModel {

  static final int PAGE_SIZE = 50;

  private final ModerationGateway gateway;
  private final TaskRunner tasks;

  private final ObjectProperty<FlagStatus> status = new SimpleObjectProperty<>(FlagStatus.OPEN);
  private final ObjectProperty<FlaggedEntityType> type = new SimpleObjectProperty<>();
  private final ObjectProperty<FlagReason> reason = new SimpleObjectProperty<>();
  private final ObjectProperty<Severity> minSeverity = new SimpleObjectProperty<>();
  private final ObjectProperty<ClaimFilter> claim = new SimpleObjectProperty<>(ClaimFilter.ANY);
  private final ObjectProperty<AgeFilter> age = new SimpleObjectProperty<>(AgeFilter.ANY);
  private final ObjectProperty<QueueSort> sort = new SimpleObjectProperty<>(QueueSort.PRIORITY);
  private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
  private final ObservableList<QueueRow> rowsView = FXCollections.unmodifiableObservableList(rows);
  private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
  private final ReadOnlyObjectWrapper<QueueRow> selected = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Not loaded yet");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final RefreshGate live = new RefreshGate(this::requery);
  private QueueCursor next;
  private long generation;
  private long pages;
  private boolean applying;
  private boolean applyingLive;
  // Where the selected item stood when a live update took it out of the queue: J goes on there.
  private int gap = -1;
  private Consumer<Runnable> selectionKeeper = Runnable::run;

  public ModerationQueueViewModel(ModerationGateway gateway, TaskRunner tasks) {
    this.gateway = gateway;
    this.tasks = tasks;
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
    long mine = ++generation;
    gap = -1;
    loading.set(true);
    tasks
        .run(() -> new Loaded(gateway.page(filter, order, null, PAGE_SIZE), gateway.count(filter)))
        .onSuccess(
            loaded -> {
              if (mine != generation) {
                return;
              }
              loading.set(false);
              error.set("");
              applying = true;
              rows.setAll(loaded.page().rows());
              next = loaded.page().next();
              hasMore.set(next != null);
              summary.set(loaded.count() + (loaded.count() == 1 ? " item" : " items"));
              reselect(keep, keepIndex);
            })
        .onFailure(failure -> failed(mine, failure));
  }

  private record Loaded(QueuePage page, long count) {}

  private void reselect(ItemKey keep, int keepIndex) {
    int index = -1;
    for (int i = 0; i < rows.size() && keep != null; i++) {
      if (rows.get(i).key().equals(keep)) {
        index = i;
      }
    }
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
    if (next == null || loading.get()) {
      return;
    }
    QueueCursor cursor = next;
    QueueFilter filter = filter();
    QueueSort order = sort.get();
    long mine = generation;
    loading.set(true);
    tasks
        .run(() -> gateway.page(filter, order, cursor, PAGE_SIZE))
        .onSuccess(
            page -> {
              if (mine != generation) {
                return;
              }
              loading.set(false);
              pages++;
              applying = true;
              rows.addAll(page.rows());
              applying = false;
              next = page.next();
              hasMore.set(next != null);
            })
        .onFailure(failure -> failed(mine, failure));
  }

  private void failed(long mine, Throwable failure) {
    if (mine == generation) {
      loading.set(false);
      error.set(Refusals.describe(failure));
    }
  }

  /**
   * Rows, or the item shown, changed in the database: re-reads the loaded rows when {@code changes}
   * concern the queue. At most one re-read runs at a time. FX thread.
   */
  public void changed(ChangeSet changes) {
    if (changes.touches(LiveTables.ITEMS, "moderation_flags")
        || rows.stream().anyMatch(r -> LiveTables.touches(changes, r))) {
      live.request();
    }
  }

  // Re-reads as many rows as are loaded (at least a page) and merges them in place.
  private void requery(Runnable done) {
    QueueFilter filter = filter();
    QueueSort order = sort.get();
    int limit = Math.max(PAGE_SIZE, rows.size());
    long mine = generation;
    long pagesAtStart = pages;
    tasks
        .run(() -> new Loaded(gateway.page(filter, order, null, limit), gateway.count(filter)))
        .onSuccess(
            loaded -> {
              done.run();
              if (mine != generation || loading.get()) {
                return; // a filter change or a user's refresh reads afresh anyway
              }
              if (pagesAtStart != pages) {
                live.request(); // a page was appended meanwhile: read again, including it
                return;
              }
              applyLive(loaded);
            })
        .onFailure(
            failure -> {
              done.run();
              if (mine == generation) {
                error.set(Refusals.describe(failure));
              }
            });
  }

  private void applyLive(Loaded loaded) {
    QueueRow keep = selected.get();
    int was = selectedIndex.get();
    applyingLive = true;
    applying = true;
    try {
      selectionKeeper.accept(() -> ListMerge.update(rows, loaded.page().rows()));
      next = loaded.page().next();
      hasMore.set(next != null);
      summary.set(loaded.count() + (loaded.count() == 1 ? " item" : " items"));
      error.set("");
      int index = keep == null ? -1 : indexOf(keep.key());
      if (index >= 0) {
        selectedIndex.set(index);
        applying = false;
        selected.set(rows.get(index));
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
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Wraps every live merge of the rows, so the table can put a multiple selection back by item: a
   * merge replaces changed rows, and a table drops a replaced row from its selection.
   */
  void setSelectionKeeper(Consumer<Runnable> selectionKeeper) {
    this.selectionKeeper = selectionKeeper;
  }

  /** True while a live update re-selects rows; the table then keeps its scroll position. */
  boolean applyingLive() {
    return applyingLive;
  }

  /** Selects the next row, loading the next page when the last loaded row is selected. */
  public void selectNext() {
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
    return rowsView;
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

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasMoreProperty() {
    return hasMore.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
