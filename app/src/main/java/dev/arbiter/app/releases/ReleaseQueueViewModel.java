package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.PagedList;
import dev.arbiter.app.common.Plurals;
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
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The release queue: filters and order chosen here are applied by the database, and pages are
 * fetched by keyset as the reviewer scrolls ("Load more"), never the whole table at once.
 */
public final class ReleaseQueueViewModel {

  /** What the queue reads; the area implements it over the persistence services. */
  @FunctionalInterface
  public interface Port {
    /** One page; called off the FX thread. */
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

  private final Port port;
  private final PagedList<QueueItem, Long> list;
  private final MoneyFormat money;
  private final Clock clock;
  private final StringProperty search = new SimpleStringProperty("");
  private final StringProperty currency = new SimpleStringProperty("");
  private final ObjectProperty<StatusFilter> status =
      new SimpleObjectProperty<>(StatusFilter.ALL_OPEN);
  private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(Sort.OVERDUE_FIRST);
  private Optional<Cursor> next = Optional.empty();
  private ReleaseQueueQuery shown;

  public ReleaseQueueViewModel(Port port, TaskRunner tasks, Locale locale, Clock clock) {
    this.port = port;
    this.money = new MoneyFormat(locale);
    this.clock = clock;
    this.list =
        new PagedList<QueueItem, Long>(tasks, QueueItem::checkpointId, "Not loaded yet")
            .describeFailures(
                ErrorText::describe,
                f -> "The queue could not be brought up to date: " + ErrorText.describe(f));
    list.followLive(this::liveRead, page -> show(page, list::merge));
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
    list.read(
        () -> port.page(query),
        page -> {
          shown = query;
          show(page, list::replace);
        });
  }

  /**
   * Re-reads what is shown after the change feed reported changes: the same filters, as many rows
   * as are loaded now, merged in place so the table keeps its scroll position and unchanged rows.
   * {@code done} runs when the read has finished, either way. A reload started by the reviewer in
   * the meantime wins.
   */
  public void refreshLive(Runnable done) {
    list.reread(done);
  }

  private Callable<ReleaseQueuePage> liveRead() {
    int rows = Math.min(MAX_LIVE_ROWS, Math.max(PAGE_SIZE, list.rows().size()));
    ReleaseQueueQuery query =
        new ReleaseQueueQuery(
            shown.statuses(),
            shown.currency(),
            shown.search(),
            shown.sort(),
            Optional.empty(),
            rows);
    return () -> port.page(query);
  }

  /** Appends the next page, if there is one. */
  public void loadMore() {
    if (next.isEmpty() || list.loadingProperty().get() || shown == null) {
      return;
    }
    ReleaseQueueQuery query = shown.after(next.get());
    list.read(() -> port.page(query), page -> show(page, list::append));
  }

  private void show(ReleaseQueuePage page, Consumer<List<QueueItem>> rows) {
    rows.accept(page.rows().stream().map(this::item).toList());
    next = page.next();
    list.setHasMore(next.isPresent());
    long ready = list.rows().stream().filter(QueueItem::releasable).count();
    int shown = list.rows().size();
    list.setSummary(
        (next.isPresent() ? shown + "+ checkpoints" : Plurals.of(shown, "checkpoint"))
            + " · "
            + ready
            + " ready to release");
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
    return list.rows();
  }

  /** Loading, more rows, error and summary, and the selection keeper for the table. */
  public PagedList<QueueItem, Long> list() {
    return list;
  }
}
