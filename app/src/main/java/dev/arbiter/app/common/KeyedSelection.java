package dev.arbiter.app.common;

import java.util.List;
import java.util.Objects;
import javafx.scene.control.MultipleSelectionModel;

/**
 * Ties a table's or list's selection to {@link KeyedRows}, so it stays on its row across merges.
 */
public final class KeyedSelection {

  private KeyedSelection() {}

  /**
   * @param shown the items the control shows: the rows themselves, or a sorted view of them
   */
  public static <T, K> void follow(
      MultipleSelectionModel<T> selection, List<T> shown, KeyedRows<T, K> rows) {
    selection.selectedItemProperty().addListener((obs, was, now) -> rows.select(now));
    rows.revisionProperty().addListener((obs, was, now) -> restore(selection, shown, rows));
  }

  private static <T, K> void restore(
      MultipleSelectionModel<T> selection, List<T> shown, KeyedRows<T, K> rows) {
    K wanted = rows.selectedKeyProperty().get();
    int index = -1;
    for (int i = 0; wanted != null && i < shown.size(); i++) {
      if (Objects.equals(rows.keyOf(shown.get(i)), wanted)) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      if (!selection.isEmpty()) {
        selection.clearSelection();
      }
    } else if (selection.getSelectedIndex() != index
        || selection.getSelectedItem() != shown.get(index)) {
      selection.clearAndSelect(index);
    }
  }
}
