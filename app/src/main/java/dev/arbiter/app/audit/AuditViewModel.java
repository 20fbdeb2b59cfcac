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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
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
 * The audit log screen: filter inputs, one page of entries newest first, and the selected entry.
 * Pages are keyset pages from the database; "older" remembers where each page started so "newer"
 * can go back without offsets.
 *
 * <p>The newest page follows the database: audit_log does not notify, but every change anywhere
 * writes audit rows, so any change set re-reads the first page (at most once a second, merged in
 * place so the selection and scroll position stay). Older pages stay put while the user reads them.
 */
public final class AuditViewModel {

  /** Entries per page. */
  public static final int PAGE_SIZE = 100;

  /** The shortest time between two live re-reads of the newest page. */
  static final Duration LIVE_INTERVAL = Duration.ofSeconds(1);

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
  private final ZoneId zone;
  private final AuditText text;
  private final EntryDetailViewModel detail;

  private final StringProperty actor = new SimpleStringProperty("");
  private final ObjectProperty<AuditActorRole> role = new SimpleObjectProperty<>();
  private final StringProperty action = new SimpleStringProperty();
  private final StringProperty entityType = new SimpleStringProperty();
  private final StringProperty entity = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
  private final StringProperty search = new SimpleStringProperty("");
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
  private boolean jumped;
  // starts.get(i) is the keyset (id < start) of page i of the applied filter.
  private final List<Long> starts = new ArrayList<>(List.of(Long.MAX_VALUE));
  private long request;
  private final ThrottledRefresh live;

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
    this.live = new ThrottledRefresh(LIVE_INTERVAL, nanoClock, timer, this::liveLoad);
    this.pages = pages;
    this.tasks = tasks;
    this.zone = zone;
    this.text = new AuditText(locale, zone);
    this.detail = new EntryDetailViewModel(text);
    selected.addListener((obs, was, now) -> detail.show(now == null ? null : now.record()));
  }

  /** Applies the filter inputs and shows the newest matching page. */
  public void apply() {
    AuditFilter filter;
    try {
      filter = filterFromInputs();
    } catch (IllegalArgumentException e) {
      error.set(e.getMessage());
      return;
    }
    applied = filter;
    jumped = false;
    starts.clear();
    starts.add(Long.MAX_VALUE);
    load();
  }

  /** Clears every filter and shows the newest entries. */
  public void clearFilters() {
    actor.set("");
    role.set(null);
    action.set(null);
    entityType.set(null);
    entity.set("");
    fromDate.set(null);
    toDate.set(null);
    search.set("");
    apply();
  }

  /** Shows one record's entries: the audit view as that record's history. */
  public void showRecord(String type, String id) {
    actor.set("");
    role.set(null);
    action.set(null);
    fromDate.set(null);
    toDate.set(null);
    search.set("");
    entityType.set(type);
    entity.set(id);
    apply();
  }

  /**
   * Shows the unfiltered page that starts at entry {@code id} and selects it, for example the first
   * bad entry a verification named. "Newer" then leads back to the newest page.
   */
  public void goToEntry(long id) {
    actor.set("");
    role.set(null);
    action.set(null);
    entityType.set(null);
    entity.set("");
    fromDate.set(null);
    toDate.set(null);
    search.set("");
    applied = AuditFilter.none();
    starts.clear();
    starts.add(Long.MAX_VALUE);
    starts.add(id + 1);
    selectAfterLoad = id;
    jumped = true;
    load();
  }

  /** The page after this one (older entries). */
  public void older() {
    if (!hasOlder.get() || loading.get() || rows.isEmpty()) {
      return;
    }
    starts.add(rows.get(rows.size() - 1).id());
    load();
  }

  /** The page before this one (newer entries). */
  public void newer() {
    if (starts.size() < 2 || loading.get()) {
      return;
    }
    starts.remove(starts.size() - 1);
    load();
  }

  /** Reloads the current page of the applied filter (F5). */
  public void refresh() {
    load();
  }

  /** Something changed in the database, so new entries may be waiting on the newest page. */
  public void changed(ChangeSet changes) {
    if (!changes.isEmpty() && onNewestPage()) {
      live.request();
    }
  }

  private boolean onNewestPage() {
    return starts.size() == 1 && !jumped;
  }

  private void liveLoad(Runnable done) {
    if (onNewestPage()) {
      load(done);
    } else {
      done.run();
    }
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
    long before = starts.get(starts.size() - 1);
    int pageIndex = starts.size() - 1;
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
    if (rows.isEmpty()) {
      position.set(pageIndex == 0 ? "No entries match" : "No more entries");
    } else if (jumped && pageIndex > 0) {
      // Reached by goToEntry: how many entries are newer is not known, the ids are.
      position.set(
          "Entries #"
              + rows.get(0).id()
              + " to #"
              + rows.get(rows.size() - 1).id()
              + " · newest first");
    } else {
      long first = (long) pageIndex * PAGE_SIZE + 1;
      position.set(
          "Entries "
              + first
              + "–"
              + (first + rows.size() - 1)
              + (page.hasOlder() ? " of more" : "")
              + " · newest first");
    }
    selected.set(rows.stream().filter(r -> r.id() == keep).findFirst().orElse(null));
  }

  AuditFilter filterFromInputs() {
    LocalDate from = fromDate.get();
    LocalDate to = toDate.get();
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("The end date is before the start date.");
    }
    Instant fromTime = from == null ? null : from.atStartOfDay(zone).toInstant();
    // The end date counts in full: entries before the next day's start.
    Instant toTime = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    return new AuditFilter(
        actor.get(),
        role.get(),
        action.get(),
        entityType.get(),
        entity.get(),
        fromTime,
        toTime,
        search.get());
  }

  public EntryDetailViewModel detail() {
    return detail;
  }

  public StringProperty actorProperty() {
    return actor;
  }

  public ObjectProperty<AuditActorRole> roleProperty() {
    return role;
  }

  public StringProperty actionProperty() {
    return action;
  }

  public StringProperty entityTypeProperty() {
    return entityType;
  }

  public StringProperty entityProperty() {
    return entity;
  }

  public ObjectProperty<LocalDate> fromDateProperty() {
    return fromDate;
  }

  public ObjectProperty<LocalDate> toDateProperty() {
    return toDate;
  }

  public StringProperty searchProperty() {
    return search;
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
