package dev.arbiter.app.common;

import java.util.function.BiConsumer;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;

/** Table cells drawn by a function, for columns that show more than the value's text, and money. */
public final class TableCells {

  private TableCells() {}

  /** Marks {@code column} as amounts: right-aligned, so that figures line up (console.css). */
  public static <S, T> TableColumn<S, T> money(TableColumn<S, T> column) {
    column.getStyleClass().add("money");
    return column;
  }

  /**
   * @param draw draws the cell for a value, or for null when the cell is empty
   */
  public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> drawnBy(
      BiConsumer<TableCell<S, T>, T> draw) {
    return column ->
        new TableCell<>() {
          @Override
          protected void updateItem(T value, boolean empty) {
            super.updateItem(value, empty);
            draw.accept(this, empty ? null : value);
          }
        };
  }
}
