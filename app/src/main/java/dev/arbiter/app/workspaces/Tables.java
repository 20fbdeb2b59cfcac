package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.ColumnFit;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small helpers for the read-only text tables of the workspace view. */
final class Tables {

  private Tables() {}

  static <T> TableView<T> table(String id) {
    TableView<T> table = new TableView<>();
    table.setId(id);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    ColumnFit.install(table);
    return table;
  }

  @SafeVarargs
  static <T> void columns(TableView<T> table, TableColumn<T, String>... columns) {
    table.getColumns().setAll(columns);
    // The tabs' tables come from FXML as well as from table(id).
    ColumnFit.install(table);
  }

  static <T> TableColumn<T, String> column(String title, Function<T, Object> value) {
    TableColumn<T, String> column = new TableColumn<>(title);
    column.setSortable(false);
    column.setCellValueFactory(
        cell -> {
          Object v = value.apply(cell.getValue());
          return new ReadOnlyStringWrapper(v == null ? "" : v.toString());
        });
    return column;
  }

  /**
   * Shows the rows {@code rows} picks from each read of the workspace, updated in place, and keeps
   * the same row (by {@code id}) selected across the reload that follows every action.
   */
  static <T> void follow(
      TableView<T> table,
      ObservableValue<WorkspaceDetails> details,
      Function<WorkspaceDetails, List<T>> rows,
      ToLongFunction<T> id) {
    ObservableList<T> shown = FXCollections.observableArrayList();
    table.setItems(shown);
    details.addListener(
        (obs, old, d) -> {
          T was = table.getSelectionModel().getSelectedItem();
          ListMerge.update(shown, d == null ? List.of() : rows.apply(d));
          T now = table.getSelectionModel().getSelectedItem();
          if (was != null && (now == null || id.applyAsLong(now) != id.applyAsLong(was))) {
            shown.stream()
                .filter(row -> id.applyAsLong(row) == id.applyAsLong(was))
                .findFirst()
                .ifPresent(row -> table.getSelectionModel().select(row));
          }
        });
  }
}
