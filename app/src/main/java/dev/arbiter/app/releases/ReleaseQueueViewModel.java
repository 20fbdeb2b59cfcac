package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.escrow.ReleaseQueuePage;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Cursor;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Sort;
import dev.arbiter.persistence.escrow.ReleaseQueueRow;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The release queue: filters and order chosen here are applied by the database, and pages are
 * fetched by keyset as the reviewer scrolls ("Load more"), never the whole table at once.
 */
public final class ReleaseQueueViewModel {

  /** Reads one page; called off the FX thread. */
  @FunctionalInterface
  public interface PageSource {
    ReleaseQueuePage page(ReleaseQueueQuery query);
  }

  /** The statuses a reviewer filters by, as words. */
  public enum StatusFilter {
    ALL_OPEN("All open", List.of()),
    SUBMITTED("Submitted", List.of("submitted")),
    APPROVED("Approved", List.of("approved")),
    ON_HOLD("On hold", List.of("on_hold"));

    private final String title;
    private final List<String> statuses;

    StatusFilter(String title, List<String> statuses) {
      this.title = title;
      this.statuses = statuses;
    }

    @Override
    public String toString() {
      return title;
    }
  }

  /** One queue row as shown. */
  public record QueueItem(
      long checkpointId,
      String reference,
      String label,
      String payee,
      String amount,
      String status,
      List<Badge> badges,
      boolean releasable) {}

  static final int PAGE_SIZE = 50;
  // A live re-read covers what the reviewer scrolled through, up to the largest page there is.
  private static final int MAX_LIVE_ROWS = 500;
  private static final String OUT_OF_DATE = "The queue could not be brought up to date: ";

  private final PageSource source;
  private final TaskRunner tasks;
  private final MoneyFormat money;
  private final Clock clock;
  private final StringProperty search = new SimpleStringProperty("");
  private final StringProperty currency = new SimpleStringProperty("");
  private final ObjectProperty<StatusFilter> status =
      new SimpleObjectProperty<>(StatusFilter.ALL_OPEN);
  private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(Sort.OVERDUE_FIRST);
  private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Not loaded yet");
  private Optional<Cursor> next = Optional.empty();
  private ReleaseQueueQuery shown;
  private Consumer<Runnable> selectionKeeper = Runnable::run;
  private int generation;

  public ReleaseQueueViewModel(PageSource source, TaskRunner tasks, Locale locale, Clock clock) {
    this.source = source;
    this.tasks = tasks;
    this.money = new MoneyFormat(locale);
    this.clock = clock;
  }

  /** The query the filters describe, from the first page. */
  public ReleaseQueueQuery query() {
    return new ReleaseQueueQuery(
        status.get().statuses,
        currency.get().isBlank() ? null : currency.get(),
        search.get().isBlank() ? null : search.get(),
        sort.get(),
        Optional.empty(),
        PAGE_SIZE);
  }

  /** Loads the first page for the current filters, replacing what is shown. */
  public void reload() {
    ReleaseQueueQuery query = query();
    int mine = ++generation;
    loading.set(true);
    tasks
        .run(() -> source.page(query))
        .onSuccess(
            page -> {
              if (mine != generation) {
                return;
              }
              shown = query;
              items.setAll(page.rows().stream().map(this::item).toList());
              done(page);
            })
        .onFailure(failure -> failed(mine, failure));
  }

  /**
   * Re-reads what is shown after the change feed reported changes: the same filters, as many rows
   * as are loaded now, merged in place so the table keeps its scroll position and unchanged rows.
   * {@code done} runs when the read has finished, either way. A reload started by the reviewer in
   * the meantime wins.
   */
  public void refreshLive(Runnable done) {
    if (shown == null) {
      done.run();
      return;
    }
    int rows = Math.min(MAX_LIVE_ROWS, Math.max(PAGE_SIZE, items.size()));
    ReleaseQueueQuery query =
        new ReleaseQueueQuery(
            shown.statuses(),
            shown.currency(),
            shown.search(),
            shown.sort(),
            Optional.empty(),
            rows);
    int mine = generation;
    tasks
        .run(() -> source.page(query))
        .onSuccess(
            page -> {
              if (mine == generation && !loading.get()) {
                List<QueueItem> fresh = page.rows().stream().map(this::item).toList();
                selectionKeeper.accept(() -> ListMerge.update(items, fresh));
                done(page);
              }
              done.run();
            })
        .onFailure(
            failure -> {
              // The rows shown stay, said to be out of date until a read succeeds.
              if (mine == generation && !loading.get()) {
                error.set(OUT_OF_DATE + ErrorText.describe(failure));
              }
              done.run();
            });
  }

  /**
   * Wraps every in-place update of the rows, so the view can put the selection back (by checkpoint
   * id) as it is when the update lands, not as it was when the re-read started.
   */
  public void setSelectionKeeper(Consumer<Runnable> selectionKeeper) {
    this.selectionKeeper = selectionKeeper;
  }

  /** Appends the next page, if there is one. */
  public void loadMore() {
    if (next.isEmpty() || loading.get() || shown == null) {
      return;
    }
    ReleaseQueueQuery query = shown.after(next.get());
    int mine = generation;
    loading.set(true);
    tasks
        .run(() -> source.page(query))
        .onSuccess(
            page -> {
              if (mine != generation) {
                return;
              }
              items.addAll(page.rows().stream().map(this::item).toList());
              done(page);
            })
        .onFailure(failure -> failed(mine, failure));
  }

  private void done(ReleaseQueuePage page) {
    next = page.next();
    hasMore.set(next.isPresent());
    loading.set(false);
    error.set("");
    long ready = items.stream().filter(QueueItem::releasable).count();
    summary.set(
        items.size()
            + (next.isPresent() ? "+" : "")
            + " checkpoints · "
            + ready
            + " ready to release");
  }

  private void failed(int mine, Throwable failure) {
    if (mine == generation) {
      loading.set(false);
      error.set(ErrorText.describe(failure));
    }
  }

  QueueItem item(ReleaseQueueRow row) {
    return new QueueItem(
        row.checkpointId(),
        row.contractReference(),
        "#" + row.seq() + " " + row.label(),
        row.payee(),
        money.format(row.amountMinor() - row.releasedMinor(), row.currency()),
        CheckpointViewModel.statusText(row.status()),
        GateBadges.of(
            row.gates(),
            row.currency(),
            row.autoReleaseAt(),
            row.approvalRequirement(),
            clock.instant(),
            money),
        row.releasable());
  }

  public StringProperty searchProperty() {
    return search;
  }

  public StringProperty currencyProperty() {
    return currency;
  }

  public ObjectProperty<StatusFilter> statusProperty() {
    return status;
  }

  public ObjectProperty<Sort> sortProperty() {
    return sort;
  }

  public ObservableList<QueueItem> items() {
    return items;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasMoreProperty() {
    return hasMore.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }
}
