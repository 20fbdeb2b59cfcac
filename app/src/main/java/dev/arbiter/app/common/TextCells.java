package dev.arbiter.app.common;

import java.util.function.Function;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.util.Callback;

/** List cells that show one line of text taken from the item. */
public final class TextCells {

  private TextCells() {}

  public static <T> Callback<ListView<T>, ListCell<T>> of(Function<? super T, String> text) {
    return list ->
        new ListCell<>() {
          @Override
          protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
          }
        };
  }
}
