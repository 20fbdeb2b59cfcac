package dev.arbiter.app.common;

import java.util.function.BiConsumer;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;
import javafx.util.Callback;

/** Table cells drawn by a function, for columns that show more than the value's text, and money. */
public final class TableCells {

  /** A cell's left and right padding, which the wrapped text leaves free. */
  private static final double WRAP_PADDING = 16;

  private TableCells() {}

  /**
   * Cells that wrap their text onto as many lines as it needs, for values too long for any column
   * (a JSON value in an audit entry): the whole value shows, the row grows.
   */
  public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> wrapped() {
    return column ->
        new TableCell<>() {
          private final Text text = new Text();

          {
            text.getStyleClass().add("wrapped-cell-text");
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(WRAP_PADDING));
          }

          @Override
          protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            setText(null);
            text.setText(empty || value == null ? "" : value);
            setGraphic(empty ? null : text);
          }
        };
  }

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
