package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
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
 * after the last row's cursor; changing a filter starts again from the first page.
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
  private WorkspaceQuery lastQuery;
  private WorkspaceCursor next;
  private long generation;

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
