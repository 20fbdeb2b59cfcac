package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.PagedList;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.persistence.workspaces.WorkspaceCursor;
import dev.arbiter.persistence.workspaces.WorkspacePage;
import dev.arbiter.persistence.workspaces.WorkspaceQuery;
import dev.arbiter.persistence.workspaces.WorkspaceRow;
import dev.arbiter.persistence.workspaces.WorkspaceSort;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The workspace list: filters, sort and keyset pages read in SQL. "Load more" appends the next page
 * after the last row's cursor; changing a filter starts again from the first page. Changes in the
 * database re-read the loaded rows in place ({@link #changed}), keeping the selected workspace.
 */
public final class WorkspaceListViewModel {

  /** What the list reads; the area implements it over the persistence services. */
  @FunctionalInterface
  public interface Port {
    /** One page; called off the FX thread. */
    WorkspacePage page(WorkspaceQuery query);
  }

  static final int PAGE_SIZE = 50;
  private static final int MAX_LIVE_ROWS = 500;

  private final Port port;
  private final PagedList<WorkspaceRow, Long> list;
  private final StringProperty text = new SimpleStringProperty("");
  private final StringProperty status = new SimpleStringProperty("");
  private final ObjectProperty<WorkspaceSort> sort = new SimpleObjectProperty<>(WorkspaceSort.NAME);
  private final BooleanProperty descending = new SimpleBooleanProperty(false);
  private WorkspaceQuery lastQuery;
  private WorkspaceCursor next;

  public WorkspaceListViewModel(Port port, TaskRunner tasks) {
    this.port = port;
    this.list = new PagedList<>(tasks, WorkspaceRow::id, "");
    list.followLive(this::liveRead, page -> show(page, list::merge));
  }

  /** Reads the first page for the current filters, replacing the rows. */
  public void reload() {
    String state = status.get() == null ? "" : status.get();
    WorkspaceQuery query =
        new WorkspaceQuery(text.get(), state, null, sort.get(), descending.get(), PAGE_SIZE, null);
    list.read(
        () -> port.page(query),
        page -> {
          lastQuery = query.next(null);
          show(page, list::replace);
        });
  }

  /** Appends the page after the last row; ignored on the last page. */
  public void loadMore() {
    if (next == null || lastQuery == null || list.loadingProperty().get()) {
      return;
    }
    WorkspaceQuery query = lastQuery.next(next);
    list.read(() -> port.page(query), page -> show(page, list::append));
  }

  private void show(WorkspacePage page, Consumer<List<WorkspaceRow>> rows) {
    rows.accept(page.rows());
    next = page.next();
    list.setHasMore(page.hasMore());
    list.setSummary(list.rows().size() + (page.hasMore() ? "+ workspaces" : " workspaces"));
  }

  /**
   * Re-reads the loaded rows when {@code changes} concern the list (a workspace, its members or its
   * contracts changed). At most one re-read runs at a time. FX thread.
   */
  public void changed(ChangeSet changes) {
    if (changes.touches("workspaces", "workspace_members", "contracts")) {
      list.changed();
    }
  }

  private Callable<WorkspacePage> liveRead() {
    WorkspaceQuery first = lastQuery;
    int limit = Math.min(MAX_LIVE_ROWS, Math.max(PAGE_SIZE, list.rows().size()));
    WorkspaceQuery query =
        new WorkspaceQuery(
            first.text(),
            first.status(),
            first.type(),
            first.sort(),
            first.descending(),
            limit,
            null);
    return () -> port.page(query);
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
    return list.rows();
  }

  /** Loading, more rows, error and summary, and the selected workspace's key. */
  public PagedList<WorkspaceRow, Long> list() {
    return list;
  }
}
