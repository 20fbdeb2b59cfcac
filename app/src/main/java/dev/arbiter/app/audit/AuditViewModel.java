package dev.arbiter.app.audit;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.ThrottledRefresh;
import dev.arbiter.persistence.audit.AuditActorRole;
import dev.arbiter.persistence.audit.AuditFilter;
import dev.arbiter.persistence.audit.AuditPage;
import dev.arbiter.persistence.audit.AuditRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
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

  /** Reads a page; called off the FX thread. */
  @FunctionalInterface
  public interface Pages {
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

  private final Pages pages;
  private final TaskRunner tasks;
  private final AuditText text;
  private final EntryDetailViewModel detail;

  private final AuditFilterInputs inputs;
  private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();

  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper hasNewer = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");

  private AuditFilter applied = AuditFilter.none();
  private long selectAfterLoad;
  private final AuditPaging paging = new AuditPaging();
  private long request;
  private final AuditLiveRefresh live;

  public AuditViewModel(Pages pages, TaskRunner tasks, Locale locale, ZoneId zone) {
    this(pages, tasks, locale, zone, System::nanoTime, ThrottledRefresh.fxTimer());
  }

  /**
   * @param nanoClock and {@code timer} space the live re-reads (tests pass their own)
   */
  public AuditViewModel(
      Pages pages,
      TaskRunner tasks,
      Locale locale,
      ZoneId zone,
      LongSupplier nanoClock,
      ThrottledRefresh.Timer timer) {
    this.live = new AuditLiveRefresh(nanoClock, timer, paging::onNewest, this::load);
    this.pages = pages;
    this.tasks = tasks;
    this.inputs = new AuditFilterInputs(zone);
    this.text = new AuditText(locale, zone);
    this.detail = new EntryDetailViewModel(text);
    selected.addListener((obs, was, now) -> detail.show(now == null ? null : now.record()));
  }

  /** Applies the filter inputs and shows the newest matching page. */
  public void apply() {
    AuditFilter filter;
    try {
      filter = inputs.toFilter();
    } catch (IllegalArgumentException e) {
      error.set(e.getMessage());
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
    if (!hasOlder.get() || loading.get() || rows.isEmpty()) {
      return;
    }
    paging.older(rows.get(rows.size() - 1).id());
    load();
  }

  /** The page before this one (newer entries). */
  public void newer() {
    if (!loading.get() && paging.newer()) {
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
    load(() -> {});
  }

  private void load(Runnable done) {
    long mine = ++request;
    AuditFilter filter = applied;
    long before = paging.before();
    int pageIndex = paging.index();
    loading.set(true);
    tasks
        .run(() -> pages.page(filter, before, PAGE_SIZE))
        .onSuccess(
            page -> {
              if (mine == request) {
                loading.set(false);
                error.set("");
                show(page, pageIndex);
              }
              done.run();
            })
        .onFailure(
            failure -> {
              if (mine == request) {
                loading.set(false);
                error.set(ErrorText.describe(failure));
              }
              done.run();
            });
  }

  private void show(AuditPage page, int pageIndex) {
    long keep =
        selectAfterLoad > 0 ? selectAfterLoad : selected.get() == null ? 0 : selected.get().id();
    selectAfterLoad = 0;
    ListMerge.update(
        rows,
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
    hasOlder.set(page.hasOlder());
    hasNewer.set(pageIndex > 0);
    position.set(paging.position(pageIndex, rows, page.hasOlder()));
    selected.set(rows.stream().filter(r -> r.id() == keep).findFirst().orElse(null));
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
    return rowsView;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasOlderProperty() {
    return hasOlder.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasNewerProperty() {
    return hasNewer.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty positionProperty() {
    return position.getReadOnlyProperty();
  }
}
