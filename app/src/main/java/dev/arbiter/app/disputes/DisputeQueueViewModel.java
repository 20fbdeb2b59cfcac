package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.RefreshGate;
import dev.arbiter.persistence.disputes.PageDirection;
import dev.arbiter.persistence.disputes.QueueCursor;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueuePage;
import dev.arbiter.persistence.disputes.QueueRow;
import dev.arbiter.persistence.disputes.QueueSort;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dispute queue: a bounded window of keyset pages over the whole table. Filters and sorts go to
 * the database; the list never holds more than {@link #WINDOW} rows, and reading on at one end
 * drops rows at the other. Responses to an outdated filter are ignored.
 */
public final class DisputeQueueViewModel {

  /** Where the queue's rows come from (the queue service, or a fake in tests). */
  public interface QueueReader {
    QueuePage page(
        QueueFilter filter, QueueSort sort, QueueCursor cursor, PageDirection direction, int limit);

    long count(QueueFilter filter, int cap);

    List<QueueRow> rows(List<Long> ids, QueueSort sort);
  }

  public static final int PAGE = 50;
  public static final int WINDOW = 150;
  static final int COUNT_CAP = 10_000;

  private final QueueReader reader;
  private final TaskRunner tasks;
  private final Clock clock;
  private final MoneyFormat money;
  private final NumberFormat counts;
  private final QueueFilterForm form = new QueueFilterForm();
  private final QueueWindow window = new QueueWindow(WINDOW);
  private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
  private final ObservableList<QueueItem> itemsView =
      FXCollections.unmodifiableObservableList(items);
  private final ObjectProperty<QueueSort> sort = new SimpleObjectProperty<>(QueueSort.DEFAULT);
  private final ReadOnlyObjectWrapper<QueueFilter> applied =
      new ReadOnlyObjectWrapper<>(QueueFilter.OPEN_CASES);
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Not loaded yet");
  private final RefreshGate live = new RefreshGate(this::liveRefresh);
  private Consumer<Runnable> selectionKeeper = Runnable::run;
  private IntConsumer onShift = shift -> {};
  private Runnable onApplied = () -> {};
  private long generation;
  // Counts changes to the window's extent, so a live re-read that raced a page load is dropped.
  private long moves;
  private String matching = "";

  public DisputeQueueViewModel(QueueReader reader, TaskRunner tasks, Clock clock, Locale locale) {
    this.reader = reader;
    this.tasks = tasks;
    this.clock = clock;
    this.money = new MoneyFormat(locale);
    this.counts = NumberFormat.getIntegerInstance(locale);
  }

  /**
   * Reads the first page for the form's filter and the current sort. With a bad input the message
   * shows in {@link QueueFilterForm#errorProperty()} and the list stays as it was.
   */
  public void apply() {
    QueueFilter filter = form.toFilter();
    if (filter == null) {
      return;
    }
    applied.set(filter);
    long mine = ++generation;
    QueueSort order = sort.get();
    loading.set(true);
    matching = "";
    tasks
        .run(() -> reader.page(filter, order, null, PageDirection.FORWARD, PAGE))
        .onSuccess(
            page -> {
              if (mine != generation) {
                return;
              }
              loading.set(false);
              error.set("");
              window.reset(page);
              moves++;
              items.setAll(format(window.rows()));
              updateSummary();
              onApplied.run();
            })
        .onFailure(failure -> failed(mine, failure));
    tasks
        .run(() -> reader.count(filter, COUNT_CAP))
        .onSuccess(
            count -> {
              if (mine == generation) {
                matching = matchingText(count);
                updateSummary();
              }
            });
  }

  /** Sorts by {@code order} and reads from the top again. */
  public void sortBy(QueueSort order) {
    sort.set(order);
    apply();
  }

  /** Reads the page after the window, if there is one and nothing is loading. */
  public void loadNext() {
    if (loading.get() || !window.moreAfter() || window.last() == null) {
      return;
    }
    long mine = generation;
    QueueFilter filter = applied.get();
    QueueCursor after = window.last().cursor();
    loading.set(true);
    tasks
        .run(() -> reader.page(filter, sort.get(), after, PageDirection.FORWARD, PAGE))
        .onSuccess(
            page -> {
              if (mine != generation) {
                return;
              }
              loading.set(false);
              int dropped = window.append(page);
              moves++;
              // Drop before adding, so the list never holds more than the window, even briefly.
              items.remove(0, dropped);
              items.addAll(format(page.rows()));
              updateSummary();
              onShift.accept(dropped);
            })
        .onFailure(failure -> failed(mine, failure));
  }

  /** Reads the page before the window, if rows were dropped there. */
  public void loadPrevious() {
    if (loading.get() || !window.moreBefore() || window.first() == null) {
      return;
    }
    long mine = generation;
    QueueFilter filter = applied.get();
    QueueCursor before = window.first().cursor();
    loading.set(true);
    tasks
        .run(() -> reader.page(filter, sort.get(), before, PageDirection.BACKWARD, PAGE))
        .onSuccess(
            page -> {
              if (mine != generation) {
                return;
              }
              loading.set(false);
              int added = window.prepend(page);
              moves++;
              int keep = window.rows().size() - added;
              items.remove(keep, items.size());
              items.addAll(0, format(page.rows()));
              updateSummary();
              onShift.accept(-added);
            })
        .onFailure(failure -> failed(mine, failure));
  }

  /** Re-reads the given rows in place, after an action changed them. */
  public void refreshRows(List<Long> ids) {
    long mine = generation;
    QueueSort order = sort.get();
    tasks
        .run(() -> reader.rows(ids, order))
        .onSuccess(
            rows -> {
              if (mine != generation) {
                return;
              }
              for (QueueRow row : rows) {
                int index = window.replace(row);
                if (index >= 0) {
                  items.set(index, QueueItem.of(row, money, clock.instant()));
                }
              }
            });
  }

  /**
   * Disputes changed in the database: reads the rows the list shows again (same filter, sort and
   * place) and updates them in place, with the count. At most one such read runs at a time.
   */
  public void liveChanged() {
    if (generation > 0) {
      live.request();
    }
  }

  private void liveRefresh(Runnable done) {
    long mine = generation;
    long moved = moves;
    QueueFilter filter = applied.get();
    QueueSort order = sort.get();
    QueueCursor from = window.refreshFrom(order.descending());
    int limit = Math.min(WINDOW, Math.max(PAGE, window.rows().size()));
    tasks
        .run(
            () ->
                new Fresh(
                    reader.page(filter, order, from, PageDirection.FORWARD, limit),
                    reader.count(filter, COUNT_CAP)))
        .onSuccess(
            fresh -> {
              if (mine == generation && moved == moves && !loading.get()) {
                publish(fresh);
              } else if (mine == generation) {
                // The agent paged meanwhile: read again from where the window is now.
                live.request();
              }
              done.run();
            })
        .onFailure(
            failure -> {
              // The rows shown stay, said to be out of date until a read succeeds.
              if (mine == generation && !loading.get()) {
                error.set(
                    "The queue could not be brought up to date: " + ErrorText.describe(failure));
              }
              done.run();
            });
  }

  private record Fresh(QueuePage page, long count) {}

  private void publish(Fresh fresh) {
    window.refresh(fresh.page());
    List<QueueItem> rows = format(window.rows());
    selectionKeeper.accept(() -> ListMerge.update(items, rows));
    error.set("");
    matching = matchingText(fresh.count());
    updateSummary();
  }

  /**
   * Wraps every in-place update of the rows, so the view can put the selection back (by dispute id)
   * if the table dropped it for a replaced row.
   */
  public void setSelectionKeeper(Consumer<Runnable> selectionKeeper) {
    this.selectionKeeper = selectionKeeper;
  }

  /** Recomputes the SLA clocks and ages (called every so often while the queue is shown). */
  public void tick() {
    for (int i = 0; i < items.size(); i++) {
      items.set(i, QueueItem.of(items.get(i).row(), money, clock.instant()));
    }
  }

  private void failed(long mine, Throwable failure) {
    if (mine != generation) {
      return;
    }
    loading.set(false);
    error.set(ErrorText.describe(failure));
  }

  private List<QueueItem> format(List<QueueRow> rows) {
    var now = clock.instant();
    return rows.stream().map(r -> QueueItem.of(r, money, now)).toList();
  }

  private String matchingText(long count) {
    return count > COUNT_CAP
        ? counts.format(COUNT_CAP) + "+ matching"
        : counts.format(count) + " matching";
  }

  private void updateSummary() {
    String loaded = counts.format(items.size()) + " loaded";
    summary.set(matching.isEmpty() ? loaded : matching + " · " + loaded);
  }

  /** Called with how far row indices moved: positive when rows were dropped at the top. */
  public void setOnShift(IntConsumer onShift) {
    this.onShift = onShift;
  }

  /** Called after a new filter or sort has loaded its first page. */
  public void setOnApplied(Runnable onApplied) {
    this.onApplied = onApplied;
  }

  public QueueFilterForm form() {
    return form;
  }

  public ObservableList<QueueItem> items() {
    return itemsView;
  }

  public ObjectProperty<QueueSort> sortProperty() {
    return sort;
  }

  /** The filter the list shows (the form may have been edited since). */
  public ReadOnlyObjectProperty<QueueFilter> appliedProperty() {
    return applied.getReadOnlyProperty();
  }

  public boolean moreAfter() {
    return window.moreAfter();
  }

  public boolean moreBefore() {
    return window.moreBefore();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }
}
