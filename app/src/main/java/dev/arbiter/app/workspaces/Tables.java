package dev.arbiter.app.workspaces;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small helpers for the read-only text tables of the workspace view. */
final class Tables {

  private Tables() {}

  static <T> TableView<T> table(String id) {
    TableView<T> table = new TableView<>();
    table.setId(id);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    return table;
  }

  @SafeVarargs
  static <T> void columns(TableView<T> table, TableColumn<T, String>... columns) {
    table.getColumns().setAll(columns);
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
}
