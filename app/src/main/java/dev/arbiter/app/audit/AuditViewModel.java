package dev.arbiter.app.audit;

import dev.arbiter.app.common.PagedList;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.ThrottledRefresh;
import dev.arbiter.persistence.audit.AuditActorRole;
import dev.arbiter.persistence.audit.AuditFilter;
import dev.arbiter.persistence.audit.AuditPage;
import dev.arbiter.persistence.audit.AuditRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The audit log screen: filter inputs ({@link AuditFilterInputs}), one page of entries newest
 * first, and the selected entry. Pages are keyset pages from the database ({@link AuditPaging}).
 * The newest page follows the database ({@link AuditLiveRefresh}), merged in place so the selection
 * and scroll position stay.
 */
public final class AuditViewModel {

  /** Entries per page. */
  public static final int PAGE_SIZE = 100;

  /** What the log reads; the area implements it over the persistence services. */
  @FunctionalInterface
  public interface Port {
    /** Up to {@code limit} entries below {@code beforeId}, newest first; off the FX thread. */
    AuditPage page(AuditFilter filter, long beforeId, int limit);
  }

  /** One table row. */
  public record Row(
      long id,
      String time,
      String actor,
      String action,
      String entity,
      String summary,
      AuditRecord record) {}

  private final Port port;
  private final AuditText text;
  private final EntryDetailViewModel detail;

  private final AuditFilterInputs inputs;
  private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();

  // Its summary is the position line; "more" means older entries.
  private final PagedList<Row, Long> list;
  private final ReadOnlyBooleanWrapper hasNewer = new ReadOnlyBooleanWrapper(false);

  private AuditFilter applied = AuditFilter.none();
  private long selectAfterLoad;
  private final AuditPaging paging = new AuditPaging();
  private final AuditLiveRefresh live;

  public AuditViewModel(Port port, TaskRunner tasks, Locale locale, ZoneId zone) {
    this(port, tasks, locale, zone, System::nanoTime, ThrottledRefresh.fxTimer());
  }

  /**
   * @param nanoClock and {@code timer} space the live re-reads (tests pass their own)
   */
  public AuditViewModel(
      Port port,
      TaskRunner tasks,
      Locale locale,
      ZoneId zone,
      LongSupplier nanoClock,
      ThrottledRefresh.Timer timer) {
    this.port = port;
    this.list = new PagedList<>(tasks, Row::id, "");
    this.live = new AuditLiveRefresh(nanoClock, timer, paging::onNewest, list::reread);
    this.inputs = new AuditFilterInputs(zone);
    this.text = new AuditText(locale, zone);
    this.detail = new EntryDetailViewModel(text);
    list.followLive(this::pageRead, this::show);
    selected.addListener((obs, was, now) -> detail.show(now == null ? null : now.record()));
  }

  /** Applies the filter inputs and shows the newest matching page. */
  public void apply() {
    AuditFilter filter;
    try {
      filter = inputs.toFilter();
    } catch (IllegalArgumentException e) {
      list.setError(e.getMessage());
      return;
    }
    applied = filter;
    paging.reset();
    load();
  }

  /** Clears every filter and shows the newest entries. */
  public void clearFilters() {
    inputs.clear();
    apply();
  }

  /** Shows one record's entries: the audit view as that record's history. */
  public void showRecord(String type, String id) {
    inputs.clearAllButRecord();
    inputs.entityType.set(type);
    inputs.entity.set(id);
    apply();
  }

  /**
   * Shows the unfiltered page that starts at entry {@code id} and selects it, for example the first
   * bad entry a verification named. "Newer" then leads back to the newest page.
   */
  public void goToEntry(long id) {
    inputs.clear();
    applied = AuditFilter.none();
    paging.jumpTo(id);
    selectAfterLoad = id;
    load();
  }

  /** The page after this one (older entries). */
  public void older() {
    List<Row> rows = list.rows();
    if (!list.hasMoreProperty().get() || list.loadingProperty().get() || rows.isEmpty()) {
      return;
    }
    paging.older(rows.get(rows.size() - 1).id());
    load();
  }

  /** The page before this one (newer entries). */
  public void newer() {
    if (!list.loadingProperty().get() && paging.newer()) {
      load();
    }
  }

  /** Reloads the current page of the applied filter (F5). */
  public void refresh() {
    load();
  }

  /** Something changed in the database, so new entries may be waiting on the newest page. */
  public void changed(ChangeSet changes) {
    live.changed(changes);
  }

  /** The filter the table shows, which is also what an export writes. */
  public AuditFilter appliedFilter() {
    return applied;
  }

  private void load() {
    list.read(pageRead(), this::show);
  }

  private record Shown(AuditPage page, int pageIndex) {}

  // The page the paging stands on, as it stands when the read starts.
  private Callable<Shown> pageRead() {
    AuditFilter filter = applied;
    long before = paging.before();
    int pageIndex = paging.index();
    return () -> new Shown(port.page(filter, before, PAGE_SIZE), pageIndex);
  }

  private void show(Shown shown) {
    AuditPage page = shown.page();
    long keep =
        selectAfterLoad > 0 ? selectAfterLoad : selected.get() == null ? 0 : selected.get().id();
    selectAfterLoad = 0;
    list.merge(
        page.entries().stream()
            .map(
                r ->
                    new Row(
                        r.id(),
                        text.time(r),
                        AuditText.who(r),
                        r.action(),
                        AuditText.entity(r),
                        r.summary(),
                        r))
            .toList());
    list.setHasMore(page.hasOlder());
    hasNewer.set(shown.pageIndex() > 0);
    list.setSummary(paging.position(shown.pageIndex(), list.rows(), page.hasOlder()));
    selected.set(list.rows().stream().filter(r -> r.id() == keep).findFirst().orElse(null));
  }

  public EntryDetailViewModel detail() {
    return detail;
  }

  public StringProperty actorProperty() {
    return inputs.actor;
  }

  public ObjectProperty<AuditActorRole> roleProperty() {
    return inputs.role;
  }

  public StringProperty actionProperty() {
    return inputs.action;
  }

  public StringProperty entityTypeProperty() {
    return inputs.entityType;
  }

  public StringProperty entityProperty() {
    return inputs.entity;
  }

  public ObjectProperty<LocalDate> fromDateProperty() {
    return inputs.fromDate;
  }

  public ObjectProperty<LocalDate> toDateProperty() {
    return inputs.toDate;
  }

  public StringProperty searchProperty() {
    return inputs.search;
  }

  public ObjectProperty<Row> selectedProperty() {
    return selected;
  }

  public ObservableList<Row> rows() {
    return list.rows();
  }

  /**
   * Loading, error, whether older entries follow ({@code hasMore}) and the position line ({@code
   * summary}).
   */
  public PagedList<Row, Long> list() {
    return list;
  }

  public ReadOnlyBooleanProperty hasNewerProperty() {
    return hasNewer.getReadOnlyProperty();
  }
}
