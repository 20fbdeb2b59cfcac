package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.RefreshGate;
import dev.arbiter.persistence.workspaces.WorkspaceCursor;
import dev.arbiter.persistence.workspaces.WorkspacePage;
import dev.arbiter.persistence.workspaces.WorkspaceQuery;
import dev.arbiter.persistence.workspaces.WorkspaceRow;
import dev.arbiter.persistence.workspaces.WorkspaceSort;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workspace list: filters, sort and keyset pages read in SQL. "Load more" appends the next page
 * after the last row's cursor; changing a filter starts again from the first page. Changes in the
 * database re-read the loaded rows in place ({@link #changed}); {@link #liveRevisionProperty()}
 * ticks after each, so the view can put the selection back.
 */
public final class WorkspaceListViewModel {

  static final int PAGE_SIZE = 50;

  private final Function<WorkspaceQuery, WorkspacePage> source;
  private final TaskRunner tasks;
  private final StringProperty text = new SimpleStringProperty("");
  private final StringProperty status = new SimpleStringProperty("");
  private final ObjectProperty<WorkspaceSort> sort = new SimpleObjectProperty<>(WorkspaceSort.NAME);
  private final BooleanProperty descending = new SimpleBooleanProperty(false);
  private final ObservableList<WorkspaceRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ReadOnlyLongWrapper liveRevision = new ReadOnlyLongWrapper(0);
  private final RefreshGate live = new RefreshGate(this::requery);
  private WorkspaceQuery lastQuery;
  private WorkspaceCursor next;
  private long generation;
  private long pages;

  public WorkspaceListViewModel(Function<WorkspaceQuery, WorkspacePage> source, TaskRunner tasks) {
    this.source = source;
    this.tasks = tasks;
  }

  /** Reads the first page for the current filters, replacing the rows. */
  public void reload() {
    String state = status.get() == null ? "" : status.get();
    WorkspaceQuery query =
        new WorkspaceQuery(text.get(), state, null, sort.get(), descending.get(), PAGE_SIZE, null);
    fetch(query, true);
  }

  /** Appends the page after the last row; ignored on the last page. */
  public void loadMore() {
    if (next == null || lastQuery == null || loading.get()) {
      return;
    }
    fetch(lastQuery.next(next), false);
  }

  private void fetch(WorkspaceQuery query, boolean replace) {
    long mine = ++generation;
    loading.set(true);
    tasks
        .run(() -> source.apply(query))
        .onSuccess(
            page -> {
              if (mine != generation) {
                return; // a newer filter superseded this read
              }
              loading.set(false);
              error.set("");
              lastQuery = query.next(null);
              next = page.next();
              hasMore.set(page.hasMore());
              if (replace) {
                rows.setAll(page.rows());
              } else {
                pages++;
                rows.addAll(page.rows());
              }
              summary.set(rows.size() + (page.hasMore() ? "+ workspaces" : " workspaces"));
            })
        .onFailure(
            failure -> {
              if (mine == generation) {
                loading.set(false);
                error.set(ErrorText.describe(failure));
              }
            });
  }

  /**
   * Re-reads the loaded rows when {@code changes} concern the list (a workspace, its members or its
   * contracts changed). At most one re-read runs at a time. FX thread.
   */
  public void changed(ChangeSet changes) {
    if (lastQuery != null && changes.touches("workspaces", "workspace_members", "contracts")) {
      live.request();
    }
  }

  private void requery(Runnable done) {
    WorkspaceQuery first = lastQuery;
    int limit = Math.min(500, Math.max(PAGE_SIZE, rows.size()));
    WorkspaceQuery query =
        new WorkspaceQuery(
            first.text(),
            first.status(),
            first.type(),
            first.sort(),
            first.descending(),
            limit,
            null);
    long mine = generation;
    long pagesAtStart = pages;
    tasks
        .run(() -> source.apply(query))
        .onSuccess(
            page -> {
              done.run();
              if (mine != generation || loading.get()) {
                return; // a new filter reads afresh anyway
              }
              if (pagesAtStart != pages) {
                live.request(); // a page was appended meanwhile: read again, including it
                return;
              }
              ListMerge.update(rows, page.rows());
              next = page.next();
              hasMore.set(page.hasMore());
              summary.set(rows.size() + (page.hasMore() ? "+ workspaces" : " workspaces"));
              error.set("");
              liveRevision.set(liveRevision.get() + 1);
            })
        .onFailure(
            failure -> {
              done.run();
              if (mine == generation) {
                error.set(ErrorText.describe(failure));
              }
            });
  }

  /** Ticks after every live update of the rows. */
  public ReadOnlyLongProperty liveRevisionProperty() {
    return liveRevision.getReadOnlyProperty();
  }

  public StringProperty textProperty() {
    return text;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public ObjectProperty<WorkspaceSort> sortProperty() {
    return sort;
  }

  public BooleanProperty descendingProperty() {
    return descending;
  }

  public ObservableList<WorkspaceRow> rows() {
    return rows;
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
