package dev.arbiter.app.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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

  /**
   * Runs {@code update} of the rows a control shows and puts a multiple selection back on the same
   * rows by key, wherever they are now: a control drops a replaced row from its selection. The
   * selection is taken as the update lands, so rows picked while a re-read was out stay picked. The
   * focused row is selected last, so it stays the selected item.
   *
   * @param shown the items the control shows
   */
  public static <T, K> void keepAll(
      MultipleSelectionModel<T> selection,
      List<T> shown,
      Function<? super T, ? extends K> key,
      Runnable update) {
    List<K> picked = keys(selection.getSelectedItems(), key);
    T focusedRow = selection.getSelectedItem();
    K focused = focusedRow == null ? null : key.apply(focusedRow);
    update.run();
    if (keys(selection.getSelectedItems(), key).equals(picked)) {
      return;
    }
    selection.clearSelection();
    int focusIndex = -1;
    for (int i = 0; i < shown.size(); i++) {
      K now = key.apply(shown.get(i));
      if (focused != null && focused.equals(now)) {
        focusIndex = i;
      } else if (picked.contains(now)) {
        selection.select(i);
      }
    }
    if (focusIndex >= 0) {
      selection.select(focusIndex);
    }
  }

  private static <T, K> List<K> keys(List<T> rows, Function<? super T, ? extends K> key) {
    return rows.stream().<K>map(key).toList();
  }
}
