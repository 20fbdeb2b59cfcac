package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.PagedList;
import dev.arbiter.app.common.TaskKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.persistence.disputes.LiveChangeJudge;
import dev.arbiter.persistence.disputes.LiveChangeJudge.Kind;
import dev.arbiter.persistence.disputes.LiveChangeJudge.Verdict;
import dev.arbiter.persistence.disputes.PageDirection;
import dev.arbiter.persistence.disputes.QueueCursor;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueuePage;
import dev.arbiter.persistence.disputes.QueueRow;
import dev.arbiter.persistence.disputes.QueueSort;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The dispute queue: a bounded window of keyset pages over the whole table. Filters and sorts go to
 * the database; the list never holds more than {@link #WINDOW} rows, and reading on at one end
 * drops rows at the other. Only the latest read is shown ({@link PagedList}).
 */
public final class DisputeQueueViewModel {

  /** What the queue reads; the area implements it over the persistence services. */
  public interface Port {
    QueuePage page(
        QueueFilter filter, QueueSort sort, QueueCursor cursor, PageDirection direction, int limit);

    long count(QueueFilter filter, int cap);

    List<QueueRow> rows(List<Long> ids, QueueSort sort);

    /** Those of {@code ids} that match {@code filter} now, in no order. */
    List<QueueRow> matching(List<Long> ids, QueueFilter filter, QueueSort sort);
  }

  private static final String TABLE = "disputes";

  public static final int PAGE = 50;
  public static final int WINDOW = 150;
  static final int COUNT_CAP = 10_000;

  /**
   * How often at most a live change re-counts the matches when none entered or left the window: the
   * count is a label, and counting a large filter costs more than the rest of a refresh.
   */
  static final Duration COUNT_EVERY = Duration.ofSeconds(2);

  private final Port port;
  private final TaskRunner tasks;
  private final Clock clock;
  private final MoneyFormat money;
  private final NumberFormat counts;
  private final QueueFilterViewModel form = new QueueFilterViewModel();
  private final QueueWindow window = new QueueWindow(WINDOW);
  private final PagedList<QueueItem, Long> list;
  private final TaskKey counting = new TaskKey();
  private final ObjectProperty<QueueSort> sort = new SimpleObjectProperty<>(QueueSort.DEFAULT);
  private final ReadOnlyObjectWrapper<QueueFilter> applied =
      new ReadOnlyObjectWrapper<>(QueueFilter.OPEN_CASES);
  private final LiveChanges pending = new LiveChanges();
  private Instant counted = Instant.MIN;
  private IntConsumer onShift = shift -> {};
  private Runnable onApplied = () -> {};
  private String matching = "";

  public DisputeQueueViewModel(Port port, TaskRunner tasks, Clock clock, Locale locale) {
    this.port = port;
    this.tasks = tasks;
    this.clock = clock;
    this.money = new MoneyFormat(locale);
    this.counts = NumberFormat.getIntegerInstance(locale);
    this.list =
        new PagedList<QueueItem, Long>(tasks, QueueItem::id, "Not loaded yet")
            .describeFailures(
                ErrorText::describe,
                f -> "The queue could not be brought up to date: " + ErrorText.describe(f));
    list.followLive(this::liveRead, this::publish);
  }

  /**
   * Reads the first page for the form's filter and the current sort. With a bad input the message
   * shows in {@link QueueFilterViewModel#errorProperty()} and the list stays as it was.
   */
  public void apply() {
    QueueFilter filter = form.toFilter();
    if (filter == null) {
      return;
    }
    applied.set(filter);
    QueueSort order = sort.get();
    matching = "";
    list.read(
        () -> port.page(filter, order, null, PageDirection.FORWARD, PAGE),
        page -> {
          window.reset(page);
          list.replace(format(window.rows()));
          updateSummary();
          onApplied.run();
        });
    tasks
        .runLatest(counting, () -> port.count(filter, COUNT_CAP))
        .onSuccess(
            count -> {
              counted = clock.instant();
              matching = matchingText(count);
              updateSummary();
            });
  }

  /** Sorts by {@code order} and reads from the top again. */
  public void sortBy(QueueSort order) {
    sort.set(order);
    apply();
  }

  /** Reads the page after the window, if there is one and nothing is loading. */
  public void loadNext() {
    if (window.moreAfter() && window.last() != null) {
      readBeside(
          window.last().cursor(),
          PageDirection.FORWARD,
          page -> {
            int dropped = window.append(page);
            // Drop before adding, so the list never holds more than the window, even briefly.
            list.rows().remove(0, dropped);
            list.rows().addAll(format(page.rows()));
            return dropped;
          });
    }
  }

  /** Reads the page before the window, if rows were dropped there. */
  public void loadPrevious() {
    if (window.moreBefore() && window.first() != null) {
      readBeside(
          window.first().cursor(),
          PageDirection.BACKWARD,
          page -> {
            int added = window.prepend(page);
            int keep = window.rows().size() - added;
            list.rows().remove(keep, list.rows().size());
            list.rows().addAll(0, format(page.rows()));
            return -added;
          });
    }
  }

  // Reads the page beside the window; show puts it in and says how far the rows' indices moved.
  private void readBeside(
      QueueCursor from, PageDirection direction, ToIntFunction<QueuePage> show) {
    if (list.loadingProperty().get()) {
      return;
    }
    QueueFilter filter = applied.get();
    QueueSort order = sort.get();
    list.read(
        () -> port.page(filter, order, from, direction, PAGE),
        page -> {
          int shift = show.applyAsInt(page);
          updateSummary();
          onShift.accept(shift);
        });
  }

  /**
   * Re-reads the given rows in place, after an action changed them. A row the window no longer
   * holds (another filter was applied meanwhile) is left out.
   */
  public void refreshRows(List<Long> ids) {
    QueueSort order = sort.get();
    tasks
        .run(() -> port.rows(ids, order))
        .onSuccess(
            rows -> {
              for (QueueRow row : rows) {
                int index = window.replace(row);
                if (index >= 0) {
                  list.rows().set(index, QueueItem.of(row, money, clock.instant()));
                }
              }
            });
  }

  /** Anything may have changed (a reconnect): reads the window again, with the count. */
  public void liveChanged() {
    pending.addEverything();
    list.changed();
  }

  /**
   * Disputes changed in the database. A refresh costs what changed: the changed disputes are looked
   * up by id, and the window (same filter, sort and place) is read again only when one of them
   * entered, left or moved within it; rows that only changed are put in place, and a change
   * elsewhere reads nothing more. The count follows when the window's membership changed, else at
   * most every {@link #COUNT_EVERY}. At most one such read runs at a time.
   */
  public void liveChanged(ChangeSet changes) {
    if (changes.resync() || changes.everyRow(TABLE)) {
      liveChanged();
      return;
    }
    Set<String> ids = changes.ids(TABLE);
    if (ids.isEmpty()) {
      return;
    }
    pending.add(ids.stream().map(Long::valueOf).toList());
    list.changed();
  }

  private Callable<Fresh> liveRead() {
    QueueFilter filter = applied.get();
    QueueSort order = sort.get();
    QueueCursor from = window.refreshFrom(order.descending());
    int limit = Math.min(WINDOW, Math.max(PAGE, window.rows().size()));
    LiveChangeJudge.Window shown =
        new LiveChangeJudge.Window(
            List.copyOf(window.rows()),
            window.moreBefore(),
            window.moreAfter(),
            order.descending());
    LiveChanges.Look look = pending.look();
    Optional<List<Long>> changed = look.changed();
    boolean anything = changed.map(ids -> !ids.isEmpty()).orElse(true);
    boolean countDue = anything && !clock.instant().isBefore(counted.plus(COUNT_EVERY));
    return () -> {
      // Empty: anything may have changed (a reconnect).
      Verdict verdict =
          changed
              .map(ids -> ids.isEmpty() ? Verdict.NOTHING : judge(shown, ids, filter, order))
              .orElse(Verdict.REREAD);
      QueuePage page =
          verdict.kind() == Kind.REREAD
              ? port.page(filter, order, from, PageDirection.FORWARD, limit)
              : null;
      OptionalLong count =
          page != null || countDue
              ? OptionalLong.of(port.count(filter, COUNT_CAP))
              : OptionalLong.empty();
      return new Fresh(look, verdict, page, count);
    };
  }

  private Verdict judge(
      LiveChangeJudge.Window shown, List<Long> ids, QueueFilter filter, QueueSort order) {
    return LiveChangeJudge.judge(shown, ids, port.matching(ids, filter, order));
  }

  private record Fresh(
      LiveChanges.Look look, Verdict verdict, QueuePage page, OptionalLong count) {}

  private void publish(Fresh fresh) {
    pending.shown(fresh.look());
    if (fresh.page() != null) {
      window.refresh(fresh.page());
      list.merge(format(window.rows()));
    } else {
      for (QueueRow row : fresh.verdict().rows()) {
        int index = window.replace(row);
        if (index >= 0) {
          list.rows().set(index, QueueItem.of(row, money, clock.instant()));
        }
      }
    }
    if (fresh.count().isPresent()) {
      counted = clock.instant();
      matching = matchingText(fresh.count().getAsLong());
    }
    updateSummary();
  }

  /** Recomputes the SLA clocks and ages (called every so often while the queue is shown). */
  public void tick() {
    List<QueueItem> items = list.rows();
    for (int i = 0; i < items.size(); i++) {
      items.set(i, QueueItem.of(items.get(i).row(), money, clock.instant()));
    }
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
    String loaded = counts.format(list.rows().size()) + " loaded";
    list.setSummary(matching.isEmpty() ? loaded : matching + " · " + loaded);
    list.setHasMore(window.moreAfter());
  }

  /** Called with how far row indices moved: positive when rows were dropped at the top. */
  public void setOnShift(IntConsumer onShift) {
    this.onShift = onShift;
  }

  /** Called after a new filter or sort has loaded its first page. */
  public void setOnApplied(Runnable onApplied) {
    this.onApplied = onApplied;
  }

  public QueueFilterViewModel form() {
    return form;
  }

  public ObservableList<QueueItem> items() {
    return list.rows();
  }

  /** Loading, error and summary, and the selection keeper for the table. */
  public PagedList<QueueItem, Long> list() {
    return list;
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
}
